import type { TPortalId } from '../../../shared/portals.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { Link } from '../../app/router.tsx';
import { COMING_SOON_PAGES, paths, type TComingSoonPage } from '../../app/routes.ts';
import { usePortal } from '../../portals/portal-directory.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';

/** Register, Forgot User Name? and Reset Password? until ID-5, ID-6 and ID-7 are built. */
export function ComingSoonPage({ portalId, page }: { portalId: TPortalId; page: TComingSoonPage }) {
  const portal = usePortal(portalId);
  const title = COMING_SOON_PAGES[page];
  useDocumentTitle(title, portal.name);
  return (
    <PublicLayout>
      <PageHeading>{title}</PageHeading>
      <p>This page is coming soon.</p>
      <p>
        <Link to={paths.login(portalId)}>Back to the {portal.name} login page</Link>
      </p>
    </PublicLayout>
  );
}
