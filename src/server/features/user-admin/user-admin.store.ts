// SQL of user administration (LC-4 … LC-6): scoped search, the row an action changes (locked),
// the changes themselves, and keyset batches for the CSV export.
import { and, asc, count, desc, eq, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import { employerGroups, producers, sessions, users, type TUserStatus } from '../../db/schema/index.ts';
import type { TUserScope } from '../../platform/policy.ts';
import type { TPortalId, TRole } from '../../../shared/portals.ts';
import type { TUserSort, TUserStatusFilter } from '../../../shared/user-admin-schemas.ts';

export interface TAdminUserRow {
  id: string;
  portalId: TPortalId;
  username: string;
  firstName: string;
  lastName: string;
  email: string | null;
  role: string;
  status: TUserStatus;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  disabledAt: Date | null;
  reinstatedAt: Date | null;
  producerId: number | null;
  groupId: number | null;
  agentUniqueId: string | null;
  groupAccountNumber: string | null;
  groupName: string | null;
}

const columns = {
  id: users.id,
  portalId: users.portalId,
  username: users.username,
  firstName: users.firstName,
  lastName: users.lastName,
  email: users.email,
  role: users.role,
  status: users.status,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  disabledAt: users.disabledAt,
  reinstatedAt: users.reinstatedAt,
  producerId: users.producerId,
  groupId: users.groupId,
  agentUniqueId: producers.agentUniqueId,
  groupAccountNumber: employerGroups.accountNumber,
  groupName: employerGroups.name,
};

const cast = (row: Omit<TAdminUserRow, 'portalId'> & { portalId: string }): TAdminUserRow => ({ ...row, portalId: row.portalId as TPortalId });

/** One user with its producer and group; `forUpdate` locks the user row until the transaction ends. */
export async function findAdminUser(db: TDbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<TAdminUserRow | undefined> {
  const query = db
    .select(columns)
    .from(users)
    .leftJoin(producers, eq(producers.id, users.producerId))
    .leftJoin(employerGroups, eq(employerGroups.id, users.groupId))
    .where(eq(users.id, id))
    .limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: users }) : await query;
  return row && cast(row);
}

export interface TUserFilter {
  scope: TUserScope;
  q?: string | undefined;
  status?: TUserStatusFilter | undefined;
  portal?: TPortalId | undefined;
  /** producers.id / employer_groups.id (resolved first: literal ids let the planner use users_group_idx). */
  producerId?: number | undefined;
  groupId?: number | undefined;
  now: Date;
}

/** `%`, `_` and `\` match themselves in a search. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The scope (from the policy) and the filters, as a condition on `users` alone. */
export function userFilterSql(filter: TUserFilter): SQL {
  const { scope } = filter;
  const portals = filter.portal ? scope.portals.filter((p) => p === filter.portal) : scope.portals;
  const conditions: (SQL | undefined)[] = [portals.length > 0 ? inArray(users.portalId, [...portals]) : sql`false`];
  if (scope.producerId !== undefined) conditions.push(eq(users.producerId, scope.producerId));
  if (scope.groupId !== undefined) conditions.push(eq(users.groupId, scope.groupId));
  if (scope.roles) conditions.push(inArray(users.role, [...scope.roles]));
  if (filter.producerId !== undefined) conditions.push(eq(users.producerId, filter.producerId));
  if (filter.groupId !== undefined) conditions.push(eq(users.groupId, filter.groupId));
  if (filter.status === 'locked') conditions.push(ne(users.status, 'deleted'), gt(users.lockedUntil, filter.now));
  else if (filter.status) conditions.push(eq(users.status, filter.status));
  else conditions.push(ne(users.status, 'deleted'));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    // As text, so the trigram indexes of migration 0005 serve these (citext has its own operators).
    conditions.push(
      or(
        sql`(${users.username}::text) ilike ${pattern}`,
        sql`(${users.email}::text) ilike ${pattern}`,
        sql`(${users.firstName} || ' ' || ${users.lastName}) ilike ${pattern}`,
      ),
    );
  }
  return and(...conditions) ?? sql`true`;
}

/**
 * The staff console's producer and group filters as ids; -1 (matches nobody) for an unknown
 * Agent Unique ID or account number.
 */
/** An employer group's account number (for the export's file name), undefined when it is gone. */
export async function findGroupAccountNumber(db: TDbOrTx, groupId: number): Promise<string | undefined> {
  const [group] = await db.select({ accountNumber: employerGroups.accountNumber }).from(employerGroups).where(eq(employerGroups.id, groupId));
  return group?.accountNumber;
}

export async function resolveTenantFilters(
  db: TDbOrTx,
  input: { producer?: string | undefined; group?: string | undefined },
): Promise<{ producerId?: number; groupId?: number }> {
  const ids: { producerId?: number; groupId?: number } = {};
  if (input.producer) {
    const [row] = await db.select({ id: producers.id }).from(producers).where(eq(producers.agentUniqueId, input.producer)).limit(1);
    ids.producerId = row?.id ?? -1;
  }
  if (input.group) {
    const [row] = await db.select({ id: employerGroups.id }).from(employerGroups).where(eq(employerGroups.accountNumber, input.group)).limit(1);
    ids.groupId = row?.id ?? -1;
  }
  return ids;
}

