// User administration (LC-4 … LC-6) for Primary Producers, group administrators and staff.
// Every action asks the policy twice: before any lookup (may this actor do this at all? → 403),
// and on the target row locked for the transaction (is it theirs? → 404; may they touch it? → 403).
// The change, its audit row and its e-mail commit together.
import type { TDbOrTx } from '../../db/client.ts';
import { recordAudit, type TAuditAction, type TAuditContext } from '../../platform/audit.ts';
import { addMinutes } from '../../platform/clock.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOfSession, type TAuthenticatedSession } from '../../platform/session.ts';
import { enqueueEmail } from '../../platform/outbox/enqueue.ts';
import { assertCan, userScope, type TPolicyAction, type TPolicyActor } from '../../platform/policy.ts';
import type { TRole } from '../../../shared/portals.ts';
import { USER_ADMIN_TEXTS, type TAdminUser, type TStaffUserSearchQuery, type TUserActionResponse, type TUserPage } from '../../../shared/user-admin-schemas.ts';
import { passwordResetEmail } from '../identity/emails.ts';
import { generateTemporaryPassword, hashTemporaryPassword } from '../identity/temporary-password.ts';
import { getPortal, type TPortal } from '../portals/portals.service.ts';
import { newUserEmail } from './user-admin-emails.ts';
import { toAdminUser, toPolicyUser } from './user-admin.presenter.ts';
import {
  clearUserLockout,
  findAdminUser,
  insertSubUser,
  markDisabled,
  markReinstated,
  replaceWithTemporaryPassword,
  resolveTenantFilters,
  searchUsers,
  type TAdminUserRow,
} from './user-admin.store.ts';

export interface TAdminActor extends TPolicyActor {
  username: string;
}

export function actorOf(session: TAuthenticatedSession): TAdminActor {
  return actorOfSession(session);
}

interface TActorInput extends TAuditContext {
  actor: TAdminActor;
}

export type TListUsersInput = TActorInput &
  Partial<Pick<TStaffUserSearchQuery, 'portal' | 'producer' | 'group'>> &
  Omit<TStaffUserSearchQuery, 'portal' | 'producer' | 'group'>;

export async function listUsers(deps: TDataDeps, input: TListUsersInput): Promise<TUserPage> {
  const scope = userScope(input.actor, 'user.list');
  const now = deps.clock.now();
  const { rows, total } = await searchUsers(
    deps.db,
    { scope, q: input.q, status: input.status, portal: input.portal, ...(await resolveTenantFilters(deps.db, input)), now },
    { sort: input.sort, dir: input.dir, page: input.page, pageSize: input.pageSize },
  );
  return { items: rows.map((r) => toAdminUser(r, input.actor, now)), page: input.page, pageSize: input.pageSize, total };
}

export async function getUser(deps: TDataDeps, input: TActorInput & { userId: string }): Promise<TAdminUser> {
  assertCan(input.actor, 'user.view');
  const row = await findAdminUser(deps.db, input.userId);
  if (!row) throw new AppError('user.not_found');
  assertCan(input.actor, 'user.view', { user: toPolicyUser(row) });
  return toAdminUser(row, input.actor, deps.clock.now());
}

export interface TCreateUserInput extends TActorInput {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
  role: TRole;
  publicUrl: string;
}

/** LC-5/LC-6: a new ID in the actor's own tenant, with only a temporary password, e-mailed. */
export async function createManagedUser(deps: TDataDeps, input: TCreateUserInput): Promise<TUserActionResponse> {
  const { actor } = input;
  assertCan(actor, 'user.create');
  // The tenant comes from the session, never from the request.
  const planned = { portalId: actor.portalId, role: input.role, producerId: actor.producerId, groupId: actor.groupId };
  assertCan(actor, 'user.create', { user: planned });
  const portal = await getPortal(deps.db, actor.portalId);
  const temporary = await prepareTemporaryPassword(deps, portal);
  const now = deps.clock.now();
  const user = await deps.db.transaction(async (tx) => {
    const id = await insertSubUser(tx, {
      ...planned,
      username: input.username,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      tempPasswordHash: temporary.hash,
      tempPasswordExpiresAt: temporary.expiresAt,
      now,
    });
    if (!id) throw new AppError('user.username_taken', { fields: [{ field: 'username', message: 'That user name is already taken. Choose another.' }] });
    await enqueueEmail(
      tx,
      newUserEmail({
        portal,
        to: input.email,
        username: input.username,
        temporaryPassword: temporary.password,
        validHours: temporary.hours,
        createdBy: describeActor(actor),
        loginUrl: `${input.publicUrl}/${portal.id}/login`,
      }),
      now,
    );
    await audit(tx, {
      input,
      action: 'user.created',
      now,
      target: { id, username: input.username, portalId: portal.id },
      details: { role: input.role, byAdministrator: true },
    });
    return findAdminUser(tx, id);
  });
  if (!user) throw new AppError('internal');
  return { message: USER_ADMIN_TEXTS.created, user: toAdminUser(user, actor, now) };
}

function describeActor(actor: TAdminActor): string {
  if (actor.role === 'primary-producer') return 'Your Primary Producer';
  if (actor.role === 'delegated-admin' || actor.role === 'alternate-delegated-admin') return "Your group's administrator";
  return 'Our help desk';
}

interface TTemporaryPassword {
  password: string;
  hash: string;
  expiresAt: Date;
  hours: number;
}

async function prepareTemporaryPassword(deps: TDataDeps, portal: TPortal): Promise<TTemporaryPassword> {
  const password = generateTemporaryPassword(portal.policy.passwordProfile);
  const hours = portal.policy.temporaryPasswordHours;
  return { password, hash: await hashTemporaryPassword(deps.db, password), expiresAt: addMinutes(deps.clock.now(), hours * 60), hours };
}

