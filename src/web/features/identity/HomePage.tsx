import { useState } from 'react';
import type { TPortalId } from '../../../shared/portals.ts';
import { isApiError } from '../../api.ts';
import { AppShell } from '../../app/AppShell.tsx';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { usePortal } from '../../portals/portal-directory.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { AccountSummary } from './AccountSummary.tsx';
import { logOut } from './identity-api.ts';
import { PortalWelcome } from './PortalWelcome.tsx';
import { useSessionStore } from './session-context.tsx';
import { useRequiredSession } from './useRequiredSession.ts';

export const LOGGED_OUT_NOTICE = 'You have been logged out.';

export function HomePage({ portalId }: { portalId: TPortalId }) {
  const portal = usePortal(portalId);
  const { session, error } = useRequiredSession(portalId);
  const { setSession } = useSessionStore();
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  useDocumentTitle('Home', session?.portal.name ?? portal.name);

  if (!session) {
    return (
      <PublicLayout>
        {error ? (
          <>
            <PageHeading>{portal.name}</PageHeading>
            <ErrorAlert>{error}</ErrorAlert>
            <p>
              <Link to={paths.login(portalId)}>Go to the login page</Link>
            </p>
          </>
        ) : (
          <p role="status" className="loading">
            Loading your account…
          </p>
        )}
      </PublicLayout>
    );
  }

  const logout = async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await logOut(session.csrfToken);
      // Leave the page before forgetting the session, or this page would look it up again.
      navigate(paths.login(portalId), { state: { notice: LOGGED_OUT_NOTICE } });
      setSession(null);
    } catch (failure) {
      setLogoutError(isApiError(failure) ? failure.message : 'You could not be logged out. Please try again.');
      setLoggingOut(false);
    }
  };

  return (
    <AppShell
      portalId={portalId}
      portalName={session.portal.name}
      userName={session.user.displayName}
      onLogout={() => void logout()}
      loggingOut={loggingOut}
    >
      {logoutError ? <ErrorAlert>{logoutError}</ErrorAlert> : null}
      <PageHeading>Welcome, {session.user.displayName}</PageHeading>
      <AccountSummary portalId={portalId} user={session.user} />
      <PortalWelcome portalId={portalId} portalName={session.portal.name} />
    </AppShell>
  );
}
