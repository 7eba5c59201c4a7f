// The data feed's runs as the staff console lists them (BK-8): the latest loads, by CLI or API,
// with who ran them, how they went and how long they took.
import type { TFeedRun } from '../../../shared/feed-schemas.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { assertCan, type TPolicyActor } from '../../platform/policy.ts';
import { listFeedRuns, type TFeedRunRow } from './feed-runs.store.ts';

/** The console shows the latest runs; older ones stay in the table and the audit log. */
export const FEED_RUNS_LISTED = 100;

export async function listRecentFeedRuns(deps: TDataDeps, input: { actor: TPolicyActor }): Promise<{ items: TFeedRun[] }> {
  assertCan(input.actor, 'feed.runs.view');
  const rows = await listFeedRuns(deps.db, FEED_RUNS_LISTED);
  return { items: rows.map(toView) };
}

function toView(row: TFeedRunRow): TFeedRun {
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    actor: row.actorLabel,
    status: row.status,
    rowsRead: row.rowsRead,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    error: row.error,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
  };
}
