import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TPortalId } from '../../../shared/portals.ts';
import { fetchSession } from './identity-api.ts';
import { handOffSession } from './session-handoff.ts';
import { sessionOfPortal, signedInDestination } from './signed-in-destination.ts';

/**
 * For a portal's root and login page: a user already signed in to this portal is sent on to
 * where they belong (home, `next`, or the Change Password step) and never sees the form.
 * True once the browser is known to have no session here, so the form can be shown.
 *
 * Asks the server each time: right after a logout a cache would still hold the session and
 * bounce the user straight back in. (No TanStack Query here: the login page stays small.)
 */
export function useSignedOut(portalId: TPortalId, next: string | undefined): boolean {
  const navigate = useNavigate();
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetchSession().then(
      (found) => {
        if (cancelled) return;
        const session = sessionOfPortal(found, portalId);
        if (!session) {
          setSignedOut(true);
          return;
        }
        handOffSession(session);
        // Replace: Back from where they land must not come back here and bounce again.
        void navigate(signedInDestination(portalId, session, next), { replace: true });
      },
      // The server cannot tell: show the form, whose login reports what is wrong.
      () => {
        if (!cancelled) setSignedOut(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [portalId, next, navigate]);

  return signedOut;
}
