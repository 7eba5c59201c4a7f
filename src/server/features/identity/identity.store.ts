// SQL for sign-in: the login candidate, the atomic failure counters, successful logins.
import { and, eq, ne, sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import { agencies, employerGroups, portals, producers, users, type TUserStatus } from '../../db/schema/index.ts';
import { auditInsert, type TAuditEvent } from '../../platform/audit.ts';
import type { TPortal } from '../portals/portals.service.ts';
import { sessionInsert, type TNewSession } from './sessions.store.ts';
import type { TPortalId, TRole } from '../../../shared/portals.ts';

export interface TLoginCandidate {
  id: string;
  username: string;
  passwordHash: string | null;
  status: TUserStatus;
  lockedUntil: Date | null;
  profile: TUserProfile;
}

export interface TLoginContext {
  portal: TPortal;
  /** The live account the user name names; deleted accounts count as unknown (ID-2). */
  candidate: TLoginCandidate | undefined;
}

/**
 * The portal's policy and the login candidate with its profile in one round trip: login is
 * the hot path, bounded by Argon2id, and every other millisecond is taken from that budget.
 */
export async function findLoginContext(db: TDbOrTx, portalId: TPortalId, username: string): Promise<TLoginContext | undefined> {
  const [row] = await db
    .select({
      portal: { id: portals.id, name: portals.name, policy: portals.policy, texts: portals.texts },
      passwordHash: users.passwordHash,
      lockedUntil: users.lockedUntil,
      ...profileColumns,
    })
    .from(portals)
    .leftJoin(users, and(eq(users.portalId, portals.id), eq(users.username, username), ne(users.status, 'deleted')))
    .leftJoin(producers, eq(producers.id, users.producerId))
    .leftJoin(agencies, eq(agencies.id, sql`coalesce(${users.agencyId}, ${producers.agencyId})`))
    .leftJoin(employerGroups, eq(employerGroups.id, users.groupId))
    .where(eq(portals.id, portalId))
    .limit(1);
  if (!row) return undefined;
  const portal = row.portal as TPortal;
  const profile = toProfile(row);
  if (!profile) return { portal, candidate: undefined };
  return {
    portal,
    candidate: { id: profile.id, username: profile.username, passwordHash: row.passwordHash, status: profile.status, lockedUntil: row.lockedUntil, profile },
  };
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

export interface TLoginSuccess {
  userId: string;
  now: Date;
  /** The browser's previous session, ended so the new one is a fresh token (rotation). */
  previousTokenHash: string | undefined;
  session: TNewSession;
  audit: TAuditEvent;
}

/**
 * One statement, so atomic without a transaction: reset the failure count (ID-2), record the
 * login date (LC-1), end the previous session, start the new one, write the audit row.
 */
export async function recordLoginSuccess(db: TDbOrTx, input: TLoginSuccess): Promise<void> {
  await db.execute(sql`
    with reset as (
      update users set failed_attempts = 0, locked_until = null, last_login_at = ${input.now.toISOString()}::timestamptz
      where id = ${input.userId}::uuid
    ), ended as (
      delete from sessions where token_hash = ${input.previousTokenHash ?? ''}
    ), started as (${sessionInsert(input.session)}
    ), audited as (${auditInsert(input.audit)}
    )
    select 1`);
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

const profileColumns = {
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
};

type TProfileRow = { [K in keyof typeof profileColumns]: (typeof profileColumns)[K]['_']['data'] | null };

function toProfile(row: TProfileRow): TUserProfile | undefined {
  if (!row.id || !row.portalId || !row.username || !row.role || !row.status) return undefined;
  return {
    id: row.id,
    portalId: row.portalId as TPortalId,
    username: row.username,
    role: row.role as TRole,
    firstName: row.firstName ?? '',
    lastName: row.lastName ?? '',
    email: row.email,
    status: row.status,
    lastLoginAt: row.lastLoginAt,
    producer: row.agentUniqueId ? { agentUniqueId: row.agentUniqueId, company: row.agencyName } : null,
    group: row.accountNumber && row.groupName ? { accountNumber: row.accountNumber, name: row.groupName } : null,
  };
}

export async function findUserProfile(db: TDbOrTx, userId: string): Promise<TUserProfile | undefined> {
  const [row] = await db
    .select(profileColumns)
    .from(users)
    .leftJoin(producers, eq(producers.id, users.producerId))
    .leftJoin(agencies, eq(agencies.id, sql`coalesce(${users.agencyId}, ${producers.agencyId})`))
    .leftJoin(employerGroups, eq(employerGroups.id, users.groupId))
    .where(eq(users.id, userId))
    .limit(1);
  return row && toProfile(row);
}
