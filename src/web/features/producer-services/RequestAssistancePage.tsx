import { Link } from 'react-router';
import { REQUEST_TYPES, type TRequestTypeId } from '../../../shared/service-request-types.ts';
import { paths } from '../../app/routes.ts';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';

/** Where an option leads: a request form, or (password, challenge question) the profile's own section (ID-8, ID-9). */
function destinationOf(type: TRequestTypeId): string {
  if (type === 'password') return `${paths.profile('producers')}#change-password`;
  if (type === 'challenge-question') return `${paths.profile('producers')}#challenge-question`;
  return paths.requestForm(type);
}

/** SR-2: the seed's list of request types, verbatim and in its order. */
export function RequestAssistancePage() {
  return (
    <SignedInPage portalId="producers" title="Request Assistance">
      {() => (
        <>
          <Breadcrumbs trail={[{ label: 'Home', to: paths.home('producers') }]} current="Request Assistance" />
          <PageHeading>Request Assistance</PageHeading>
          <p>You can submit your request by selecting from the list of options below.</p>
          <ul className="request-options">
            {REQUEST_TYPES.map((type) => (
              <li key={type.id} className="request-option">
                <Link to={destinationOf(type.id)}>{type.label}</Link>
              </li>
            ))}
          </ul>
          <p className="back-link">
            <Link to={paths.servicesHome()}>Back to Producer Services</Link>
          </p>
        </>
      )}
    </SignedInPage>
  );
}
