import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { COMING_SOON_PAGES, hasHelpLinks, paths, type TComingSoonPage } from '../../app/routes.ts';
import { usePortal } from '../../portals/portal-directory.ts';
import { StatusMessage } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { LoginForm } from './LoginForm.tsx';
import { useSessionStore } from './session-context.tsx';

interface TLoginPageProps {
  portalId: TPortalId;
  /** Carried from the previous page, e.g. "You have been logged out." */
  notice?: string | undefined;
}

export function LoginPage({ portalId, notice }: TLoginPageProps) {
  const portal = usePortal(portalId);
  const { setSession } = useSessionStore();
  useDocumentTitle('Login', portal.name);

  const enter = (session: TSessionResponse) => {
    setSession(session);
    navigate(paths.home(portalId));
  };

  const helpPages: TComingSoonPage[] = hasHelpLinks(portalId)
    ? [...(portal.selfRegistration ? (['register'] as const) : []), 'forgot-username', 'reset-password']
    : [];

  return (
    <PublicLayout>
      <PageHeading>{portal.name}</PageHeading>
      {notice ? <StatusMessage>{notice}</StatusMessage> : null}
      <section className="panel">
        <LoginForm portalId={portalId} onLoggedIn={enter} />
        {helpPages.length > 0 ? (
          <ul className="help-links" aria-label="Account help">
            {helpPages.map((page) => (
              <li key={page}>
                <Link to={paths.comingSoon(portalId, page)}>{COMING_SOON_PAGES[page]}</Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </PublicLayout>
  );
}
