// `portico import <kind> FILE.csv`: the data feed from a file (docs/data-feed.md). Streams the
// file, shows progress (rows, rows/s, ETA) on stderr, prints a summary, writes every refused row
// to FILE.errors.csv beside the input, and exits 1 if any row was refused (2 for a usage error).
import { createReadStream, createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import type { TConfig } from '../config.ts';
import { FEED_KIND, type TFeedKindName } from '../features/feed/feed-kinds.ts';
import { importFeed, type TFeedProblem } from '../features/feed/feed-import.service.ts';
import { systemClock } from '../platform/clock.ts';
import { progressBar } from './progress.ts';
import { OPERATOR, withDatabase } from './with-database.ts';

/** The problems shown on stderr; all of them are in the error report. */
const SHOWN_PROBLEMS = 20;

export async function feedImportCommand(config: TConfig, input: { kind: TFeedKindName; file: string }): Promise<number> {
  const size = await stat(input.file).then(
    (info) => info.size,
    (error: NodeJS.ErrnoException) => {
      console.error(`Cannot read ${input.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`);
      return undefined;
    },
  );
  if (size === undefined) return 1;
  const reportPath = input.file.replace(/(\.csv)?$/i, '.errors.csv');
  await rm(reportPath, { force: true }); // a report left by an earlier run would mislead
  const errors = errorReport(reportPath);
  const progress = progressBar({ total: size }); // bytes of the file read
  return withDatabase(config, async (database) => {
    let shown = 0;
    const report = await importFeed(
      { db: database.db, clock: systemClock, bulk: database.withBulkConnection },
      {
        kind: input.kind,
        csv: createReadStream(input.file),
        source: 'cli',
        actor: OPERATOR,
        onProgress: ({ rows, bytes }) => progress.update({ rows, done: bytes }),
        onProblems: async (problems) => {
          for (const problem of problems) if (shown++ < SHOWN_PROBLEMS) progress.log(describeProblem(problem));
          await errors.write(problems);
        },
      },
    );
    progress.stop();
    await errors.close();
    const rate = report.durationMs > 0 ? Math.round((report.rowsRead * 1000) / report.durationMs) : report.rowsRead;
    console.log(
      `${FEED_KIND[input.kind].label}: ${report.rowsRead} rows read, ${report.inserted} inserted, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.failed} failed (${(report.durationMs / 1000).toFixed(1)} s, ${rate} rows/s).`,
    );
    if (report.failed > 0) {
      if (shown > SHOWN_PROBLEMS) console.error(`  … and ${shown - SHOWN_PROBLEMS} more.`);
      console.error(`Every refused row is in ${reportPath} (line, column, value, reason).`);
    }
    return report.failed > 0 ? 1 : 0;
  });
}

/** A refused row as the CLI shows it: `  line 7, zip "1234": use a 5-digit ZIP code`. */
export function describeProblem(problem: TFeedProblem): string {
  const where = problem.column ? `, ${problem.column}${problem.value ? ` "${problem.value}"` : ''}` : '';
  return `  line ${problem.line}${where}: ${problem.reason}`;
}

/** FILE.errors.csv, made at the first refused row (a clean run leaves none). */
function errorReport(path: string) {
  let csv: ReturnType<typeof stringify> | undefined;
  let done: Promise<unknown> | undefined;
  return {
    async write(problems: readonly TFeedProblem[]) {
      if (!csv) {
        csv = stringify({ header: true, columns: ['line', 'column', 'value', 'reason'] });
        const file = createWriteStream(path);
        done = once(csv.pipe(file), 'finish');
      }
      for (const problem of problems) {
        if (!csv.write(problem)) await once(csv, 'drain');
      }
    },
    async close() {
      csv?.end();
      await done;
    },
  };
}
