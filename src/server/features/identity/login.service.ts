// Sign-in (ID-1, ID-2, ID-3): one answer for a wrong password and an unknown name, lockout
// counted atomically, the disabled text only after the correct password.
import type { TDbOrTx } from '../../db/client.ts';
import { addMinutes } from '../../platform/clock.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError, isDatabaseUnavailable } from '../../platform/errors.ts';
import { recordAudit, type TAuditContext } from '../../platform/audit.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { isPortalId, type TPortalId } from '../../../shared/portals.ts';
import type { TPortal } from '../portals/portals.service.ts';
import { threadPoolSize } from '../../platform/thread-pool.ts';
import { GroupCommit } from '../../platform/group-commit.ts';
import {
  countUnknownFailure,
  countUserFailure,
  findLoginContexts,
  recordLoginSuccesses,
  type TFailureOutcome,
  type TLoginSuccess,
  type TLoginCandidate,
  type TLoginContext,
  type TUserProfile,
} from './identity.store.ts';
import { LoginAdmission } from './login-admission.ts';
import { prepareSession } from './sessions.service.ts';
import { verifyTemporaryPassword } from './temporary-password.ts';

export type TLoginTurns = LoginAdmission<TPortalId, TLoginContext | undefined>;

export interface TLogInDeps extends TDataDeps {
  /** Whose turn it is at Argon2id; one per app (createLogInDeps). */
  loginTurns: TLoginTurns;
  /** Successful logins' writes, committed together when they come close together. */
  loginSuccesses: GroupCommit<TLoginSuccess, boolean>;
}

/**
 * While logins queue for their turn at Argon2id, a successful login's write waits up to this long
 * (a few verifications) for the writes of the logins after it; they queue anyway, so the hold
 * costs no throughput and buys a shared commit (docs/decisions/0012-login-group-commit.md).
 */
const SUCCESS_HOLD_MS = 25;

/** The login's shared parts, made once per app: the turns at Argon2id and the batched success writes. */
export function createLogInDeps(deps: TDataDeps): TLogInDeps {
  const threads = threadPoolSize();
  // One turn per thread of the pool, and one more: that verification waits in libuv's own queue,
  // so a thread that finishes a hash starts the next at once instead of waiting for the event
  // loop, which may be busy (with an embedded-database query, say). docs/decisions/0012.
  const turns = threads + 1;
  const loginTurns: TLoginTurns = new LoginAdmission(turns, (portalId, usernames) => findLoginContexts(deps.db, portalId, usernames), {
    retryAlone: (error) => !isDatabaseUnavailable(error),
  });
  const loginSuccesses = new GroupCommit((successes: readonly TLoginSuccess[]) => recordLoginSuccesses(deps.db, successes), {
    holdMs: SUCCESS_HOLD_MS,
    // The logins verifying now and those in the next round.
    maxBatch: 2 * threads,
    // With nobody queueing, a held write would only wait, and could leave a turn idle.
    worthHolding: () => loginTurns.queued,
    retryAlone: (error) => !isDatabaseUnavailable(error),
  });
  return { ...deps, loginTurns, loginSuccesses };
}

export interface TLogInInput extends TAuditContext {
  portalId: string;
  username: string;
  password: string;
  userAgent?: string | undefined;
  /** The session the browser had before, if any: ended so the new one is a fresh token. */
  previousTokenHash?: string | undefined;
}

export interface TLogInResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  mustChangePassword: boolean;
  user: TUserProfile;
  portal: TPortal;
}

export async function logIn(deps: TLogInDeps, input: TLogInInput): Promise<TLogInResult> {
  if (!isPortalId(input.portalId)) throw new AppError('portal.not_found');
  const { portal, candidate, now, passwordOk, withTemporaryPassword } = await verifyInTurn(deps, input.portalId, input);

  if (!candidate) return refuseUnknownName(deps, { portal, input, now });
  // A live temporary password opens the account even while it is locked (ID-7): the lock stays
  // until the reset is completed, and the password remembered (or guessed) stays refused.
  if (candidate.lockedUntil && candidate.lockedUntil > now && !withTemporaryPassword) {
    await recordAudit(deps.db, refusal({ portal, input, now }, { action: 'login.refused_locked', userId: candidate.id, label: candidate.username }));
    throw lockedError(portal);
  }
  if (!passwordOk && !withTemporaryPassword) return refuseWrongPassword(deps, { portal, input, now, candidate });
  if (candidate.status === 'disabled') {
    await recordAudit(deps.db, refusal({ portal, input, now }, { action: 'login.refused_disabled', userId: candidate.id, label: candidate.username }));
    throw new AppError('auth.disabled', { message: portal.texts.disabled });
  }
  if (candidate.status !== 'active') {
    // A registration not yet confirmed (ID-5) answers like a wrong password and counts nothing.
    await recordAudit(deps.db, {
      ...refusal({ portal, input, now }, { action: 'login.failure', userId: candidate.id, label: candidate.username }),
      details: { reason: candidate.status },
    });
    throw invalidError(portal);
  }
  const session = prepareSession({
    userId: candidate.id,
    portalId: portal.id,
    policy: portal.policy,
    now,
    ipAddress: input.ipAddress,
    userAgent: input.userAgent,
    mustChangePassword: withTemporaryPassword,
  });
  const started = await deps.loginSuccesses.write({
    now,
    previousTokenHash: input.previousTokenHash,
    session: session.row,
    username: candidate.username,
    requestId: input.requestId,
  });
  if (!started) {
    // Locked (or disabled, or the temporary password used) by a parallel request since the read.
    await recordAudit(deps.db, refusal({ portal, input, now }, { action: 'login.refused_locked', userId: candidate.id, label: candidate.username }));
    throw lockedError(portal);
  }
  return {
    token: session.token,
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    mustChangePassword: withTemporaryPassword,
    user: { ...candidate.profile, lastLoginAt: now },
    portal,
  };
}

