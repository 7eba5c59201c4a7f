import { useId } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/routes.ts';
import { ProducerServicesTable } from '../help/ProducerServicesTable.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { ExistingTicketsTable } from './ExistingTicketsTable.tsx';

/** SR-1/SR-4: the producers portal's Producer Services: ask for help, follow open tickets, or call. */
export function ServicesHomePage() {
  const directoryId = useId();
  return (
    <SignedInPage portalId="producers" title="Producer Services">
      {() => (
        <>
          <Breadcrumbs trail={[{ label: 'Home', to: paths.home('producers') }]} current="Producer Services" />
          <PageHeading>Producer Services</PageHeading>
          <p className="lead">Ask Producer Services for a change to your account or business, and follow your open requests.</p>
          <p className="services-request-line">
            <Link to={paths.requestAssistance()} className="button button-primary">
              Request Assistance
            </Link>
          </p>
          <ExistingTicketsTable />
          <section aria-labelledby={directoryId}>
            <h2 id={directoryId}>Call Producer Services</h2>
            <p>Call toll free at the number for your state and line of business:</p>
            <ProducerServicesTable />
          </section>
        </>
      )}
    </SignedInPage>
  );
}
