import { useQuery } from '@tanstack/react-query';
import type { TClientDetail } from '../../../shared/book-schemas.ts';
import { APPLICATION_STATUS_LABELS, LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { formatUsPhone } from '../../../shared/request-fields.ts';
import { paths } from '../../app/routes.ts';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDay } from '../../ui/format.ts';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { bookKeys, fetchClient } from './book-api.ts';
import { useBookSource } from './book-source.ts';
import { PolicyCard } from './PolicyCard.tsx';
import { useChooseStateFirst } from './useChooseStateFirst.ts';

type TApplication = TClientDetail['applications'][number];

const day = (value: string | null) => (value ? formatDay(value) : '—');

/** A client's page (BK-2 … BK-4): their policies with payment status and history, and applications with status history. */
export function ClientPage({ clientId }: { clientId: string }) {
  const client = useQuery({ queryKey: bookKeys.client(clientId), queryFn: () => fetchClient(clientId) });
  const choosing = useChooseStateFirst(client.error);
  const data = client.data;
  return (
    <SignedInPage portalId="retail" title={data ? `${data.firstName} ${data.lastName}` : 'Client'}>
      {() => (
        <>
          <Breadcrumbs
            trail={[
              { label: 'Home', to: paths.home('retail') },
              { label: 'Client Search', to: paths.bookClients() },
            ]}
            current={data ? `${data.lastName}, ${data.firstName}` : clientId}
          />
          {data ? (
            <ClientDetail client={data} />
          ) : client.error ? (
            choosing ? null : (
              <>
                <PageHeading>Client</PageHeading>
                <ErrorAlert>{client.error.message}</ErrorAlert>
              </>
            )
          ) : (
            <p role="status" className="loading">
              Loading the client…
            </p>
          )}
        </>
      )}
    </SignedInPage>
  );
}

/** A client's facts, policies and applications, as far as they are in the page's book (book-source.ts). */
export function ClientDetail({ client }: { client: TClientDetail }) {
  const { own } = useBookSource();
  const whose = own ? 'with you' : 'with this producer';
  return (
    <>
      <PageHeading>
        {client.firstName} {client.lastName}
      </PageHeading>
      <dl className="profile-facts">
        <dt>Client ID</dt>
        <dd>{client.clientId}</dd>
        <dt>Date of Birth</dt>
        <dd>{day(client.dateOfBirth)}</dd>
        <dt>State</dt>
        <dd>{client.state ?? '—'}</dd>
        <dt>E-mail</dt>
        <dd>{client.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{client.phone ? formatUsPhone(client.phone) : '—'}</dd>
        <dt>ZIP</dt>
        <dd>{client.zip ?? '—'}</dd>
      </dl>
      <section aria-labelledby="policies-heading">
        <h2 id="policies-heading">Policies</h2>
        {client.policies.length === 0 ? (
          <p>No policies {whose} in this state.</p>
        ) : (
          client.policies.map((policy) => <PolicyCard key={policy.policyNumber} policy={policy} />)
        )}
      </section>
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">Applications</h2>
        {client.applications.length === 0 ? (
          <p>No applications {whose} in this state.</p>
        ) : (
          client.applications.map((application) => <Application key={application.applicationNumber} application={application} />)
        )}
      </section>
    </>
  );
}

function Application({ application }: { application: TApplication }) {
  const headingId = `application-${application.applicationNumber}`;
  return (
    <article className="panel book-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {LINE_OF_BUSINESS_LABELS[application.lineOfBusiness]}: {application.planName} ({application.applicationNumber})
      </h3>
      <dl className="profile-facts">
        <dt>Status</dt>
        <dd>
          {APPLICATION_STATUS_LABELS[application.status]} since {day(application.statusDate)}
        </dd>
        <dt>Submitted</dt>
        <dd>{day(application.submittedDate)}</dd>
        {application.policyNumber ? (
          <>
            <dt>Policy</dt>
            <dd>{application.policyNumber}</dd>
          </>
        ) : null}
      </dl>
      <h4>Status history</h4>
      <ol className="status-history">
        {application.history.map((step) => (
          <li key={`${step.status}-${step.statusDate}`}>
            {day(step.statusDate)}: {APPLICATION_STATUS_LABELS[step.status]}
          </li>
        ))}
      </ol>
    </article>
  );
}
