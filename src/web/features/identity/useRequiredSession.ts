import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { isApiError } from '../../api.ts';
import { paths } from '../../app/routes.ts';
import { useSessionQuery } from './session-query.ts';
import { sessionOfPortal, signedInDestination } from './signed-in-destination.ts';

interface TRequiredSession {
  /** Null while it is being looked up, and while the page is being left for another. */
  session: TSessionResponse | null;
  /** Set when the session could not be checked (server down), as opposed to "not logged in". */
  error: string | null;
}

interface TRequiredSessionOptions {
  /** The profile page: the one page open to a user who must change a temporary password (ID-7). */
  duringPasswordChange?: boolean;
}

/**
 * The session of this portal, for pages behind sign-in. Without one — none at all, or a
 * session of another portal — the user is sent to this portal's login page, which brings
 * them back here (with the list state in the address) afterwards. A user with a temporary
 * password is sent to the profile page.
 */
export function useRequiredSession(portalId: TPortalId, options: TRequiredSessionOptions = {}): TRequiredSession {
  const query = useSessionQuery();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const current = sessionOfPortal(query.data ?? null, portalId);
  const signedOut = query.data !== undefined && current === null;
  const mustLeave = current !== null && current.mustChangePassword && !options.duringPasswordChange;
  const leaveFor = mustLeave
    ? signedInDestination(portalId, current)
    : signedOut
      ? paths.login(portalId, pathname === paths.home(portalId) ? undefined : pathname + search)
      : null;

  useEffect(() => {
    if (leaveFor) void navigate(leaveFor, { replace: true });
  }, [leaveFor, navigate]);

  const error = query.error ? (isApiError(query.error) ? query.error.message : 'Something went wrong. Please try again.') : null;
  return { session: mustLeave ? null : current, error };
}
