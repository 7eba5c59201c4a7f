// SQL for sign-in: the login candidate, the atomic failure counters, successful logins.
import { and, eq, ne, sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import { agencies, employerGroups, producers, users, type TUserStatus } from '../../db/schema/index.ts';
import type { TPortalId, TRole } from '../../../shared/portals.ts';

export interface TLoginCandidate {
  id: string;
  username: string;
  passwordHash: string | null;
  status: TUserStatus;
  lockedUntil: Date | null;
}

/** The live account a user name names in a portal; deleted accounts are treated as unknown (ID-2). */
export async function findLoginCandidate(db: TDbOrTx, portalId: TPortalId, username: string): Promise<TLoginCandidate | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      status: users.status,
      lockedUntil: users.lockedUntil,
    })
    .from(users)
    .where(and(eq(users.portalId, portalId), eq(users.username, username), ne(users.status, 'deleted')))
    .limit(1);
  return row;
}

export interface TFailureOutcome {
  failedAttempts: number;
  lockedUntil: Date | null;
}

interface TFailureInput {
  now: Date;
  threshold: number;
  lockUntil: Date;
}

/**
 * Counts one failed login in a single statement, so parallel attempts never lose a count and
 * exactly one of them locks. An expired lock restarts the count. Returns undefined when the
 * account was already locked (nothing counted).
 */
export async function countUserFailure(db: TDbOrTx, userId: string, input: TFailureInput): Promise<TFailureOutcome | undefined> {
  const now = sql`${input.now.toISOString()}::timestamptz`;
  const next = sql`(case when ${users.lockedUntil} is not null and ${users.lockedUntil} <= ${now} then 1 else ${users.failedAttempts} + 1 end)`;
  const [row] = await db
    .update(users)
    .set({
      failedAttempts: next,
      lockedUntil: sql`case when ${next} >= ${input.threshold} then ${input.lockUntil.toISOString()}::timestamptz else null end`,
    })
    .where(and(eq(users.id, userId), sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= ${now})`))
    .returning({ failedAttempts: users.failedAttempts, lockedUntil: users.lockedUntil });
  return row;
}

/** The same counting for a user name with no live account, so it locks exactly like a real one. */
export async function countUnknownFailure(
  db: TDbOrTx,
  portalId: TPortalId,
  username: string,
  input: TFailureInput,
): Promise<TFailureOutcome | undefined> {
  const now = `${input.now.toISOString()}`;
  const lockUntil = input.lockUntil.toISOString();
  const [row] = await executeRows<{ failed_attempts: number; locked_until: string | Date | null }>(db, sql`
    insert into login_attempts as a (portal_id, username, failed_attempts, locked_until, updated_at)
    values (${portalId}, ${username}, 1,
            case when 1 >= ${input.threshold} then ${lockUntil}::timestamptz end, ${now}::timestamptz)
    on conflict (portal_id, username) do update set
      failed_attempts = case when a.locked_until is not null and a.locked_until <= ${now}::timestamptz
                             then 1 else a.failed_attempts + 1 end,
      locked_until = case when (case when a.locked_until is not null and a.locked_until <= ${now}::timestamptz
                                     then 1 else a.failed_attempts + 1 end) >= ${input.threshold}
                          then ${lockUntil}::timestamptz end,
      updated_at = ${now}::timestamptz
    where a.locked_until is null or a.locked_until <= ${now}::timestamptz
    returning failed_attempts, locked_until`);
  return row && { failedAttempts: row.failed_attempts, lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
}

/** A successful login resets the count (ID-2) and records the login date (LC-1). */
export async function recordSuccessfulLogin(db: TDbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, userId));
}

export interface TUserProfile {
  id: string;
  portalId: TPortalId;
  username: string;
  role: TRole;
  firstName: string;
  lastName: string;
  email: string | null;
  status: TUserStatus;
  lastLoginAt: Date | null;
  producer: { agentUniqueId: string; company: string | null } | null;
  group: { accountNumber: string; name: string } | null;
}

export async function findUserProfile(db: TDbOrTx, userId: string): Promise<TUserProfile | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      portalId: users.portalId,
      username: users.username,
      role: users.role,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      status: users.status,
      lastLoginAt: users.lastLoginAt,
      agentUniqueId: producers.agentUniqueId,
      agencyName: agencies.name,
      accountNumber: employerGroups.accountNumber,
      groupName: employerGroups.name,
    })
    .from(users)
    .leftJoin(producers, eq(producers.id, users.producerId))
    .leftJoin(agencies, eq(agencies.id, sql`coalesce(${users.agencyId}, ${producers.agencyId})`))
    .leftJoin(employerGroups, eq(employerGroups.id, users.groupId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return undefined;
  const { agentUniqueId, agencyName, accountNumber, groupName, ...user } = row;
  return {
    ...user,
    portalId: user.portalId as TPortalId,
    role: user.role as TRole,
    producer: agentUniqueId ? { agentUniqueId, company: agencyName } : null,
    group: accountNumber && groupName ? { accountNumber, name: groupName } : null,
  };
}
