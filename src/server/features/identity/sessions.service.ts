// Server-side sessions (ID-10): a random 256-bit token in the cookie, only its hash stored,
// an idle and an absolute timeout from the portal's policy.
import { createHash, randomBytes } from 'node:crypto';
import type { TDb, TDbOrTx } from '../../db/client.ts';
import { recordAudit, type TAuditContext } from '../../platform/audit.ts';
import { addMinutes, type TClock } from '../../platform/clock.ts';
import type { TAuthenticatedSession, TSessionLookup } from '../../platform/session.ts';
import type { TPortalId, TPortalPolicy } from '../../../shared/portals.ts';
import { deleteExpiredSessions, deleteSession, findSessionWithUser, touchSession, type TNewSession } from './sessions.store.ts';

/** Sliding the idle deadline costs a write; once a minute is precise enough for a 20-minute timeout. */
const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface TStartSessionInput {
  userId: string;
  portalId: TPortalId;
  policy: TPortalPolicy;
  now: Date;
  ipAddress?: string | undefined;
  userAgent?: string | undefined;
  /** Opened with a temporary password (ID-7): only Change Password works. */
  mustChangePassword?: boolean;
}

export interface TPreparedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  row: TNewSession;
}

/** A new session's secrets and row; the caller stores the row (alone or within the login statement). */
export function prepareSession(input: TStartSessionInput): TPreparedSession {
  const token = newToken();
  const csrfToken = newToken();
  const absoluteExpiresAt = addMinutes(input.now, input.policy.sessionAbsoluteMinutes);
  const row: TNewSession = {
    tokenHash: hashToken(token),
    userId: input.userId,
    portalId: input.portalId,
    csrfToken,
    createdAt: input.now,
    lastSeenAt: input.now,
    idleExpiresAt: earliest(addMinutes(input.now, input.policy.sessionIdleMinutes), absoluteExpiresAt),
    absoluteExpiresAt,
    ipAddress: input.ipAddress?.slice(0, 64) ?? null,
    userAgent: input.userAgent?.slice(0, 512) ?? null,
    mustChangePassword: input.mustChangePassword ?? false,
  };
  return { token, csrfToken, expiresAt: absoluteExpiresAt, row };
}

/**
 * Resolves a cookie token to a live session. Expired sessions and sessions of users who are no
 * longer active are deleted on sight, so a disabled user's next request fails.
 */
export async function resolveSession(db: TDbOrTx, clock: TClock, token: string | undefined): Promise<TSessionLookup> {
  if (!token || token.length > 128) return { kind: 'none' };
  const tokenHash = hashToken(token);
  const found = await findSessionWithUser(db, tokenHash);
  if (!found) return { kind: 'none' };
  const now = clock.now();
  if (found.user.status !== 'active') {
    await deleteSession(db, tokenHash);
    return { kind: 'none' };
  }
  if (now >= found.idleExpiresAt || now >= found.absoluteExpiresAt) {
    await deleteSession(db, tokenHash);
    return { kind: 'expired' };
  }
  if (now.getTime() - found.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db, { tokenHash, now, idleExpiresAt: earliest(addMinutes(now, found.policy.sessionIdleMinutes), found.absoluteExpiresAt) });
  }
  const { user } = found;
  return {
    kind: 'valid',
    session: {
      tokenHash,
      csrfToken: found.csrfToken,
      portalId: found.portalId,
      mustChangePassword: found.mustChangePassword,
      user: { id: user.id, username: user.username, role: user.role, producerId: user.producerId, groupId: user.groupId },
    },
  };
}

function earliest(a: Date, b: Date): Date {
  return a <= b ? a : b;
}

export interface TEndSessionInput extends TAuditContext {
  session: TAuthenticatedSession;
  now: Date;
}

/** Logout ends the session on the server, not just in the browser. */
export async function endSession(db: TDb, input: TEndSessionInput): Promise<void> {
  await db.transaction(async (tx) => {
    await deleteSession(tx, input.session.tokenHash);
    const who = { id: input.session.user.id, label: input.session.user.username };
    await recordAudit(tx, {
      action: 'logout',
      occurredAt: input.now,
      portalId: input.session.portalId,
      actor: who,
      target: who,
      ipAddress: input.ipAddress,
      requestId: input.requestId,
    });
  });
}

/** Housekeeping for the daily job: sessions past either timeout. */
export function purgeExpiredSessions(db: TDbOrTx, now: Date): Promise<number> {
  return deleteExpiredSessions(db, now);
}
