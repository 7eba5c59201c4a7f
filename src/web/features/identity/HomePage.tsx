import type { TPortalId } from '../../../shared/portals.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { EmployerCoverage } from '../book/EmployerCoverage.tsx';
import { RetailWelcome } from '../book/RetailWelcome.tsx';
import { ProducerDashboard } from '../producer-services/ProducerDashboard.tsx';
import { AccountSummary } from './AccountSummary.tsx';
import { PortalWelcome } from './PortalWelcome.tsx';
import { SignedInPage } from './SignedInPage.tsx';
import { ToolLinks } from './ToolLinks.tsx';

export function HomePage({ portalId }: { portalId: TPortalId }) {
  return (
    <SignedInPage portalId={portalId} title="Home">
      {(session) => (
        <>
          <PageHeading>Welcome, {session.user.displayName}</PageHeading>
          <AccountSummary portalId={portalId} user={session.user} />
          {/* SR-1: producers get their dashboard; retail producers their book (BK-1 … BK-4); employers their coverage. */}
          {portalId === 'producers' ? (
            <ProducerDashboard />
          ) : portalId === 'retail' ? (
            <RetailWelcome portalName={session.portal.name} />
          ) : portalId === 'employers' ? (
            <EmployerCoverage />
          ) : (
            <PortalWelcome portalName={session.portal.name} />
          )}
          <ToolLinks portalId={portalId} role={session.user.role} />
        </>
      )}
    </SignedInPage>
  );
}
