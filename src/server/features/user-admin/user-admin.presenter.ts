// A user as an administrator sees it, with the actions the policy and the user's state allow.
import { can, type TPolicyActor, type TPolicyUser } from '../../platform/policy.ts';
import { ROLE_LABELS, type TRole } from '../../../shared/portals.ts';
import type { TAdminUser, TUserRowAction } from '../../../shared/user-admin-schemas.ts';
import type { TAdminUserRow } from './user-admin.store.ts';

export function toPolicyUser(row: TAdminUserRow): TPolicyUser {
  return { id: row.id, portalId: row.portalId, role: row.role, producerId: row.producerId, groupId: row.groupId };
}

function isLocked(row: TAdminUserRow, now: Date): boolean {
  return row.status !== 'deleted' && row.lockedUntil !== null && row.lockedUntil > now;
}

/** What may be done now: the policy says who, the state says whether it makes sense. */
export function availableActions(actor: TPolicyActor, row: TAdminUserRow, now: Date): TUserRowAction[] {
  const target = { user: toPolicyUser(row) };
  const actions: TUserRowAction[] = [];
  if (row.status === 'active' && row.email && can(actor, 'user.reset_password', target)) actions.push('reset_password');
  if (isLocked(row, now) && can(actor, 'user.unlock', target)) actions.push('unlock');
  if ((row.status === 'active' || row.status === 'pending') && can(actor, 'user.disable', target)) actions.push('disable');
  if (row.status === 'disabled' && can(actor, 'user.reinstate', target)) actions.push('reinstate');
  return actions;
}

export function toAdminUser(row: TAdminUserRow, actor: TPolicyActor, now: Date): TAdminUser {
  const locked = isLocked(row, now);
  return {
    id: row.id,
    portal: row.portalId,
    username: row.username,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: `${row.firstName} ${row.lastName}`.trim() || row.username,
    email: row.email,
    role: row.role,
    roleLabel: ROLE_LABELS[row.role as TRole] ?? row.role,
    status: row.status,
    locked,
    lockedUntil: locked ? (row.lockedUntil?.toISOString() ?? null) : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
    reinstatedAt: row.reinstatedAt?.toISOString() ?? null,
    producer: row.agentUniqueId ? { agentUniqueId: row.agentUniqueId } : null,
    group: row.groupAccountNumber ? { accountNumber: row.groupAccountNumber, name: row.groupName ?? '' } : null,
    actions: availableActions(actor, row, now),
  };
}
