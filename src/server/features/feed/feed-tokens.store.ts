// feed_tokens: the carrier systems' credentials for POST /api/feed/{kind}, kept as SHA-256 hashes.
import { asc, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { feedTokens } from '../../db/schema/index.ts';

export type TFeedTokenRow = typeof feedTokens.$inferSelect;

/** Inserts the token unless its name is taken; false when it is. */
export async function insertFeedToken(db: TDbOrTx, token: { name: string; tokenHash: string; createdBy: string; now: Date }): Promise<boolean> {
  const rows = await db
    .insert(feedTokens)
    .values({ name: token.name, tokenHash: token.tokenHash, createdBy: token.createdBy, createdAt: token.now })
    .onConflictDoNothing({ target: feedTokens.name })
    .returning({ id: feedTokens.id });
  return rows.length > 0;
}

export async function listFeedTokens(db: TDbOrTx): Promise<TFeedTokenRow[]> {
  return db.select().from(feedTokens).orderBy(asc(feedTokens.name));
}

export async function findFeedTokenByName(db: TDbOrTx, name: string): Promise<TFeedTokenRow | undefined> {
  const [row] = await db.select().from(feedTokens).where(eq(feedTokens.name, name));
  return row;
}

export async function findFeedTokenByHash(db: TDbOrTx, tokenHash: string): Promise<TFeedTokenRow | undefined> {
  const [row] = await db.select().from(feedTokens).where(eq(feedTokens.tokenHash, tokenHash));
  return row;
}

export async function setFeedTokenRevoked(db: TDbOrTx, id: string, now: Date): Promise<void> {
  await db.update(feedTokens).set({ revokedAt: now }).where(eq(feedTokens.id, id));
}

export async function setFeedTokenUsed(db: TDbOrTx, id: string, now: Date): Promise<void> {
  await db.update(feedTokens).set({ lastUsedAt: now }).where(eq(feedTokens.id, id));
}
