// SQL for sign-in: the login candidate, the atomic failure counters, successful logins.
import { and, eq, sql } from 'drizzle-orm';
import { executePreparedRows, executeRows, toDate, type TDbOrTx, type TPreparedStatement } from '../../db/client.ts';
import { agencies, employerGroups, producers, users, type TUserStatus } from '../../db/schema/index.ts';
import type { TNewSession } from './sessions.store.ts';
import type { TPortalId, TPortalPolicy, TPortalTexts, TRole } from '../../../shared/portals.ts';
import { BatchAnswerMismatch } from '../../platform/group-commit.ts';

/** The portal row read with the candidate; the same shape as the portals feature's TPortal (a store imports no service). */
export interface TLoginPortal {
  id: TPortalId;
  name: string;
  policy: TPortalPolicy;
  texts: TPortalTexts;
}

export interface TLoginCandidate {
  id: string;
  username: string;
  passwordHash: string | null;
  /** A temporary password from a reset (ID-7), usable once until it expires. */
  tempPasswordHash: string | null;
  tempPasswordExpiresAt: Date | null;
  status: TUserStatus;
  lockedUntil: Date | null;
  profile: TUserProfile;
}

export interface TLoginContext {
  portal: TLoginPortal;
  /** The live account the user name names; deleted accounts count as unknown (ID-2). */
  candidate: TLoginCandidate | undefined;
}

interface TLoginContextRow {
  portal_id: string | null;
  portal_name: string;
  policy: TPortalPolicy;
  texts: TPortalTexts;
  user_id: string | null;
  username: string | null;
  password_hash: string | null;
  status: TUserStatus | null;
  locked_until: Date | string | null;
  role: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  last_login_at: Date | string | null;
  agent_unique_id: string | null;
  agency_name: string | null;
  account_number: string | null;
  group_name: string | null;
  temp_password_hash: string | null;
  temp_password_expires_at: Date | string | null;
}

const LOGIN_CONTEXTS: TPreparedStatement = {
  name: 'portico_login_contexts',
  text: `select c.*
    from json_array_elements_text($2::json) with ordinality as n(username, ordinality)
    left join lateral portico_login_context($1, n.username::citext) as c on true
    order by n.ordinality`,
};

/**
 * The portal's policy and the login candidate with its profile, for several user names of one
 * portal in one round trip (login-admission.ts), in the order given; undefined where the portal
 * does not exist. The PL/pgSQL function's plan is cached (docs/decisions/0002-login-hot-path.md).
 */
export async function findLoginContexts(db: TDbOrTx, portalId: TPortalId, usernames: readonly string[]): Promise<(TLoginContext | undefined)[]> {
  const rows = await executePreparedRows<TLoginContextRow>(db, LOGIN_CONTEXTS, [portalId, JSON.stringify(usernames)]);
  return rows.map(toLoginContext);
}

