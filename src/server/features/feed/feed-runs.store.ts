// feed_runs: each load of a feed file, started and finished (the staff console lists them).
import { desc, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { feedRuns } from '../../db/schema/index.ts';

export type TFeedRunRow = typeof feedRuns.$inferSelect;

export async function insertFeedRun(db: TDbOrTx, run: { kind: string; source: 'cli' | 'api'; actorLabel: string; now: Date }): Promise<string> {
  const [row] = await db
    .insert(feedRuns)
    .values({ kind: run.kind, source: run.source, actorLabel: run.actorLabel, status: 'running', startedAt: run.now })
    .returning({ id: feedRuns.id });
  if (!row) throw new Error('feed run not recorded');
  return row.id;
}

export interface TFeedRunCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export async function updateFeedRun(
  db: TDbOrTx,
  id: string,
  patch: Partial<TFeedRunCounts> & { status?: 'completed' | 'failed'; error?: string; finishedAt?: Date },
) {
  await db.update(feedRuns).set(patch).where(eq(feedRuns.id, id));
}

export async function listFeedRuns(db: TDbOrTx, limit: number): Promise<TFeedRunRow[]> {
  return db.select().from(feedRuns).orderBy(desc(feedRuns.startedAt)).limit(limit);
}
