// One way to load a CSV file of the carrier's data: a header naming the columns (any order, no
// unknown ones), each row checked by the kind's schema and upserted on its own, so a bad row is
// reported with its line number and reason while the good rows still load; one audit row a run.
import type { z } from 'zod';
import type { TDbOrTx } from '../../db/client.ts';
import { recordAudit, type TAuditAction } from '../../platform/audit.ts';
import { CsvSyntaxError, parseCsv, type TCsvRecord } from '../../platform/csv.ts';
import { toDataError } from '../../platform/data-errors.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { CONTROL_CHARACTER_MESSAGE, hasNoControlCharacter } from '../../../shared/text-rules.ts';

export interface TImportProblem {
  line: number;
  reason: string;
}

export interface TImportReport {
  inserted: number;
  updated: number;
  failed: TImportProblem[];
}

export interface TCsvImportKind<TRow> {
  required: readonly string[];
  optional: readonly string[];
  /** Checks one row, given as column name → trimmed text. */
  row: z.ZodType<TRow>;
  upsert: (db: TDbOrTx, row: TRow, now: Date) => Promise<'inserted' | 'updated'>;
  auditAction: TAuditAction;
}

export interface TCsvImportInput {
  csv: string;
  actor: { id?: string | null; label: string };
  /** Called every PROGRESS_EVERY rows and at the end with the rows done and the rows in the file. */
  onProgress?: (done: number, total: number) => void;
}

const PROGRESS_EVERY = 500;

export async function importCsv<TRow>(deps: TDataDeps, kind: TCsvImportKind<TRow>, input: TCsvImportInput): Promise<TImportReport> {
  const report: TImportReport = { inserted: 0, updated: 0, failed: [] };
  let records: TCsvRecord[];
  try {
    records = [...parseCsv(input.csv)];
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report.failed.push({ line: error.line, reason: `${error.message}; nothing was loaded` });
    return report;
  }
  const [header, ...rows] = records;
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const headerProblem = checkHeader(columns, kind);
  if (headerProblem) {
    report.failed.push({ line: header?.line ?? 1, reason: headerProblem });
    return report;
  }
  for (const [index, record] of rows.entries()) {
    const problem = await importRow(deps, { kind, columns, record, report });
    if (problem) report.failed.push({ line: record.line, reason: problem });
    if ((index + 1) % PROGRESS_EVERY === 0) input.onProgress?.(index + 1, rows.length);
  }
  input.onProgress?.(rows.length, rows.length);
  await recordAudit(deps.db, {
    action: kind.auditAction,
    occurredAt: deps.clock.now(),
    actor: input.actor,
    details: { inserted: report.inserted, updated: report.updated, failed: report.failed.length },
  });
  return report;
}

/** Why the header cannot be read as this kind's file, or undefined when it can. */
function checkHeader(columns: string[], kind: { required: readonly string[]; optional: readonly string[] }): string | undefined {
  const expected = [...kind.required, ...kind.optional];
  const missing = kind.required.filter((c) => !columns.includes(c));
  if (missing.length) return `the header lacks the column(s) ${missing.join(', ')}; expected ${expected.join(',')}`;
  const unknown = columns.filter((c) => !expected.includes(c));
  if (unknown.length) return `unknown column(s) ${unknown.map((c) => `"${c}"`).join(', ')}; the columns are ${expected.join(',')}`;
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length) return `the column(s) ${[...new Set(repeated)].join(', ')} appear more than once`;
  return undefined;
}

/** Loads one row and counts it; returns why it was refused, if it was. */
async function importRow<TRow>(
  deps: TDataDeps,
  { kind, columns, record, report }: { kind: TCsvImportKind<TRow>; columns: string[]; record: TCsvRecord; report: TImportReport },
): Promise<string | undefined> {
  if (record.fields.length !== columns.length) return `expected ${columns.length} fields, found ${record.fields.length}`;
  const controlled = columns.filter((_c, i) => !hasNoControlCharacter(record.fields[i] ?? ''));
  if (controlled.length) return `${controlled.join(', ')}: ${CONTROL_CHARACTER_MESSAGE}`;
  const parsed = kind.row.safeParse(Object.fromEntries(columns.map((c, i) => [c, (record.fields[i] ?? '').trim()])));
  if (!parsed.success) return parsed.error.issues.map((i) => i.message).join('; ');
  try {
    report[await kind.upsert(deps.db, parsed.data, deps.clock.now())]++;
    return undefined;
  } catch (error) {
    const refused = toDataError(error);
    if (refused) return refused.message;
    throw error;
  }
}
