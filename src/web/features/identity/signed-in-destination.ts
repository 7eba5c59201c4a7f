// Where a signed-in user belongs: one answer for the login itself, for a portal's root and
// login page opened while signed in, and for pages closed to a temporary password.
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { paths } from '../../app/routes.ts';

/** The session if it was opened in this portal: a session of another portal is no sign-in here (decision 0004). */
export function sessionOfPortal<TSession extends Pick<TSessionResponse, 'portal'>>(session: TSession | null, portalId: TPortalId): TSession | null {
  return session?.portal.id === portalId ? session : null;
}

/**
 * The page for a user signed in to `portalId`: with a temporary password the Change Password
 * step (the profile page) before anything else (ID-7); otherwise `next`, a signed-in page of
 * this portal already checked by safeNext, or the home page.
 */
export function signedInDestination(portalId: TPortalId, session: Pick<TSessionResponse, 'mustChangePassword'>, next?: string): string {
  if (session.mustChangePassword) return paths.profile(portalId);
  return next ?? paths.home(portalId);
}
