import { PublicLayout } from '../../app/PublicLayout.tsx';
import { Link } from 'react-router';
import { paths } from '../../app/routes.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useDocumentTitle } from '../../ui/useDocumentTitle.ts';
import { ProducerServicesTable } from './ProducerServicesTable.tsx';

/** BK-7 Producer Services directory, open to everyone. */
export function ProducerServicesPage() {
  useDocumentTitle('Contact Producer Services');
  return (
    <PublicLayout wide>
      <PageHeading>Contact Producer Services</PageHeading>
      <p className="lead">Producer Services answers questions about your account, applications, business and commissions.</p>
      <p>Call toll free at the number for your state and line of business:</p>
      <ProducerServicesTable />
      <p>
        <Link to={paths.landing()}>Go to the Portico home page</Link>
      </p>
    </PublicLayout>
  );
}
