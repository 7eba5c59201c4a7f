// `portico seed --size N`: the synthetic book of N producers (features/feed/synthetic-book.ts),
// loaded through the carrier's own path, the data feed, a kind at a time, every file streamed from
// its generator (never whole in memory), a progress bar each.
// The book is dated from this month, so a rerun in the same month reloads the same rows.
import { FEED_KIND, type TFeedKindName } from '../features/feed/feed-kinds.ts';
import { importFeed, type TFeedDeps } from '../features/feed/feed-import.service.ts';
import { countSyntheticRows, kindOfLoad, SYNTHETIC_LOADS, syntheticCsv, type TSyntheticLoad, type TSyntheticOptions } from '../features/feed/synthetic-book.ts';
import type { TConfig } from '../config.ts';
import { systemClock } from '../platform/clock.ts';
import { describeProblem } from './feed-import-command.ts';
import { progressBar, type TProgress } from './progress.ts';
import { OPERATOR, withDatabase } from './with-database.ts';

const SHOWN_PROBLEMS = 20;

const LABELS: Record<TSyntheticLoad, string> = {
  producers: FEED_KIND.producers.label,
  groups: FEED_KIND.groups.label,
  clients: FEED_KIND.clients.label,
  policies: FEED_KIND.policies.label,
  'application-history': 'Applications (earlier status)',
  applications: FEED_KIND.applications.label,
  payments: FEED_KIND.payments.label,
  'commission-schedules': FEED_KIND['commission-schedules'].label,
  commissions: FEED_KIND.commissions.label,
};

export async function seedSizeCommand(config: TConfig, producers: number): Promise<number> {
  const options: TSyntheticOptions = { producers, asOf: systemClock.now().toISOString().slice(0, 7) };
  console.log(`Synthetic book of ${producers} producers, as of ${options.asOf}: counting rows…`);
  const counts = countSyntheticRows(options);
  console.log(
    `  ${Object.entries(counts)
      .map(([load, rows]) => `${rows} ${load}`)
      .join(', ')}`,
  );
  return withDatabase(config, async (database) => {
    const deps: TFeedDeps = { db: database.db, clock: systemClock, bulk: database.withBulkConnection };
    let failed = 0;
    for (const load of SYNTHETIC_LOADS) {
      const progress = progressBar({ total: counts[load], label: LABELS[load].padEnd(30) });
      const started = performance.now();
      const outcome = await loadFeed(deps, { name: load, kind: kindOfLoad(load), options }, progress);
      progress.stop();
      failed += outcome.failed;
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${LABELS[load]}: ${outcome.summary}, ${outcome.failed} failed (${seconds.toFixed(1)} s, ${Math.round(counts[load] / Math.max(seconds, 0.001))} rows/s).`,
      );
    }
    if (failed > 0) console.error(`${failed} rows were refused: the synthetic book should load whole; please report it.`);
    return failed > 0 ? 1 : 0;
  });
}

interface TOutcome {
  summary: string;
  failed: number;
}

async function loadFeed(
  deps: TFeedDeps,
  load: { name: TSyntheticLoad; kind: TFeedKindName; options: TSyntheticOptions },
  progress: TProgress,
): Promise<TOutcome> {
  let shown = 0;
  const report = await importFeed(deps, {
    kind: load.kind,
    csv: syntheticCsv(load.name, load.options),
    source: 'cli',
    actor: OPERATOR,
    onProgress: ({ rows }) => progress.update({ rows, done: rows }),
    onProblems: (problems) => {
      for (const p of problems) if (shown++ < SHOWN_PROBLEMS) progress.log(describeProblem(p));
    },
  });
  const summary = `${report.rowsRead} rows read, ${report.inserted} inserted, ${report.updated} updated, ${report.unchanged} unchanged`;
  return { summary: report.error ? `${summary} (${report.error})` : summary, failed: report.failed };
}