/** The login's context and its Argon2id verification, in the login's turn (login-admission.ts). */
async function verifyInTurn(deps: TLogInDeps, portalId: TPortalId, input: TLogInInput) {
  const turn = await deps.loginTurns.enter(portalId, input.username);
  try {
    if (!turn.context) throw new AppError('portal.not_found');
    const { portal, candidate } = turn.context;
    const now = deps.clock.now();
    // Always exactly one Argon2id verification, against a dummy hash for unknown names, whether
    // or not a temporary password is live (its check is an HMAC): every failure costs the same.
    const passwordOk = await verifyPassword(candidate?.passwordHash, input.password);
    const withTemporaryPassword =
      !passwordOk && candidate !== undefined && (await matchesTemporaryPassword(deps, { candidate, password: input.password, now }));
    return { portal, candidate, now, passwordOk, withTemporaryPassword };
  } finally {
    turn.release();
  }
}

/** Checked only after the real password failed: a reset never locks anyone out of the password they remember. */
async function matchesTemporaryPassword(
  deps: TDataDeps,
  { candidate, password, now }: { candidate: TLoginCandidate; password: string; now: Date },
): Promise<boolean> {
  if (!candidate.tempPasswordExpiresAt || candidate.tempPasswordExpiresAt <= now) return false;
  return verifyTemporaryPassword(deps.db, candidate.tempPasswordHash, password);
}

/** One login attempt, as the refusal helpers below see it. */
interface TAttempt {
  portal: TPortal;
  input: TLogInInput;
  now: Date;
}

async function refuseWrongPassword(deps: TDataDeps, attempt: TAttempt & { candidate: TLoginCandidate }): Promise<never> {
  const { portal, now, candidate } = attempt;
  const outcome = await deps.db.transaction(async (tx) => {
    const counted = await countUserFailure(tx, candidate.id, failureInput(portal, now));
    await recordFailureEvents(tx, attempt, { outcome: counted, userId: candidate.id, reason: 'wrong_password' });
    return counted;
  });
  throw failureError(portal, outcome);
}

async function refuseUnknownName(deps: TDataDeps, attempt: TAttempt): Promise<never> {
  const { portal, input, now } = attempt;
  const outcome = await deps.db.transaction(async (tx) => {
    const counted = await countUnknownFailure(tx, { portalId: portal.id, username: input.username, failure: failureInput(portal, now) });
    await recordFailureEvents(tx, attempt, { outcome: counted, userId: null, reason: 'unknown_user' });
    return counted;
  });
  throw failureError(portal, outcome);
}

async function recordFailureEvents(
  tx: TDbOrTx,
  attempt: TAttempt,
  { outcome, userId, reason }: { outcome: TFailureOutcome | undefined; userId: string | null; reason: 'wrong_password' | 'unknown_user' },
): Promise<void> {
  const { input } = attempt;
  if (!outcome) {
    await recordAudit(tx, refusal(attempt, { action: 'login.refused_locked', userId, label: input.username }));
    return;
  }
  await recordAudit(tx, {
    ...refusal(attempt, { action: 'login.failure', userId, label: input.username }),
    details: { reason, failedAttempts: outcome.failedAttempts },
  });
  if (outcome.lockedUntil) {
    await recordAudit(tx, {
      ...refusal(attempt, { action: 'account.locked', userId, label: input.username }),
      details: { reason, lockedUntil: outcome.lockedUntil.toISOString() },
    });
  }
}

function failureInput(portal: TPortal, now: Date) {
  return { now, threshold: portal.policy.lockoutThreshold, lockUntil: addMinutes(now, portal.policy.lockoutMinutes) };
}

function failureError(portal: TPortal, outcome: TFailureOutcome | undefined): AppError {
  return !outcome || outcome.lockedUntil ? lockedError(portal) : invalidError(portal);
}

function lockedError(portal: TPortal): AppError {
  return new AppError('auth.locked', { message: portal.texts.locked });
}

function invalidError(portal: TPortal): AppError {
  return new AppError('auth.invalid_credentials', { message: portal.texts.invalidCredentials });
}

function refusal(
  { portal, input: ctx, now }: { portal: TPortal; input: TAuditContext; now: Date },
  {
    action,
    userId,
    label,
  }: { action: 'login.failure' | 'login.refused_locked' | 'login.refused_disabled' | 'account.locked'; userId: string | null; label: string },
) {
  return {
    action,
    occurredAt: now,
    portalId: portal.id,
    target: { id: userId, label },
    ipAddress: ctx.ipAddress,
    requestId: ctx.requestId,
  };
}