interface TTargetInput extends TActorInput {
  userId: string;
}

/**
 * Runs `change` on the target locked in a transaction, after the policy allowed it, and returns
 * the user as it is afterwards. `change` returns the audit details (or throws to refuse).
 */
async function changeUser(
  deps: TDataDeps,
  {
    input,
    action,
    auditAction,
    change,
  }: {
    input: TTargetInput;
    action: TPolicyAction;
    auditAction: TAuditAction;
    change: (tx: TDbOrTx, user: TAdminUserRow, now: Date) => Promise<Record<string, unknown>>;
  },
): Promise<TAdminUser> {
  assertCan(input.actor, action);
  const now = deps.clock.now();
  const after = await deps.db.transaction(async (tx) => {
    const user = await findAdminUser(tx, input.userId, { forUpdate: true });
    if (!user) throw new AppError('user.not_found');
    assertCan(input.actor, action, { user: toPolicyUser(user) });
    const details = await change(tx, user, now);
    await audit(tx, { input, action: auditAction, now, target: user, details });
    return findAdminUser(tx, user.id);
  });
  if (!after) throw new AppError('user.not_found');
  return toAdminUser(after, input.actor, now);
}

async function audit(
  tx: TDbOrTx,
  {
    input,
    action,
    now,
    target,
    details,
  }: {
    input: TActorInput;
    action: TAuditAction;
    now: Date;
    target: { id: string; username: string; portalId: string };
    details: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(tx, {
    action,
    occurredAt: now,
    portalId: target.portalId,
    actor: { id: input.actor.id, label: input.actor.username },
    target: { id: target.id, label: target.username },
    ipAddress: input.ipAddress,
    requestId: input.requestId,
    details: { ...details, actorRole: input.actor.role, actorPortal: input.actor.portalId },
  });
}

function refuseDeleted(user: TAdminUserRow, message?: string): void {
  if (user.status === 'deleted') throw new AppError('user.deleted', message ? { message } : {});
}

/** A temporary password e-mailed to the address on file; the old password stops working (ADR 0008). */
export async function resetUserPassword(deps: TDataDeps, input: TTargetInput): Promise<TUserActionResponse> {
  assertCan(input.actor, 'user.reset_password');
  // The portal (and so the password profile) is the target's; the hash is made outside the transaction.
  const peek = await findAdminUser(deps.db, input.userId);
  if (!peek) throw new AppError('user.not_found');
  assertCan(input.actor, 'user.reset_password', { user: toPolicyUser(peek) });
  const portal = await getPortal(deps.db, peek.portalId);
  const temporary = await prepareTemporaryPassword(deps, portal);
  const user = await changeUser(deps, {
    input,
    action: 'user.reset_password',
    auditAction: 'password.reset_issued',
    change: async (tx, row, now) => {
      refuseDeleted(row, 'This user ID has been deleted.');
      if (row.status !== 'active') throw new AppError('user.not_active');
      if (!row.email) throw new AppError('user.no_email');
      const wasLocked = row.lockedUntil !== null && row.lockedUntil > now;
      await replaceWithTemporaryPassword(tx, { userId: row.id, hash: temporary.hash, expiresAt: temporary.expiresAt });
      await enqueueEmail(tx, passwordResetEmail(portal, { to: row.email, temporaryPassword: temporary.password, validHours: temporary.hours }), now);
      return { byAdministrator: true, liftedLock: wasLocked };
    },
  });
  return { message: USER_ADMIN_TEXTS.passwordReset, user };
}

export async function unlockManagedUser(deps: TDataDeps, input: TTargetInput): Promise<TUserActionResponse> {
  const user = await changeUser(deps, {
    input,
    action: 'user.unlock',
    auditAction: 'account.unlocked',
    change: async (tx, row, now) => {
      refuseDeleted(row, 'This user ID has been deleted.');
      await clearUserLockout(tx, row.id);
      return { wasLocked: row.lockedUntil !== null && row.lockedUntil > now, failedAttempts: 0 };
    },
  });
  return { message: USER_ADMIN_TEXTS.unlocked, user };
}

/** The ID stops working at once: its sessions end, and login answers ID-3's disabled text. */
export async function disableManagedUser(deps: TDataDeps, input: TTargetInput): Promise<TUserActionResponse> {
  const user = await changeUser(deps, {
    input,
    action: 'user.disable',
    auditAction: 'user.disabled',
    change: async (tx, row, now) => {
      refuseDeleted(row, 'This user ID has been deleted.');
      if (row.status === 'disabled') throw new AppError('user.already_disabled');
      const endedSessions = await markDisabled(tx, row.id, now);
      return { previousStatus: row.status, endedSessions, byAdministrator: true };
    },
  });
  return { message: USER_ADMIN_TEXTS.disabled, user };
}

/** LC-4: disabled → active; the inactivity clock restarts now. Deleted IDs cannot come back (LC-3). */
export async function reinstateManagedUser(deps: TDataDeps, input: TTargetInput): Promise<TUserActionResponse> {
  const user = await changeUser(deps, {
    input,
    action: 'user.reinstate',
    auditAction: 'user.reinstated',
    change: async (tx, row, now) => {
      refuseDeleted(row, USER_ADMIN_TEXTS.deletedCannotBeRestored);
      if (row.status !== 'disabled') throw new AppError('user.not_disabled');
      await markReinstated(tx, row.id, now);
      return { disabledAt: row.disabledAt?.toISOString() ?? null, lastLoginAt: row.lastLoginAt?.toISOString() ?? null };
    },
  });
  return { message: USER_ADMIN_TEXTS.reinstated, user };
}
