// `portico import <kind> FILE.csv`: the carrier's own data into Portico, as idempotent upserts.
import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { TConfig } from '../config.ts';
import type { TCsvImportInput, TImportReport } from '../features/imports/csv-import.ts';
import { FEED_KINDS, isFeedKind } from '../features/feed/feed-kinds.ts';
import { importProducersCsv } from '../features/imports/producers-import.service.ts';
import { systemClock } from '../platform/clock.ts';
import type { TDataDeps } from '../platform/deps.ts';
import { feedImportCommand } from './feed-import-command.ts';
import { OPERATOR, withDatabase } from './with-database.ts';

const IMPORTS: Record<string, { label: string; run: (deps: TDataDeps, input: TCsvImportInput) => Promise<TImportReport> }> = {
  producers: { label: 'Producers', run: importProducersCsv },
};

export const IMPORT_USAGE = `  import producers FILE.csv  upsert the producer roster (agent_unique_id,first_name,last_name,email,agency_name,states)
  import <${FEED_KINDS.join('|')}> FILE.csv
                             the data feed (docs/data-feed.md): streamed, checked row by row, loaded in
                             batches; refused rows go to FILE.errors.csv`;

export async function importCommand(config: TConfig, args: string[]): Promise<number> {
  const [kind, file, ...extra] = args;
  if (kind !== undefined && isFeedKind(kind) && file && !extra.length) return feedImportCommand(config, { kind, file });
  const target = kind === undefined ? undefined : IMPORTS[kind];
  if (!target || !file || extra.length) {
    console.error(`Usage:\n${IMPORT_USAGE}`);
    return 2;
  }
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (error) {
    console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
    return 1;
  }
  return withDatabase(config, async ({ db }) => {
    const progress = progressBar();
    const report = await target.run({ db, clock: systemClock }, { csv, actor: OPERATOR, onProgress: progress.update });
    progress.stop();
    console.log(`${target.label}: ${report.inserted} inserted, ${report.updated} updated, ${report.failed.length} failed.`);
    for (const problem of report.failed) console.error(`  line ${problem.line}: ${problem.reason}`);
    return report.failed.length ? 1 : 0;
  });
}

/** Rows done of rows in the file, on stderr; shown only once a file turns out long (see PROGRESS_EVERY). */
function progressBar() {
  let bar: SingleBar | undefined;
  return {
    update: (done: number, total: number) => {
      if (!bar && done < total) {
        // noTTYOutput: a CI log or a redirected stderr still shows a line every few seconds.
        bar = new SingleBar({ stream: process.stderr, noTTYOutput: true, format: '  {bar} {value}/{total} rows ({percentage} %)', hideCursor: true });
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}
