// Registration (ID-5): a roster match by Agent Unique ID + e-mail on file, a chosen user name and
// password, and an account that works once its confirmation link is used.
import { randomBytes } from 'node:crypto';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { toDataError } from '../../platform/data-errors.ts';
import { recordAudit, type TAuditContext } from '../../platform/audit.ts';
import { enqueueEmail } from '../../platform/outbox/enqueue.ts';
import { assertPasswordAllowed } from '../../platform/password-policy.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { addMinutes } from '../../platform/clock.ts';
import type { TRegistrationRequest } from '../../../shared/self-service-schemas.ts';
import { getPortal } from '../portals/portals.service.ts';
import { insertUserRecord } from '../user-admin/user-accounts.service.ts';
import { registrationEmail } from './emails.ts';
import { takeAttempt, type TSelfServiceDeps } from './self-service-limits.ts';
import { hashToken } from './sessions.service.ts';
import { activatePendingUser, deleteUser, findRetailAccountOfProducer, findRosterEntry, insertOneTimeToken, useOneTimeToken } from './self-service.store.ts';

export const REGISTRATION_LINK_HOURS = 24;
const PURPOSE = 'registration';

export interface TRegisterInput extends TAuditContext, TRegistrationRequest {
  publicUrl: string;
}

export async function registerRetailProducer(deps: TSelfServiceDeps, input: TRegisterInput): Promise<void> {
  // Before any work: the answers (no match, user name taken, already registered) tell a caller
  // something, so each address and each roster entry gets only a few of them an hour.
  const wait = takeAttempt([deps.limits.registrationsByAddress, input.ipAddress], [deps.limits.registrationsByRosterEntry, input.agentUniqueId]);
  if (wait > 0) throw new AppError('registration.too_many_attempts', { retryAfterSeconds: wait });
  const portal = await getPortal(deps.db, 'retail');
  if (!portal.policy.selfRegistration) throw new AppError('registration.closed');
  const producer = await findRosterEntry(deps.db, input.agentUniqueId);
  if (!producer || producer.email.toLowerCase() !== input.email.toLowerCase()) throw new AppError('registration.no_match', { fields: NO_MATCH_FIELDS });
  assertPasswordAllowed({ profile: portal.policy.passwordProfile, password: input.password, username: input.username });
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();

  try {
    await deps.db.transaction(async (tx) => {
      const existing = await findRetailAccountOfProducer(tx, producer.id);
      if (existing && existing.status !== 'pending') throw new AppError('registration.already_registered');
      // An unconfirmed earlier attempt gives way to the new one (its link stops working).
      if (existing) await deleteUser(tx, existing.id);
      const userId = await insertUserRecord(tx, {
        portalId: 'retail',
        username: input.username,
        passwordHash,
        role: 'retail-producer',
        status: 'pending',
        firstName: producer.firstName,
        lastName: producer.lastName,
        email: producer.email,
        producerId: producer.id,
        agencyId: producer.agencyId,
        createdAt: now,
      });
      if (!userId)
        throw new AppError('user.username_taken', { fields: [{ field: 'username', message: 'That User Name is already taken. Please choose another.' }] });
      await insertOneTimeToken(tx, {
        tokenHash: hashToken(token),
        purpose: PURPOSE,
        userId,
        createdAt: now,
        expiresAt: addMinutes(now, REGISTRATION_LINK_HOURS * 60),
      });
      const link = `${input.publicUrl}/retail/register/confirm?token=${token}`;
      await enqueueEmail(tx, registrationEmail(portal, { to: producer.email, username: input.username, link, validHours: REGISTRATION_LINK_HOURS }), now);
      await recordAudit(tx, {
        action: 'user.registered',
        occurredAt: now,
        portalId: 'retail',
        actor: { id: userId, label: input.username },
        target: { id: userId, label: input.username },
        ipAddress: input.ipAddress,
        requestId: input.requestId,
        details: { agentUniqueId: producer.agentUniqueId },
      });
    });
  } catch (error) {
    // Two registrations racing for one roster entry: the unique index decides.
    if (toDataError(error)?.code === 'user.producer_has_account') throw new AppError('registration.already_registered');
    throw error;
  }
}

const NO_MATCH_FIELDS = [
  { field: 'agentUniqueId', message: 'The Agent Unique ID and E-mail Address do not match our producer records.' },
  { field: 'email', message: 'The Agent Unique ID and E-mail Address do not match our producer records.' },
];

export async function confirmRegistration(deps: TDataDeps, input: TAuditContext & { token: string }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const userId = await useOneTimeToken(tx, { tokenHash: hashToken(input.token), purpose: PURPOSE, now });
    const user = userId ? await activatePendingUser(tx, userId) : undefined;
    if (!userId || !user) throw new AppError('registration.link_invalid');
    await recordAudit(tx, {
      action: 'user.registration_confirmed',
      occurredAt: now,
      portalId: 'retail',
      actor: { id: userId, label: user.username },
      target: { id: userId, label: user.username },
      ipAddress: input.ipAddress,
      requestId: input.requestId,
    });
  });
}
