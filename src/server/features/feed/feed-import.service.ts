// One run of the data feed (BK-8, docs/decisions/0020): a CSV stream of one kind, read as it
// arrives (csv-parse; never the whole file in memory), each row checked by its columns, loaded in
// batches of BATCH_ROWS, each batch its own transaction. A run stopped midway (Ctrl-C, SIGKILL)
// keeps every committed batch, and a rerun of the same file finishes the job without duplicates
// (the load is an upsert by natural key). Each run is recorded in feed_runs and audited.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import type { TBulkConnection } from '../../db/bulk.ts';
import type { TDatabase } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { FEED_KIND, type TFeedColumn, type TFeedKind, type TFeedKindName } from './feed-kinds.ts';
import { analyzeTable, createRunTables, dropRunTables, loadBatch, type TFeedProblem, type TRunTables } from './feed-batch.store.ts';
import { insertFeedRun, updateFeedRun, type TFeedRunCounts } from './feed-runs.store.ts';

export type { TFeedProblem } from './feed-batch.store.ts';

export interface TFeedDeps extends TDataDeps {
  bulk: TDatabase['withBulkConnection'];
}

/** Rows a batch holds: large enough for set-based SQL to pay, small enough to keep memory flat. */
export const BATCH_ROWS = 10_000;

export interface TFeedInput {
  kind: TFeedKindName;
  csv: Readable;
  source: 'cli' | 'api';
  actor: { id?: string | null; label: string };
  /** After each batch: rows read so far and the bytes of the file read. */
  onProgress?: (progress: { rows: number; bytes: number }) => void;
  /** Every refused row's problems, as they are found (the CLI writes the error report from them). */
  onProblems?: (problems: readonly TFeedProblem[]) => void | Promise<void>;
  batchRows?: number;
}

export interface TFeedReport extends TFeedRunCounts {
  runId: string;
  kind: TFeedKindName;
  /** Why nothing (more) was loaded, e.g. a header naming unknown columns. */
  error?: string;
  /** The first problems (all of them go to onProblems). */
  problems: TFeedProblem[];
  durationMs: number;
}

const PROBLEMS_KEPT = 1_000;
/**
 * A load that wrote this many rows refreshes the table's planner statistics. PGlite has no
 * autovacuum, so without it a loaded table keeps none, and a plan that guesses one row per side
 * compares two large row sets pair by pair; on PostgreSQL it spares waiting for autovacuum.
 */
const ANALYZE_AFTER_ROWS = 1_000;

export async function importFeed(deps: TFeedDeps, input: TFeedInput): Promise<TFeedReport> {
  const kind = FEED_KIND[input.kind];
  const started = performance.now();
  const runId = await insertFeedRun(deps.db, { kind: kind.name, source: input.source, actorLabel: input.actor.label, now: deps.clock.now() });
  const report: TFeedReport = { runId, kind: kind.name, rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, problems: [], durationMs: 0 };
  const noteProblems = async (problems: readonly TFeedProblem[]) => {
    if (problems.length === 0) return;
    report.failed += new Set(problems.map((p) => p.line)).size;
    for (const problem of problems) if (report.problems.length < PROBLEMS_KEPT) report.problems.push(problem);
    await input.onProblems?.(problems);
  };
  try {
    await deps.bulk((connection) => readAndLoad(connection, { deps, kind, input, report, noteProblems }));
  } catch (error) {
    if (!(error instanceof FeedFileError)) {
      // The file stopped arriving (a body over its limit, a client gone) or the database failed.
      const stopped = input.csv.errored ? `the file stopped arriving: ${input.csv.errored.message}` : 'the load stopped on an unexpected error';
      await finish(deps, report, { status: 'failed', error: stopped, started, actor: input.actor });
      throw error;
    }
    report.error = error.message;
    await noteProblems([{ line: error.line, column: '', value: '', reason: error.message }]);
  }
  await finish(deps, report, { status: report.error ? 'failed' : 'completed', started, actor: input.actor });
  return report;
}

/** The file cannot be read as this kind (header, encoding): the run stops at that line. */
class FeedFileError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(message);
    this.line = line;
  }
}

interface TRun {
  deps: TFeedDeps;
  kind: TFeedKind;
  input: TFeedInput;
  report: TFeedReport;
  noteProblems: (problems: readonly TFeedProblem[]) => Promise<void>;
}

