import { eq, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { portals, sessions, users, type TUserStatus } from '../../db/schema/index.ts';
import type { TPortalId, TPortalPolicy, TRole } from '../../../shared/portals.ts';

export type TSessionRow = typeof sessions.$inferInsert;

export type TNewSession = Required<Omit<TSessionRow, 'ipAddress' | 'userAgent'>> & { ipAddress: string | null; userAgent: string | null };

export interface TSessionWithUser {
  tokenHash: string;
  csrfToken: string;
  mustChangePassword: boolean;
  portalId: TPortalId;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  policy: TPortalPolicy;
  user: { id: string; username: string; role: TRole; status: TUserStatus; producerId: number | null; groupId: number | null };
}

/** The session, its user and its portal's policy in one round trip: this runs on every request. */
export async function findSessionWithUser(db: TDbOrTx, tokenHash: string): Promise<TSessionWithUser | undefined> {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      csrfToken: sessions.csrfToken,
      mustChangePassword: sessions.mustChangePassword,
      portalId: sessions.portalId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      idleExpiresAt: sessions.idleExpiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      policy: portals.policy,
      userId: users.id,
      username: users.username,
      role: users.role,
      status: users.status,
      producerId: users.producerId,
      groupId: users.groupId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(portals, eq(portals.id, sessions.portalId))
    .where(eq(sessions.tokenHash, tokenHash))
    .limit(1);
  if (!row) return undefined;
  const { userId, username, role, status, producerId, groupId, ...session } = row;
  return {
    ...session,
    portalId: session.portalId as TPortalId,
    user: { id: userId, username, role: role as TRole, status, producerId, groupId },
  };
}

export async function touchSession(db: TDbOrTx, { tokenHash, now, idleExpiresAt }: { tokenHash: string; now: Date; idleExpiresAt: Date }): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, idleExpiresAt }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSession(db: TDbOrTx, tokenHash: string): Promise<boolean> {
  const deleted = await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).returning({ t: sessions.tokenHash });
  return deleted.length > 0;
}

/** Housekeeping: sessions past either timeout. */
export async function deleteExpiredSessions(db: TDbOrTx, now: Date): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(sql`${sessions.idleExpiresAt} <= ${now.toISOString()}::timestamptz or ${sessions.absoluteExpiresAt} <= ${now.toISOString()}::timestamptz`)
    .returning({ t: sessions.tokenHash });
  return deleted.length;
}
