import type { TPortalId } from '../../shared/portals.ts';
import { PublicLayout } from '../app/PublicLayout.tsx';
import { Link } from 'react-router';
import { paths } from '../app/routes.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useDocumentTitle } from '../ui/useDocumentTitle.ts';
import { usePortals } from './portal-directory.ts';

const AUDIENCES: Record<TPortalId, string> = {
  producers: 'Group producers and their staff',
  employers: 'Employer group administrators and staff',
  retail: 'Individual and Medicare producers',
  staff: 'Carrier help desk, producer services and security staff',
};

export function LandingPage() {
  const portals = usePortals();
  useDocumentTitle();
  return (
    <PublicLayout>
      <PageHeading>Portico</PageHeading>
      <p className="lead">Portico is the health insurer&rsquo;s portal platform for producers, employer groups and carrier staff.</p>
      <h2>Choose your portal</h2>
      <ul className="portal-list">
        {portals.map((portal) => (
          <li key={portal.id} className="portal-card">
            <Link to={paths.login(portal.id)} className="portal-link">
              {portal.name}
            </Link>
            <p className="portal-audience">{AUDIENCES[portal.id]}</p>
          </li>
        ))}
      </ul>
      <h2>Need help?</h2>
      <p>
        Producers can call Producer Services for help with their accounts and business: <Link to={paths.producerServices()}>Contact Producer Services</Link>
      </p>
    </PublicLayout>
  );
}