async function readAndLoad(connection: TBulkConnection, run: TRun): Promise<void> {
  const { kind, input, report } = run;
  const parser = feedCsvParser();
  // pipeline, not pipe: a source that failed before this point (a body over its limit while the
  // run was starting) still ends the parser with its error instead of leaving it waiting.
  pipeline(input.csv, parser).catch(() => {});
  const skipped: TFeedProblem[] = [];
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    report.rowsRead++;
    skipped.push({ line: error.lines ?? 0, column: '', value: '', reason: `not readable as CSV: ${error.message}` });
  });
  let header: THeader | undefined;
  let tables: TRunTables | undefined;
  let batch: string[] = [];
  let bytes = 0;
  // One batch loads while the next is read and checked: the database and the parser overlap.
  let loading: Promise<void> = Promise.resolve();
  const load = async (copy: string, rows: number, readBytes: number) => {
    const counts = await connection.transaction((tx) => loadBatch(tx, { tables: tables as TRunTables, copy, rows, now: run.deps.clock.now() }));
    report.inserted += counts.inserted;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
    await run.noteProblems(counts.refused);
    input.onProgress?.({ rows: report.rowsRead, bytes: readBytes });
  };
  const flush = async () => {
    await loading;
    await run.noteProblems(skipped.splice(0));
    if (!tables || batch.length === 0) return;
    loading = load(batch.join(''), batch.length, bytes);
    loading.catch(() => {}); // awaited at the next flush; this only keeps it from being "unhandled"
    batch = [];
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number } }>) {
      const line = startLine(record, info.lines);
      bytes = info.bytes;
      if (!header) {
        header = readHeader(kind, record, line);
        tables = await createRunTables(connection, { kind, present: header.present, tag: randomBytes(6).toString('hex') });
        continue;
      }
      report.rowsRead++;
      const row = readRow(kind, header, { record, line });
      if ('problems' in row) await run.noteProblems(row.problems);
      else batch.push(row.copy);
      if (batch.length >= (input.batchRows ?? BATCH_ROWS)) await flush();
    }
    if (!header) throw new FeedFileError(1, 'the file is empty: it needs a header row naming its columns');
    await flush();
    await loading;
    if (report.inserted + report.updated >= ANALYZE_AFTER_ROWS) await analyzeTable(connection, kind);
  } finally {
    await loading.catch(() => {});
    if (tables) await dropRunTables(connection, tables).catch(() => {});
  }
}

/**
 * The feed's reader: a BOM is fine, records carry their line (`info`), a short or long record is
 * reported by the row check, and an unreadable record is skipped with an event instead of ending
 * the file.
 */
export function feedCsvParser() {
  return parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true });
}

/** csv-parse reports the line a record ends on; a quoted field with line breaks started earlier. */
function startLine(record: string[], endLine: number): number {
  let breaks = 0;
  for (const field of record) if (field.includes('\n')) breaks += field.split('\n').length - 1;
  return endLine - breaks;
}

interface THeader {
  /** The file's columns in its order, as the kind defines them. */
  present: TFeedColumn[];
}

function readHeader(kind: TFeedKind, record: string[], line: number): THeader {
  const names = record.map((name) => name.trim().toLowerCase());
  const expected = kind.columns.map((c) => c.csv);
  const unknown = names.filter((n) => !expected.includes(n));
  if (unknown.length)
    throw new FeedFileError(line, `unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}; the ${kind.name} columns are ${expected.join(',')}`);
  const missing = kind.columns.filter((c) => c.required && !names.includes(c.csv)).map((c) => c.csv);
  if (missing.length) throw new FeedFileError(line, `the header lacks the column(s) ${missing.join(', ')}; the ${kind.name} columns are ${expected.join(',')}`);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length) throw new FeedFileError(line, `the column(s) ${[...new Set(repeated)].join(', ')} appear more than once`);
  return { present: names.map((n) => kind.columns.find((c) => c.csv === n) as TFeedColumn) };
}

/** The row as a COPY line, or every problem it has (a row is loaded whole or not at all). */
function readRow(kind: TFeedKind, header: THeader, { record, line }: { record: string[]; line: number }): { copy: string } | { problems: TFeedProblem[] } {
  if (record.length !== header.present.length) {
    return { problems: [{ line, column: '', value: '', reason: `expected ${header.present.length} fields, found ${record.length}` }] };
  }
  const problems: TFeedProblem[] = [];
  const values = new Map<string, string | null>();
  let copy = String(line);
  for (const [index, column] of header.present.entries()) {
    const text = (record[index] ?? '').trim();
    let value: string | null = null;
    if (text === '') {
      if (column.required) problems.push({ line, column: column.csv, value: '', reason: 'is required' });
      value = column.whenEmpty ?? null;
    } else {
      const parsed = column.read(text);
      if ('problem' in parsed) problems.push({ line, column: column.csv, value: text, reason: parsed.problem });
      else value = parsed.value;
    }
    values.set(column.csv, value);
    copy += `\t${value ?? '\\N'}`;
  }
  const crossCheck = problems.length === 0 ? kind.rowCheck?.(values) : undefined;
  if (crossCheck) problems.push({ line, column: crossCheck.csv, value: values.get(crossCheck.csv) ?? '', reason: crossCheck.problem });
  return problems.length ? { problems } : { copy: `${copy}\n` };
}

async function finish(
  deps: TFeedDeps,
  report: TFeedReport,
  end: { status: 'completed' | 'failed'; error?: string; started: number; actor: TFeedInput['actor'] },
) {
  report.durationMs = Math.round(performance.now() - end.started);
  const { rowsRead, inserted, updated, unchanged, failed } = report;
  const counts = { rowsRead, inserted, updated, unchanged, failed };
  await updateFeedRun(deps.db, report.runId, { ...counts, status: end.status, error: end.error ?? report.error, finishedAt: deps.clock.now() });
  await recordAudit(deps.db, {
    action: 'feed.loaded',
    occurredAt: deps.clock.now(),
    actor: end.actor,
    target: { label: `${report.kind} feed run ${report.runId}` },
    details: { runId: report.runId, kind: report.kind, status: end.status, ...counts },
  });
}