function orderBy(sort: TUserSort, dir: 'asc' | 'desc'): SQL[] {
  const by = dir === 'asc' ? asc : desc;
  const nullsLast = (column: SQL) => sql`${column} ${sql.raw(dir)} nulls last`;
  switch (sort) {
    case 'name':
      return [by(sql`lower(${users.lastName})`), by(sql`lower(${users.firstName})`), by(users.username), asc(users.id)];
    case 'username':
      return [by(users.username), asc(users.id)];
    case 'lastLogin':
      return [nullsLast(sql`${users.lastLoginAt}`), asc(users.username), asc(users.id)];
    case 'status':
      return [by(users.status), asc(users.username), asc(users.id)];
    case 'created':
      return [by(users.createdAt), asc(users.username), asc(users.id)];
  }
}

export async function searchUsers(
  db: TDbOrTx,
  filter: TUserFilter,
  view: { sort: TUserSort; dir: 'asc' | 'desc'; page: number; pageSize: number },
): Promise<{ rows: TAdminUserRow[]; total: number }> {
  const where = userFilterSql(filter);
  const [rows, totals] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .leftJoin(producers, eq(producers.id, users.producerId))
      .leftJoin(employerGroups, eq(employerGroups.id, users.groupId))
      .where(where)
      .orderBy(...orderBy(view.sort, view.dir))
      .limit(view.pageSize)
      .offset((view.page - 1) * view.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows.map(cast), total: totals[0]?.n ?? 0 };
}

export interface TNewSubUser {
  portalId: TPortalId;
  username: string;
  role: TRole;
  firstName: string;
  lastName: string;
  email: string;
  producerId: number | null;
  groupId: number | null;
  tempPasswordHash: string;
  tempPasswordExpiresAt: Date;
  now: Date;
}

/** A new ID with no password of its own, only a temporary one (so the first login forces Change Password). */
export async function insertSubUser(db: TDbOrTx, user: TNewSubUser): Promise<string | undefined> {
  const agencyId = user.producerId === null ? null : sql`(select ${producers.agencyId} from ${producers} where ${producers.id} = ${user.producerId})`;
  const [row] = await db
    .insert(users)
    .values({
      portalId: user.portalId,
      username: user.username,
      passwordHash: null,
      role: user.role,
      firstName: user.firstName,
      lastName: user.lastName,
      email: user.email,
      producerId: user.producerId,
      agencyId,
      groupId: user.groupId,
      tempPasswordHash: user.tempPasswordHash,
      tempPasswordExpiresAt: user.tempPasswordExpiresAt,
      createdAt: user.now,
    })
    .onConflictDoNothing({ target: [users.portalId, users.username] })
    .returning({ id: users.id });
  return row?.id;
}

/**
 * An administrator's reset: the old password stops working, the temporary one is the only way in
 * (and forces Change Password), a lockout is lifted and open sessions end.
 */
export async function replaceWithTemporaryPassword(db: TDbOrTx, { userId, hash, expiresAt }: { userId: string; hash: string; expiresAt: Date }): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: null, tempPasswordHash: hash, tempPasswordExpiresAt: expiresAt, failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, userId));
  await endSessionsOf(db, userId);
}

export async function clearUserLockout(db: TDbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, userId));
}

export async function markDisabled(db: TDbOrTx, userId: string, now: Date): Promise<number> {
  await db.update(users).set({ status: 'disabled', disabledAt: now }).where(eq(users.id, userId));
  return endSessionsOf(db, userId);
}

/** LC-4: active again, and the inactivity clock restarts now (LC-1 counts from reinstated_at). */
export async function markReinstated(db: TDbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ status: 'active', reinstatedAt: now, disabledAt: null, lifecycleWarnedAt: null, failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}

async function endSessionsOf(db: TDbOrTx, userId: string): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ t: sessions.tokenHash });
  return ended.length;
}

export interface TExportRow {
  portal_id: string;
  username: string;
  first_name: string;
  last_name: string;
  email: string | null;
  role: string;
  status: string;
  last_login: string | null;
  created: string;
}

/**
 * The next batch of one portal's users after `afterUsername`, in user-name order: keyset
 * pagination on the users_portal_username_key index (portal equal, user name greater), so every
 * batch costs the same however deep the export is, and no transaction or cursor stays open
 * between batches. Dates are formatted by the database.
 */
export async function findExportBatch(
  db: TDbOrTx,
  { filter, afterUsername, limit }: { filter: TUserFilter & { portal: TPortalId }; afterUsername: string | null; limit: number },
): Promise<TExportRow[]> {
  const keyset = afterUsername === null ? sql`` : sql`and ${users.username} > ${afterUsername}::citext`;
  return executeRows<TExportRow>(
    db,
    sql`
    select ${users.portalId} as portal_id, ${users.username}::text as username, ${users.firstName} as first_name,
      ${users.lastName} as last_name, ${users.email}::text as email, ${users.role} as role, ${users.status} as status,
      to_char(${users.lastLoginAt} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as last_login,
      to_char(${users.createdAt} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as created
    from ${users}
    where ${users.portalId} = ${filter.portal} and ${userFilterSql(filter)} ${keyset}
    order by ${users.username}
    limit ${limit}`,
  );
}
