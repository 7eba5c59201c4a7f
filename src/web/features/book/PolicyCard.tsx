import type { TClientDetail } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS, PAYMENT_STATUS_LABELS, POLICY_STATUS_LABELS } from '../../../shared/book.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import { formatDay } from '../../ui/format.ts';

type TPolicy = TClientDetail['policies'][number];

const day = (value: string | null) => (value ? formatDay(value) : '—');
/** Past due, in grace or terminated for non-payment stand out (BK-4). */
const needsAttention = (status: string | null) => status === 'past-due' || status === 'grace' || status === 'terminated-nonpayment';

/** A policy with its premium payment status and history (BK-4): on a client's page and a group's. */
export function PolicyCard({ policy }: { policy: TPolicy }) {
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
