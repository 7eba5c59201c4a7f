import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { Link, useNavigate } from 'react-router';
import { REGISTRATION_PORTAL, hasSelfService, paths } from '../../app/routes.ts';
import { usePortal } from '../../portals/portal-directory.ts';
import { StatusMessage } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { LoginForm } from './LoginForm.tsx';
import { handOffSession } from './session-handoff.ts';
import { signedInDestination } from './signed-in-destination.ts';
import { useSignedOut } from './useSignedOut.ts';

interface TLoginPageProps {
  portalId: TPortalId;
  /** A signed-in page of this portal to continue to (already checked by the router). */
  next?: string | undefined;
  /** Carried from the previous page, e.g. "You have been logged out." */
  notice?: string | undefined;
}

interface THelpLink {
  label: string;
  to: string;
}

/** ID-1: Register (where self-registration is on), Forgot User Name?, Reset Password?, and BK-7's phone numbers. */
function helpLinksOf(portalId: TPortalId, selfRegistration: boolean): THelpLink[] {
  if (!hasSelfService(portalId)) return [];
  return [
    ...(selfRegistration && portalId === REGISTRATION_PORTAL ? [{ label: 'Register', to: paths.register(portalId) }] : []),
    { label: 'Forgot User Name?', to: paths.forgotUsername(portalId) },
    { label: 'Reset Password?', to: paths.resetPassword(portalId) },
    { label: 'Contact Producer Services', to: paths.producerServices() },
  ];
}

export function LoginPage({ portalId, next, notice }: TLoginPageProps) {
  const portal = usePortal(portalId);
  const navigate = useNavigate();
  const signedOut = useSignedOut(portalId, next);
  useDocumentTitle('Login', portal.name);

  const enter = (session: TSessionResponse) => {
    handOffSession(session);
    // Replace: the login is done, and Back would only come here to be sent on again.
    void navigate(signedInDestination(portalId, session, next), { replace: true });
  };

  const helpLinks = helpLinksOf(portalId, portal.selfRegistration);

  return (
    <PublicLayout>
      <PageHeading>{portal.name}</PageHeading>
      {notice ? <StatusMessage>{notice}</StatusMessage> : null}
      <section className="panel">
        {signedOut ? (
          <>
            <LoginForm portalId={portalId} onLoggedIn={enter} />
            {helpLinks.length > 0 ? (
              <ul className="help-links" aria-label="Account help">
                {helpLinks.map((link) => (
                  <li key={link.to}>
                    <Link to={link.to}>{link.label}</Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : (
          // Until the session is known: a signed-in user is sent on without a flash of the form.
          <p role="status" className="loading">
            Checking your sign-in…
          </p>
        )}
      </section>
    </PublicLayout>
  );
}
