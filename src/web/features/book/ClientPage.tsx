import { useQuery } from '@tanstack/react-query';
import type { TClientDetail } from '../../../shared/book-schemas.ts';
import { APPLICATION_STATUS_LABELS, LINE_OF_BUSINESS_LABELS, PAYMENT_STATUS_LABELS, POLICY_STATUS_LABELS } from '../../../shared/book.ts';
import { formatCents, formatUsPhone } from '../../../shared/request-fields.ts';
import { paths } from '../../app/routes.ts';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { formatDay } from '../../ui/format.ts';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { bookKeys, fetchClient } from './book-api.ts';
import { useChooseStateFirst } from './useChooseStateFirst.ts';

type TPolicy = TClientDetail['policies'][number];
type TApplication = TClientDetail['applications'][number];

const day = (value: string | null) => (value ? formatDay(value) : '—');
/** Past due, in grace or terminated for non-payment stand out (BK-4). */
const needsAttention = (status: string | null) => status === 'past-due' || status === 'grace' || status === 'terminated-nonpayment';

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

function ClientDetail({ client }: { client: TClientDetail }) {
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
          <p>No policies with you in this state.</p>
        ) : (
          client.policies.map((policy) => <Policy key={policy.policyNumber} policy={policy} />)
        )}
      </section>
      <section aria-labelledby="applications-heading">
        <h2 id="applications-heading">Applications</h2>
        {client.applications.length === 0 ? (
          <p>No applications with you in this state.</p>
        ) : (
          client.applications.map((application) => <Application key={application.applicationNumber} application={application} />)
        )}
      </section>
    </>
  );
}

function Policy({ policy }: { policy: TPolicy }) {
  const headingId = `policy-${policy.policyNumber}`;
  return (
    <article className="panel book-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {LINE_OF_BUSINESS_LABELS[policy.lineOfBusiness]}: {policy.planName} ({policy.policyNumber})
      </h3>
      <dl className="profile-facts">
        <dt>Status</dt>
        <dd>{POLICY_STATUS_LABELS[policy.status]}</dd>
        <dt>Effective</dt>
        <dd>{day(policy.effectiveDate)}</dd>
        <dt>Renewal</dt>
        <dd>{day(policy.renewalDate)}</dd>
        {policy.terminationDate ? (
          <>
            <dt>Termination</dt>
            <dd>{day(policy.terminationDate)}</dd>
          </>
        ) : null}
        <dt>Monthly premium</dt>
        <dd>{formatCents(policy.monthlyPremiumCents)}</dd>
        <dt>Payment status</dt>
        <dd>
          {policy.paymentStatus ? (
            needsAttention(policy.paymentStatus) ? (
              <strong className="status status-disabled">{PAYMENT_STATUS_LABELS[policy.paymentStatus]}</strong>
            ) : (
              PAYMENT_STATUS_LABELS[policy.paymentStatus]
            )
          ) : (
            'No premium billed yet'
          )}
        </dd>
      </dl>
      {policy.payments.length ? (
        <table className="data-table">
          <caption>Payment history of {policy.policyNumber}</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Amount due</th>
              <th scope="col">Due date</th>
              <th scope="col">Amount paid</th>
              <th scope="col">Paid on</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {policy.payments.map((payment) => (
              <tr key={payment.period}>
                <th scope="row">{payment.period}</th>
                <td>{formatCents(payment.amountDueCents)}</td>
                <td>{day(payment.dueDate)}</td>
                <td>{formatCents(payment.amountPaidCents)}</td>
                <td>{day(payment.paidDate)}</td>
                <td>{PAYMENT_STATUS_LABELS[payment.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
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
