import { and, eq, ne } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { employerGroups, producers, users } from '../../db/schema/index.ts';

export type TNewUser = typeof users.$inferInsert;
export type TProducer = typeof producers.$inferSelect;
export type TGroup = typeof employerGroups.$inferSelect;

export async function insertUser(db: TDbOrTx, user: TNewUser): Promise<string | undefined> {
  // Only a taken user name is expected; any other unique violation is an error for the caller.
  const [row] = await db
    .insert(users)
    .values(user)
    .onConflictDoNothing({ target: [users.portalId, users.username] })
    .returning({ id: users.id });
  return row?.id;
}

export async function findProducerByAgentId(db: TDbOrTx, agentUniqueId: string) {
  const [row] = await db.select().from(producers).where(eq(producers.agentUniqueId, agentUniqueId)).limit(1);
  return row;
}

export async function findGroupByAccountNumber(db: TDbOrTx, accountNumber: string) {
  const [row] = await db.select().from(employerGroups).where(eq(employerGroups.accountNumber, accountNumber)).limit(1);
  return row;
}

export async function countUsers(db: TDbOrTx): Promise<number> {
  return db.$count(users);
}

/** Clears a lockout; returns the user it applied to, if a live one has that name. */
export async function clearLockout(db: TDbOrTx, portalId: string, username: string): Promise<{ id: string; username: string } | undefined> {
  const [row] = await db
    .update(users)
    .set({ failedAttempts: 0, lockedUntil: null })
    .where(and(eq(users.portalId, portalId), eq(users.username, username), ne(users.status, 'deleted')))
    .returning({ id: users.id, username: users.username });
  return row;
}
