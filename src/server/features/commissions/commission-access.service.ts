// The Primary Producer decides which sub-users of their producer ID see commissions (issue 17 §2).
// A grant or a withdrawal commits with its audit row; setting what is already set changes nothing.
import type { TCommissionAccess, TCommissionGrants } from '../../../shared/commission-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TCaller } from '../../platform/session.ts';
import { findGrantedUserIds, findGrantTarget, hasCommissionAccess, setCommissionAccess } from './commissions.store.ts';

/** The sub-user, once the policy lets the caller grant to them: another producer ID's user is a 404, a non-sub-user a 403. */
async function grantTarget(deps: TDataDeps, caller: TCaller, userId: string) {
  assertCan(caller.actor, 'commissions.grant');
  const row = await findGrantTarget(deps.db, userId);
  if (!row) throw new AppError('user.not_found');
  const user = { id: row.id, portalId: row.portal_id as TPortalId, role: row.role, producerId: row.producer_id, groupId: row.group_id };
  assertCan(caller.actor, 'commissions.grant', { user });
  return row;
}

/** The caller's producer ID's sub-users who may see commissions (the Password Manager's column, in one request). */
export async function listCommissionGrants(deps: TDataDeps, caller: TCaller): Promise<TCommissionGrants> {
  assertCan(caller.actor, 'commissions.grant');
  if (caller.actor.producerId === null) throw new AppError('auth.forbidden');
  return { allowedUserIds: await findGrantedUserIds(deps.db, caller.actor.producerId) };
}

export async function getCommissionAccess(deps: TDataDeps, caller: TCaller, userId: string): Promise<TCommissionAccess> {
  await grantTarget(deps, caller, userId);
  return { allowed: await hasCommissionAccess(deps.db, userId) };
}

export async function changeCommissionAccess(deps: TDataDeps, caller: TCaller, input: { userId: string } & TCommissionAccess): Promise<TCommissionAccess> {
  const target = await grantTarget(deps, caller, input.userId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    if (!(await setCommissionAccess(tx, { userId: target.id, allowed: input.allowed, by: caller.actor.id, now }))) return;
    await recordAudit(tx, {
      action: 'commissions.access_changed',
      occurredAt: now,
      portalId: target.portal_id,
      actor: { id: caller.actor.id, label: caller.actor.username },
      target: { id: target.id, label: target.username },
      ipAddress: caller.ipAddress,
      requestId: caller.requestId,
      details: { allowed: input.allowed },
    });
  });
  return { allowed: input.allowed };
}
