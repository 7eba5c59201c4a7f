import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { isApiError } from '../../api.ts';
import { AppShell } from '../../app/AppShell.tsx';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { paths } from '../../app/routes.ts';
import { usePortal } from '../../portals/portal-directory.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { logOut } from './identity-api.ts';
import { forgetAccount } from './session-query.ts';
import { useRequiredSession } from './useRequiredSession.ts';

export const LOGGED_OUT_NOTICE = 'You have been logged out.';

interface TSignedInPageProps {
  portalId: TPortalId;
  title: string;
  /** See useRequiredSession: the profile page stays open while a temporary password must be changed. */
  duringPasswordChange?: boolean;
  children: (session: TSessionResponse) => ReactNode;
}

/** A page behind sign-in: waits for the session, then shows the portal's frame with the Account menu. */
export function SignedInPage({ portalId, title, duringPasswordChange, children }: TSignedInPageProps) {
  const portal = usePortal(portalId);
  const { session, error } = useRequiredSession(portalId, { duringPasswordChange });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  useDocumentTitle(title, session?.portal.name ?? portal.name);

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
      await logOut();
      // Leave the page before forgetting the session, or this page would send the user to log in and back.
      await navigate(paths.login(portalId), { state: { notice: LOGGED_OUT_NOTICE } });
      forgetAccount(queryClient);
    } catch (failure) {
      setLogoutError(isApiError(failure) ? failure.message : 'You could not be logged out. Please try again.');
      setLoggingOut(false);
    }
  };

  return (
    <AppShell
      portalId={portalId}
      portalName={session.portal.name}
      role={session.user.role}
      userName={session.user.displayName}
      onLogout={() => void logout()}
      loggingOut={loggingOut}
    >
      {logoutError ? <ErrorAlert>{logoutError}</ErrorAlert> : null}
      {children(session)}
    </AppShell>
  );
}
