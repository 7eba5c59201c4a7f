// SQL for self-service (ID-5 … ID-9): roster matches, pending registrations, confirmation
// links, temporary passwords, password changes and the challenge question.
import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { auditEvents, oneTimeTokens, producers, sessions, users, type TUserStatus } from '../../db/schema/index.ts';
import type { TPortalId } from '../../../shared/portals.ts';

export async function findRosterEntry(db: TDbOrTx, agentUniqueId: string) {
  const [row] = await db.select().from(producers).where(eq(producers.agentUniqueId, agentUniqueId)).limit(1);
  return row;
}

/** The retail account (if any) of a roster entry; deleted ones do not count (LC-3). */
export async function findRetailAccountOfProducer(db: TDbOrTx, producerId: number): Promise<{ id: string; status: TUserStatus } | undefined> {
  const [row] = await db
    .select({ id: users.id, status: users.status })
    .from(users)
    .where(and(eq(users.portalId, 'retail'), eq(users.producerId, producerId), ne(users.status, 'deleted')))
    .limit(1);
  return row;
}

export async function deleteUser(db: TDbOrTx, userId: string): Promise<void> {
  await db.delete(users).where(eq(users.id, userId));
}

export async function insertOneTimeToken(db: TDbOrTx, row: typeof oneTimeTokens.$inferInsert): Promise<void> {
  await db.insert(oneTimeTokens).values(row);
}

/** Uses a live token once: marks it used and returns its user, or nothing if it is unknown, used or expired. */
export async function useOneTimeToken(
  db: TDbOrTx,
  { tokenHash, purpose, now }: { tokenHash: string; purpose: string; now: Date },
): Promise<string | undefined> {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .returning({ userId: oneTimeTokens.userId });
  return row?.userId;
}

export async function activatePendingUser(db: TDbOrTx, userId: string): Promise<{ username: string } | undefined> {
  const [row] = await db
    .update(users)
    .set({ status: 'active' })
    .where(and(eq(users.id, userId), eq(users.status, 'pending')))
    .returning({ username: users.username });
  return row;
}

export interface TRecoveryAccount {
  id: string;
  username: string;
  email: string | null;
  status: TUserStatus;
  agentUniqueId: string | null;
}

const recoveryColumns = {
  id: users.id,
  username: users.username,
  email: users.email,
  status: users.status,
  agentUniqueId: producers.agentUniqueId,
};

/** Live accounts of a portal with this e-mail address (ID-6), oldest first. */
export async function findAccountsByEmail(db: TDbOrTx, portalId: TPortalId, email: string): Promise<TRecoveryAccount[]> {
  return db
    .select(recoveryColumns)
    .from(users)
    .leftJoin(producers, eq(producers.id, users.producerId))
    .where(and(eq(users.portalId, portalId), eq(users.email, email), eq(users.status, 'active')))
    .orderBy(users.createdAt);
}

export async function findAccountByUsername(db: TDbOrTx, portalId: TPortalId, username: string): Promise<TRecoveryAccount | undefined> {
  const [row] = await db
    .select(recoveryColumns)
    .from(users)
    .leftJoin(producers, eq(producers.id, users.producerId))
    .where(and(eq(users.portalId, portalId), eq(users.username, username), ne(users.status, 'deleted')))
    .limit(1);
  return row;
}

/**
 * Locks the account's row for the rest of the transaction and counts the self-service resets
 * (ID-7) issued to it since `since`, so parallel requests are counted one after another. The audit
 * trail is the record of what was issued; an administrator's resets do not count.
 */
export async function countSelfServiceResets(db: TDbOrTx, userId: string, since: Date): Promise<number> {
  await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  return db.$count(
    auditEvents,
    and(
      eq(auditEvents.targetUserId, userId),
      gt(auditEvents.occurredAt, since),
      eq(auditEvents.action, 'password.reset_issued'),
      sql`${auditEvents.details}->>'byAdministrator' is null`,
    ),
  );
}

/**
 * Stores a temporary password (ID-7) beside the real one. A lockout stays: the temporary password
 * works while it lasts, and completing the reset (replacePassword) lifts it. Returns whether the
 * account is locked now.
 */
export async function setTemporaryPassword(
  db: TDbOrTx,
  { userId, hash, expiresAt, now }: { userId: string; hash: string; expiresAt: Date; now: Date },
): Promise<{ locked: boolean }> {
  const [row] = await db
    .update(users)
    .set({ tempPasswordHash: hash, tempPasswordExpiresAt: expiresAt })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return { locked: !!row?.lockedUntil && row.lockedUntil > now };
}

export interface TPasswordState {
  id: string;
  username: string;
  email: string | null;
  portalId: TPortalId;
  passwordHash: string | null;
  tempPasswordHash: string | null;
  lockedUntil: Date | null;
  challengeQuestion: string | null;
  challengeAnswerHash: string | null;
}

export async function findPasswordState(db: TDbOrTx, userId: string): Promise<TPasswordState | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      email: users.email,
      portalId: users.portalId,
      passwordHash: users.passwordHash,
      tempPasswordHash: users.tempPasswordHash,
      lockedUntil: users.lockedUntil,
      challengeQuestion: users.challengeQuestion,
      challengeAnswerHash: users.challengeAnswerHash,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row && { ...row, portalId: row.portalId as TPortalId };
}

/** The new password replaces the old and any temporary one, and lifts a lockout; every session of the user ends (ID-8). */
export async function replacePassword(db: TDbOrTx, { userId, hash, now }: { userId: string; hash: string; now: Date }): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: hash, passwordChangedAt: now, tempPasswordHash: null, tempPasswordExpiresAt: null, failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function endAllSessions(db: TDbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function setChallengeQuestion(
  db: TDbOrTx,
  { userId, question, answerHash }: { userId: string; question: string; answerHash: string },
): Promise<void> {
  await db.update(users).set({ challengeQuestion: question, challengeAnswerHash: answerHash }).where(eq(users.id, userId));
}