function toLoginContext(row: TLoginContextRow): TLoginContext | undefined {
  if (row.portal_id === null) return undefined;
  const portal: TLoginPortal = { id: row.portal_id as TPortalId, name: row.portal_name, policy: row.policy, texts: row.texts };
  const profile = toProfile({
    id: row.user_id,
    portalId: row.portal_id,
    username: row.username,
    role: row.role,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    status: row.status,
    lastLoginAt: toDate(row.last_login_at),
    agentUniqueId: row.agent_unique_id,
    agencyName: row.agency_name,
    accountNumber: row.account_number,
    groupName: row.group_name,
  });
  if (!profile) return { portal, candidate: undefined };
  return {
    portal,
    candidate: {
      id: profile.id,
      username: profile.username,
      passwordHash: row.password_hash,
      tempPasswordHash: row.temp_password_hash,
      tempPasswordExpiresAt: toDate(row.temp_password_expires_at),
      status: profile.status,
      lockedUntil: toDate(row.locked_until),
      profile,
    },
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
  { portalId, username, failure: input }: { portalId: TPortalId; username: string; failure: TFailureInput },
): Promise<TFailureOutcome | undefined> {
  const now = `${input.now.toISOString()}`;
  const lockUntil = input.lockUntil.toISOString();
  const [row] = await executeRows<{ failed_attempts: number; locked_until: string | Date | null }>(
    db,
    sql`
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
    returning failed_attempts, locked_until`,
  );
  return row && { failedAttempts: row.failed_attempts, lockedUntil: toDate(row.locked_until) };
}

export interface TLoginSuccess {
  now: Date;
  /** The browser's previous session, ended so the new one is a fresh token (rotation). */
  previousTokenHash: string | undefined;
  session: TNewSession;
  username: string;
  requestId: string | undefined;
}

/**
 * Resets the failure count (ID-2), records the login date (LC-1), ends the previous session,
 * starts the new one and writes the audit row, for each login given, in one statement and so in
 * one transaction (login.service.ts batches them through platform/group-commit.ts) — or, for a
 * login whose account a parallel request locked (a temporary password logs in while locked, and
 * leaves the lock: migration 0009) or disabled, or whose temporary password it used, since it was
 * read, does nothing. Answers in the order given: true where the login started its
 * session. Accounts are written in the order of their ids, so two batches (of two instances, say)
 * that share accounts take their row locks in the same order and cannot deadlock on them.
 */
export async function recordLoginSuccesses(db: TDbOrTx, inputs: readonly TLoginSuccess[]): Promise<boolean[]> {
  const byId = inputs.map((input, place) => ({ input, place })).sort((a, b) => (a.input.session.userId < b.input.session.userId ? -1 : 1));
  const rows = await executePreparedRows<{ ok: boolean }>(db, LOGIN_SUCCESSES, [JSON.stringify(byId.map(({ input }) => toSuccessRow(input)))]);
  // It may have committed: a mismatch is never retried.
  if (rows.length !== inputs.length) throw new BatchAnswerMismatch(`login success statement answered ${rows.length} rows for ${inputs.length}`);
  const started = new Array<boolean>(inputs.length);
  for (const [k, { place }] of byId.entries()) started[place] = rows[k]?.ok === true;
  return started;
}

function toSuccessRow(input: TLoginSuccess) {
  const { session } = input;
  return {
    user_id: session.userId,
    now: input.now.toISOString(),
    previous_token_hash: input.previousTokenHash ?? null,
    token_hash: session.tokenHash,
    portal_id: session.portalId,
    csrf_token: session.csrfToken,
    idle_expires_at: session.idleExpiresAt.toISOString(),
    absolute_expires_at: session.absoluteExpiresAt.toISOString(),
    ip_address: session.ipAddress,
    user_agent: session.userAgent,
    username: input.username,
    request_id: input.requestId ?? null,
    with_temporary_password: session.mustChangePassword,
  };
}

// The PL/pgSQL function (migrations 0002, 0003, 0007) once per login, in the order given.
const LOGIN_SUCCESSES: TPreparedStatement = {
  name: 'portico_login_successes',
  text: `select portico_login_success(r.user_id, r.now, r.previous_token_hash, r.token_hash, r.portal_id,
      r.csrf_token, r.idle_expires_at, r.absolute_expires_at, r.ip_address, r.user_agent, r.username,
      r.request_id, r.with_temporary_password) as ok
    from rows from (json_to_recordset($1::json) as (user_id uuid, now timestamptz, previous_token_hash text,
      token_hash text, portal_id text, csrf_token text, idle_expires_at timestamptz,
      absolute_expires_at timestamptz, ip_address text, user_agent text, username text, request_id text,
      with_temporary_password boolean)) with ordinality as r(user_id, now, previous_token_hash, token_hash,
      portal_id, csrf_token, idle_expires_at, absolute_expires_at, ip_address, user_agent, username,
      request_id, with_temporary_password, n)
    order by r.n`,
};

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
