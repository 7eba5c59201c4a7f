// Who is signed in: a domain type, so services may take it without importing the HTTP layer.
// The auth guard (platform/http/auth-guard.ts) resolves it per request and re-exports it.
import type { TPortalId, TRole } from '../../shared/portals.ts';

export interface TAuthenticatedSession {
  tokenHash: string;
  csrfToken: string;
  portalId: TPortalId;
  /** Opened with a temporary password: only routes with `duringPasswordChange` are allowed. */
  mustChangePassword: boolean;
  /** producerId / groupId: the tenant the authorization policy scopes administrators to. */
  user: { id: string; username: string; role: TRole; producerId: number | null; groupId: number | null };
}

export type TSessionLookup = { kind: 'valid'; session: TAuthenticatedSession } | { kind: 'expired' } | { kind: 'none' };

/** The signed-in user as the policy and the audit rows see them. */
export interface TSessionActor {
  id: string;
  username: string;
  portalId: TPortalId;
  role: TRole;
  producerId: number | null;
  groupId: number | null;
}

/** Who asks: the actor, with the request's address and id for the audit rows. */
export interface TCaller {
  actor: TSessionActor;
  ipAddress?: string;
  requestId?: string;
}

export function actorOfSession(session: TAuthenticatedSession): TSessionActor {
  const { user } = session;
  return { id: user.id, username: user.username, role: user.role, portalId: session.portalId, producerId: user.producerId, groupId: user.groupId };
}
