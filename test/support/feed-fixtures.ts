// Loading a test's rows through the data feed, as `portico import` does: the rows (header first)
// are one file, and every row must load.
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { importFeed, type TFeedReport } from '../../src/server/features/feed/feed-import.service.ts';
import type { TFeedKindName } from '../../src/server/features/feed/feed-kinds.ts';
import type { TTestApp } from './app.ts';

export async function loadFeedRows(t: TTestApp, kind: TFeedKindName, rows: readonly string[]): Promise<TFeedReport> {
  const report = await importFeed(
    { ...t.deps, bulk: t.database.withBulkConnection },
    { kind, csv: Readable.from([rows.join('\n')]), source: 'cli', actor: { label: 'test' } },
  );
  expect(report.failed, `${kind}: ${JSON.stringify(report.problems)}`).toBe(0);
  return report;
}
