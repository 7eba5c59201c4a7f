import { useEffect, useState } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { isApiError } from '../../api.ts';
import { navigate, useLocation } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { fetchSession } from './identity-api.ts';
import { useSessionStore } from './session-context.tsx';
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
 * them back here afterwards. A user with a temporary password is sent to the profile page.
 */
export function useRequiredSession(portalId: TPortalId, options: TRequiredSessionOptions = {}): TRequiredSession {
  const { session, setSession } = useSessionStore();
  const { pathname } = useLocation();
  const [error, setError] = useState<string | null>(null);
  const current = sessionOfPortal(session, portalId);
  const mustLeave = current !== null && current.mustChangePassword && !options.duringPasswordChange;
  const leaveFor = mustLeave ? signedInDestination(portalId, current) : null;

  useEffect(() => {
    if (leaveFor) navigate(leaveFor, { replace: true });
  }, [leaveFor]);

  useEffect(() => {
    if (current) return;
    let cancelled = false;
    fetchSession().then(
      (found) => {
        if (cancelled) return;
        const ofPortal = sessionOfPortal(found, portalId);
        if (ofPortal) setSession(ofPortal);
        else navigate(paths.login(portalId, pathname === paths.home(portalId) ? undefined : pathname), { replace: true });
      },
      (failure: unknown) => {
        if (!cancelled) setError(isApiError(failure) ? failure.message : 'Something went wrong. Please try again.');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [current, portalId, pathname, setSession]);

  return { session: mustLeave ? null : current, error };
}
