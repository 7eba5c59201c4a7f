import type { ReactNode } from 'react';
import type { TPortalId } from '../../../shared/portals.ts';
import { PublicLayout } from '../../app/PublicLayout.tsx';
import { Link } from 'react-router';
import { paths } from '../../app/routes.ts';
import { usePortal } from '../../portals/portal-directory.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { ProducerServicesHelp } from '../help/ProducerServicesTable.tsx';

interface TSelfServiceLayoutProps {
  portalId: TPortalId;
  title: string;
  /** Forgot User Name? and Reset Password? end with the Producer Services numbers (seed 003). */
  withAssistance?: boolean;
  children: ReactNode;
}

/** The frame of the pages a person uses before they can log in: portal name, title, way back. */
export function SelfServiceLayout({ portalId, title, withAssistance, children }: TSelfServiceLayoutProps) {
  const portal = usePortal(portalId);
  useDocumentTitle(title, portal.name);
  return (
    <PublicLayout wide={withAssistance}>
      <p className="eyebrow">{portal.name}</p>
      <PageHeading>{title}</PageHeading>
      <div className="self-service-body">{children}</div>
      <p className="back-link">
        <Link to={paths.login(portalId)}>Back to the {portal.name} login page</Link>
      </p>
      {withAssistance ? <ProducerServicesHelp /> : null}
    </PublicLayout>
  );
}
