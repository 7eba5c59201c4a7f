// User accounts by name, outside any administrator's session: the operator's CLI (`users create`,
// `users unlock`), the demo seed, and other features that create an account as part of their own
// change (registration). The administrators' screens go through user-admin.service.ts.
import type { TDbOrTx } from '../../db/client.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { toDataError } from '../../platform/data-errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { assertPasswordAllowed } from '../../platform/password-policy.ts';
import { isRoleOfPortal, type TPortalId } from '../../../shared/portals.ts';
import { getPortal } from '../portals/portals.service.ts';
import {
  clearLockout,
  countUsers,
  findGroupByAccountNumber,
  findProducerByAgentId,
  insertUser,
  type TGroup,
  type TNewUser,
  type TProducer,
} from './user-accounts.store.ts';

export type { TNewUser };

export interface TCreateUserInput {
  portalId: string;
  username: string;
  password: string;
  role: string;
  producerAgentId?: string | undefined;
  groupAccountNumber?: string | undefined;
  email?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  actor: { id?: string | null; label: string };
}

const NEEDS_PRODUCER = new Set<TPortalId>(['producers', 'retail']);

export async function createUser(deps: TDataDeps, input: TCreateUserInput): Promise<{ id: string }> {
  const portal = await getPortal(deps.db, input.portalId);
  if (!isRoleOfPortal(portal.id, input.role))
    throw new AppError('user.invalid_role', { fields: [{ field: 'role', message: `Choose a role of the ${portal.id} portal.` }] });
  assertPasswordAllowed({ profile: portal.policy.passwordProfile, password: input.password, username: input.username });

  const producer = input.producerAgentId ? await findProducerByAgentId(deps.db, input.producerAgentId) : undefined;
  if (input.producerAgentId && !producer)
    throw new AppError('user.producer_not_found', {
      message: `No producer has the Agent Unique ID ${input.producerAgentId}; load the roster with portico import producers FILE.csv.`,
    });
  const group = input.groupAccountNumber ? await findGroupByAccountNumber(deps.db, input.groupAccountNumber) : undefined;
  if (input.groupAccountNumber && !group)
    throw new AppError('user.group_not_found', {
      message: `No employer group has the account number ${input.groupAccountNumber}; load the groups with portico import groups FILE.csv.`,
    });
  if (NEEDS_PRODUCER.has(portal.id) && !producer) throw new AppError('user.link_required', { message: `A ${input.role} needs --producer AGENT_UNIQUE_ID.` });
  if (portal.id === 'employers' && !group) throw new AppError('user.link_required', { message: `A ${input.role} needs --group ACCOUNT_NUMBER.` });

  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    return await insertUserWithAudit(deps, { ...input, portalId: portal.id }, { passwordHash, now, producer, group });
  } catch (error) {
    // ID-5: one live retail account per roster entry; the unique index decides.
    if (toDataError(error)?.code === 'user.producer_has_account') {
      throw new AppError('user.producer_has_account', { message: `Producer ${input.producerAgentId ?? ''} already has a ${portal.name} account.` });
    }
    throw error;
  }
}

async function insertUserWithAudit(
  deps: TDataDeps,
  input: TCreateUserInput & { portalId: TPortalId },
  linked: { passwordHash: string; now: Date; producer: TProducer | undefined; group: TGroup | undefined },
): Promise<{ id: string }> {
  const { passwordHash, now, producer, group } = linked;
  return deps.db.transaction(async (tx) => {
    const id = await insertUser(tx, {
      portalId: input.portalId,
      username: input.username,
      passwordHash,
      role: input.role,
      firstName: input.firstName ?? producer?.firstName ?? '',
      lastName: input.lastName ?? producer?.lastName ?? '',
      email: input.email ?? producer?.email ?? null,
      producerId: producer?.id ?? null,
      agencyId: producer?.agencyId ?? null,
      groupId: group?.id ?? null,
      createdAt: now,
    });
    if (!id) throw new AppError('user.username_taken');
    await recordAudit(tx, {
      action: 'user.created',
      occurredAt: now,
      portalId: input.portalId,
      actor: input.actor,
      target: { id, label: input.username },
      details: { role: input.role },
    });
    return { id };
  });
}

export interface TUnlockUserInput {
  portalId: string;
  username: string;
  actor: { id?: string | null; label: string };
}

/** An administrator lifts a lockout before it expires (ID-2); audited. */
export async function unlockUser(deps: TDataDeps, input: TUnlockUserInput): Promise<void> {
  const portal = await getPortal(deps.db, input.portalId);
  await deps.db.transaction(async (tx) => {
    const user = await clearLockout(tx, portal.id, input.username);
    if (!user) throw new AppError('user.not_found');
    await recordAudit(tx, {
      action: 'account.unlocked',
      occurredAt: deps.clock.now(),
      portalId: portal.id,
      actor: input.actor,
      target: { id: user.id, label: user.username },
    });
  });
}

/** True once any account exists (the demo seed only fills an empty database). */
export async function hasAnyUsers(db: TDbOrTx): Promise<boolean> {
  return (await countUsers(db)) > 0;
}

/**
 * Inserts a user row inside the caller's transaction, for features that create an account as one
 * step of their own change (registration, ID-5). The caller has checked role, password and links;
 * returns undefined when the user name is taken.
 */
export function insertUserRecord(tx: TDbOrTx, user: TNewUser): Promise<string | undefined> {
  return insertUser(tx, user);
}
