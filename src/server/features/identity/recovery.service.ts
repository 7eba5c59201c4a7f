// Forgot User Name (ID-6) and Reset Password (ID-7). Both answer the same whether or not anything
// matched; what happens is only in the e-mail to the address on file and in the audit trail.
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type TAuditContext } from '../../platform/audit.ts';
import { addMinutes } from '../../platform/clock.ts';
import { enqueueEmail } from '../../platform/outbox/enqueue.ts';
import type { TForgotUsernameRequest, TPasswordResetRequest } from '../../../shared/self-service-schemas.ts';
import { getPortal, type TPortal } from '../portals/portals.service.ts';
import { forgotUsernameEmail, passwordResetEmail } from './emails.ts';
import { RESETS_PER_ACCOUNT, takeAttempt, type TSelfServiceDeps } from './self-service-limits.ts';
import { countSelfServiceResets, findAccountByUsername, findAccountsByEmail, setTemporaryPassword, type TRecoveryAccount } from './self-service.store.ts';
import { generateTemporaryPassword, hashTemporaryPassword } from './temporary-password.ts';

/** Self-service recovery exists for the business portals; staff accounts are reset by security. */
async function getRecoveryPortal(deps: TDataDeps, portalId: string): Promise<TPortal> {
  const portal = await getPortal(deps.db, portalId);
  if (portal.id === 'staff') throw new AppError('portal.not_found');
  return portal;
}

export async function sendForgottenUsernames(deps: TDataDeps, input: TAuditContext & { portalId: string } & TForgotUsernameRequest): Promise<void> {
  const portal = await getRecoveryPortal(deps, input.portalId);
  if (portal.id === 'retail' && !input.agentUniqueId) {
    throw new AppError('request.invalid', { fields: [{ field: 'agentUniqueId', message: 'Enter your Agent Unique ID.' }] });
  }
  const accounts = await findAccountsByEmail(deps.db, portal.id, input.email);
  // Retail: the Agent Unique ID must be one of the address's accounts' (it proves the asker).
  const proven = portal.id !== 'retail' || accounts.some((a) => a.agentUniqueId === input.agentUniqueId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const first = accounts[0];
    if (proven && first?.email)
      await enqueueEmail(
        tx,
        forgotUsernameEmail(
          portal,
          first.email,
          accounts.map((a) => a.username),
        ),
        now,
      );
    await recordAudit(tx, {
      action: 'username.reminder_requested',
      occurredAt: now,
      portalId: portal.id,
      target: { label: input.email },
      ipAddress: input.ipAddress,
      requestId: input.requestId,
      details: { matched: proven ? accounts.length : 0 },
    });
  });
}

/**
 * ID-7: a temporary password for the account named, e-mailed to the address on file. It leaves the
 * real password and any lockout alone (the temporary one works while locked; completing the reset
 * lifts the lock, profile.service.ts). Over a rate limit — per address, or per account — nothing
 * is issued, and the caller answers exactly as for any other request.
 */
export async function issueTemporaryPassword(deps: TSelfServiceDeps, input: TAuditContext & { portalId: string } & TPasswordResetRequest): Promise<void> {
  const portal = await getRecoveryPortal(deps, input.portalId);
  if (portal.id !== 'retail' && !input.email) {
    throw new AppError('request.invalid', { fields: [{ field: 'email', message: 'Enter your E-mail Address.' }] });
  }
  const now = deps.clock.now();
  const requested = { occurredAt: now, portalId: portal.id, ipAddress: input.ipAddress, requestId: input.requestId };
  if (takeAttempt([deps.limits.resetsByAddress, input.ipAddress]) > 0) {
    await recordAudit(deps.db, { ...requested, action: 'password.reset_limited', target: { label: input.username }, details: { limit: 'address' } });
    return;
  }
  const account = await findAccountByUsername(deps.db, portal.id, input.username);
  if (!account || !identifies(portal, account, input)) {
    await recordAudit(deps.db, { ...requested, action: 'password.reset_requested', target: { label: input.username }, details: { matched: false } });
    return;
  }
  const temporary = generateTemporaryPassword(portal.policy.passwordProfile);
  const hash = await hashTemporaryPassword(deps.db, temporary);
  const hours = portal.policy.temporaryPasswordHours;
  const target = { id: account.id, label: account.username };
  await deps.db.transaction(async (tx) => {
    const issued = await countSelfServiceResets(tx, account.id, addMinutes(now, -RESETS_PER_ACCOUNT.windowHours * 60));
    if (issued >= RESETS_PER_ACCOUNT.max) {
      // The latest e-mail's temporary password still works: a flood of requests costs the owner nothing.
      await recordAudit(tx, { ...requested, action: 'password.reset_limited', target, details: { limit: 'account', issuedInWindow: issued } });
      return;
    }
    const { locked } = await setTemporaryPassword(tx, { userId: account.id, hash, expiresAt: addMinutes(now, hours * 60), now });
    if (account.email) await enqueueEmail(tx, passwordResetEmail(portal, { to: account.email, temporaryPassword: temporary, validHours: hours }), now);
    await recordAudit(tx, { ...requested, action: 'password.reset_issued', target, details: { accountLocked: locked } });
  });
}

/** The user name plus the e-mail on file (or, on retail, the Agent Unique ID); only active accounts get a reset. */
function identifies(portal: TPortal, account: TRecoveryAccount, input: TPasswordResetRequest): boolean {
  if (account.status !== 'active' || !account.email) return false;
  const byEmail = input.email !== undefined && input.email.toLowerCase() === account.email.toLowerCase();
  const byAgentId = portal.id === 'retail' && input.agentUniqueId !== undefined && input.agentUniqueId === account.agentUniqueId;
  return byEmail || byAgentId;
}
