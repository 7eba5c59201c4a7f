// Edit Profile (ID-8, ID-9): the password and the challenge question of the logged-in user.
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit, type TAuditContext } from '../../platform/audit.ts';
import { addMinutes } from '../../platform/clock.ts';
import type { TAuthenticatedSession } from '../../platform/session.ts';
import { enqueueEmail } from '../../platform/outbox/enqueue.ts';
import { assertPasswordAllowed } from '../../platform/password-policy.ts';
import { hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { PASSWORD_PROFILES } from '../../../shared/password-profiles.ts';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TChallengeQuestionRequest, TChangePasswordRequest, TProfileResponse } from '../../../shared/self-service-schemas.ts';
import { getPortal } from '../portals/portals.service.ts';
import { passwordChangedEmail } from './emails.ts';
import { toSessionUser } from './identity.presenter.ts';
import { countUserFailure, findUserProfile } from './identity.store.ts';
import { endAllSessions, findPasswordState, replacePassword, setChallengeQuestion } from './self-service.store.ts';
import { verifyTemporaryPassword } from './temporary-password.ts';

/** GET /api/session: the signed-in user as the SPA shows it; a user gone since sign-in is signed out. */
export async function describeSession(deps: TDataDeps, session: TAuthenticatedSession): Promise<TSessionResponse> {
  const [user, portal] = await Promise.all([findUserProfile(deps.db, session.user.id), getPortal(deps.db, session.portalId)]);
  if (!user) throw new AppError('auth.unauthenticated');
  return {
    user: toSessionUser(user),
    portal: { id: portal.id, name: portal.name },
    csrfToken: session.csrfToken,
    mustChangePassword: session.mustChangePassword,
  };
}

export async function getProfile(deps: TDataDeps, session: TAuthenticatedSession): Promise<TProfileResponse> {
  const [user, state, portal] = await Promise.all([
    findUserProfile(deps.db, session.user.id),
    findPasswordState(deps.db, session.user.id),
    getPortal(deps.db, session.portalId),
  ]);
  if (!user || !state) throw new AppError('auth.unauthenticated');
  const profile = PASSWORD_PROFILES[portal.policy.passwordProfile];
  return {
    username: user.username,
    displayName: `${user.firstName} ${user.lastName}`.trim() || user.username,
    email: user.email,
    portal: { id: portal.id, name: portal.name },
    passwordProfile: { id: profile.id, description: profile.description },
    challengeQuestion: state.challengeQuestion,
    mustChangePassword: session.mustChangePassword,
  };
}

export interface TChangePasswordInput extends TAuditContext, TChangePasswordRequest {
  session: TAuthenticatedSession;
}

/**
 * ID-8: the current password proves the user; the new one must meet the profile; every session
 * ends and an e-mail says so. Wrong current passwords count towards the lockout like wrong logins,
 * and a lock ends the sessions.
 *
 * In a session opened with a temporary password (ID-7) the Current Password is that temporary
 * password, as its e-mail says, and nothing else: the session may have been opened while the
 * account was locked, so a typing mistake must not end it, and it must not become a way to test
 * guesses at the real password. Completing the change lifts the lockout.
 */
export async function changePassword(deps: TDataDeps, input: TChangePasswordInput): Promise<void> {
  const { session } = input;
  const [state, portal] = await Promise.all([findPasswordState(deps.db, session.user.id), getPortal(deps.db, session.portalId)]);
  if (!state) throw new AppError('auth.unauthenticated');
  const now = deps.clock.now();
  const who = { id: state.id, label: state.username };
  const audit = { occurredAt: now, portalId: portal.id, actor: who, target: who, ipAddress: input.ipAddress, requestId: input.requestId };
  if (session.mustChangePassword) {
    if (!(await verifyTemporaryPassword(deps.db, state.tempPasswordHash, input.currentPassword))) {
      await recordAudit(deps.db, { ...audit, action: 'password.change_failed', details: { temporaryPassword: true } });
      throw currentWrong();
    }
  } else if (!(await verifyPassword(state.passwordHash, input.currentPassword))) {
    const locked = await deps.db.transaction(async (tx) => {
      const outcome = await countUserFailure(tx, state.id, {
        now,
        threshold: portal.policy.lockoutThreshold,
        lockUntil: addMinutes(now, portal.policy.lockoutMinutes),
      });
      await recordAudit(tx, { ...audit, action: 'password.change_failed', details: { failedAttempts: outcome?.failedAttempts ?? null } });
      if (outcome?.lockedUntil) await recordAudit(tx, { ...audit, action: 'account.locked', details: { reason: 'wrong_current_password' } });
      const locked = !outcome || !!outcome.lockedUntil;
      if (locked) await endAllSessions(tx, state.id); // locked now or already: no session outlives the lock
      return locked;
    });
    if (locked) throw new AppError('auth.locked', { message: portal.texts.locked });
    throw currentWrong();
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('password.same_as_current', {
      fields: [{ field: 'newPassword', message: 'The New Password must be different from the Current Password.' }],
    });
  }
  assertPasswordAllowed({ profile: portal.policy.passwordProfile, password: input.newPassword, username: state.username, field: 'newPassword' });
  const hash = await hashPassword(input.newPassword);
  const liftedLock = state.lockedUntil !== null && state.lockedUntil > now;
  await deps.db.transaction(async (tx) => {
    await replacePassword(tx, { userId: state.id, hash, now });
    if (state.email) await enqueueEmail(tx, passwordChangedEmail(portal, { to: state.email, username: state.username, when: now }), now);
    await recordAudit(tx, { ...audit, action: 'password.changed', details: { fromTemporaryPassword: session.mustChangePassword } });
    if (liftedLock)
      await recordAudit(tx, {
        ...audit,
        action: 'account.unlocked',
        details: { reason: 'password_changed', fromTemporaryPassword: session.mustChangePassword },
      });
  });
}

function currentWrong(): AppError {
  return new AppError('password.current_wrong', { fields: [{ field: 'currentPassword', message: 'The Current Password is not correct.' }] });
}

/** Answers compare case- and space-insensitively (ID-9), so "Main  Street" matches "mainstreet". */
export function normalizeChallengeAnswer(answer: string): string {
  return answer.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export async function updateChallengeQuestion(
  deps: TDataDeps,
  input: TAuditContext & TChallengeQuestionRequest & { session: TAuthenticatedSession },
): Promise<void> {
  const answerHash = await hashPassword(normalizeChallengeAnswer(input.answer));
  const now = deps.clock.now();
  const who = { id: input.session.user.id, label: input.session.user.username };
  await deps.db.transaction(async (tx) => {
    await setChallengeQuestion(tx, { userId: input.session.user.id, question: input.question, answerHash });
    await recordAudit(tx, {
      action: 'challenge_question.updated',
      occurredAt: now,
      portalId: input.session.portalId,
      actor: who,
      target: who,
      ipAddress: input.ipAddress,
      requestId: input.requestId,
    });
  });
}

/** For a help-desk agent verifying a caller (ID-9). */
export async function verifyChallengeAnswer(deps: TDataDeps, userId: string, answer: string): Promise<boolean> {
  const state = await findPasswordState(deps.db, userId);
  return !!state?.challengeAnswerHash && verifyPassword(state.challengeAnswerHash, normalizeChallengeAnswer(answer));
}
