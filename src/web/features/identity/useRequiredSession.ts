import { useEffect, useState } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { isApiError } from '../../api.ts';
import { navigate } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { fetchSession } from './identity-api.ts';
import { useSessionStore } from './session-context.tsx';

interface TRequiredSession {
  session: TSessionResponse | null;
  /** Set when the session could not be checked (server down), as opposed to "not logged in". */
  error: string | null;
}

/**
 * The session of this portal, for pages behind sign-in. Without one — none at all, or a
 * session of another portal — the user is sent to this portal's login page.
 */
export function useRequiredSession(portalId: TPortalId): TRequiredSession {
  const { session, setSession } = useSessionStore();
  const [error, setError] = useState<string | null>(null);
  const current = session?.portal.id === portalId ? session : null;

  useEffect(() => {
    if (current) return;
    let cancelled = false;
    fetchSession().then(
      (found) => {
        if (cancelled) return;
        if (found?.portal.id === portalId) setSession(found);
        else navigate(paths.login(portalId), { replace: true });
      },
      (failure: unknown) => {
        if (!cancelled) setError(isApiError(failure) ? failure.message : 'Something went wrong. Please try again.');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [current, portalId, setSession]);

  return { session: current, error };
}
