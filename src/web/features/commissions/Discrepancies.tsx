import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { DISCREPANCY_LABELS, ZReconciliationQuery, type TDiscrepancy } from '../../../shared/commission-schemas.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import { paths, type TCoursePortal } from '../../app/routes.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { commissionKeys, fetchReconciliation, monthName, OWN_COMMISSIONS, type TCommissionSource } from './commissions-api.ts';

const dollars = (cents: number) => (Math.abs(cents) / 100).toFixed(2);

/** The Commission Dispute form, filled in from the discrepancy (the producer reviews it and submits). */
function disputeLink(d: TDiscrepancy): string {
  // A chargeback never reversed: its amount was expected back, and nothing was.
  const expected = d.owedCents ?? d.differenceCents;
  const query = new URLSearchParams({
    statementMonth: d.period,
    accountNumber: d.accountNumber,
    amountExpected: dollars(Math.max(expected, 0)),
    amountPaid: dollars(Math.max(d.paidCents, 0)),
    explanation: `${DISCREPANCY_LABELS[d.kind]} on ${d.accountName} (${d.accountNumber}), ${monthName(d.period)} statement: ${d.detail}`,
  });
  return `${paths.requestForm('commission-dispute')}?${query.toString()}`;
}

/** `disputes`: the producers portal's own view, where a discrepancy in the producer's favour files a dispute. */
function columns(disputes: boolean): TColumn<TDiscrepancy, never>[] {
  return [
    { id: 'month', label: 'Statement', render: (d) => monthName(d.period) },
    { id: 'kind', label: 'Discrepancy', render: (d) => DISCREPANCY_LABELS[d.kind] },
    { id: 'account', label: 'Account/Policy', rowHeader: true, render: (d) => `${d.accountName} (${d.accountNumber})` },
    { id: 'line', label: 'Line of Business', render: (d) => LINE_OF_BUSINESS_LABELS[d.lineOfBusiness] },
    { id: 'owed', label: 'Owed', render: (d) => (d.owedCents === null ? '—' : formatCents(d.owedCents)) },
    { id: 'paid', label: 'Paid', render: (d) => formatCents(d.paidCents) },
    { id: 'difference', label: 'Difference', render: (d) => formatCents(d.differenceCents) },
    { id: 'why', label: 'Why', render: (d) => d.detail },
    ...(disputes
      ? [
          {
            id: 'dispute',
            label: 'Action',
            render: (d: TDiscrepancy) =>
              d.differenceCents > 0 ? (
                <Link to={disputeLink(d)} aria-label={`File a Commission Dispute for ${d.accountName}, ${monthName(d.period)}`}>
                  File a Commission Dispute
                </Link>
              ) : (
                '—'
              ),
          },
        ]
      : []),
  ];
}

/**
 * Owed versus paid (issue 17 §3): a year's discrepancies, with totals, each disputable in one click
 * in the producers portal. Staff read a producer's through `source`, read-only (no disputes).
 */
export function Discrepancies({ portalId, source = OWN_COMMISSIONS }: { portalId?: TCoursePortal; source?: TCommissionSource }) {
  const prefix = useId();
  const { query, setQuery } = useUrlQuery(ZReconciliationQuery);
  const result = useQuery({ queryKey: commissionKeys.reconciliation(query, source), queryFn: () => fetchReconciliation(query, source) });
  const data = result.data;
  const owedToYou = data?.discrepancies.reduce((sum, d) => sum + Math.max(d.differenceCents, 0), 0) ?? 0;
  const takeBack = data?.discrepancies.reduce((sum, d) => sum + Math.max(-d.differenceCents, 0), 0) ?? 0;
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <h2 id={`${prefix}-heading`}>Owed versus Paid</h2>
      <p>
        {source.own
          ? "What your statements should have paid on the premium the carrier received, at the commission schedule's rate, against what they paid, for the policies and groups you are producer of record for today."
          : "What the producer's statements should have paid on the premium the carrier received, at the commission schedule's rate, against what they paid, for the policies and groups they are producer of record for today."}{' '}
        Differences of a cent, split commissions and per-contract lines are left out.
      </p>
      <form
        key={data?.year ?? 'loading'}
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          const year = new FormData(event.currentTarget).get('year');
          setQuery({ year: typeof year === 'string' ? year : undefined });
        }}
      >
        <TextField id={`${prefix}-year`} name="year" label="Year" inputMode="numeric" maxLength={4} defaultValue={String(query.year ?? data?.year ?? '')} />
        <button type="submit" className="button">
          Show
        </button>
      </form>
      {result.error ? <ErrorAlert>{result.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <p>
            {data.judgedThrough === null
              ? `The carrier has issued no statements for ${data.year} yet: nothing to compare.`
              : `${data.year}, through the ${monthName(data.judgedThrough)} statements: owed ${formatCents(data.owedCents)}, paid ${formatCents(data.paidCents)}.`}{' '}
            {data.discrepancies.length === 0 ? (
              'No discrepancies.'
            ) : (
              <>
                {data.discrepancies.length} {data.discrepancies.length === 1 ? 'discrepancy' : 'discrepancies'}: <strong>{formatCents(owedToYou)}</strong> owed
                to {source.own ? 'you' : 'the producer'}
                {takeBack > 0 ? <>, and {formatCents(takeBack)} the carrier may take back</> : null}.
              </>
            )}
          </p>
          <DataTable
            caption={`Discrepancy totals, ${data.year}`}
            columns={[
              { id: 'kind', label: 'Discrepancy', rowHeader: true, render: (t) => DISCREPANCY_LABELS[t.kind] },
              { id: 'count', label: 'Count', render: (t) => t.count },
              { id: 'difference', label: 'Difference', render: (t) => formatCents(t.differenceCents) },
            ]}
            rows={data.totals}
            rowKey={(t) => t.kind}
            empty="—"
          />
          <DataTable
            caption={`Discrepancies, ${data.year}`}
            columns={columns(source.own && portalId === 'producers')}
            rows={data.discrepancies}
            rowKey={(d) => `${d.kind}-${d.period}-${d.accountNumber}-${d.detail}`}
            empty="No discrepancies this year."
            busy={result.isFetching}
          />
        </>
      ) : result.error ? null : (
        <p className="loading">Comparing owed and paid…</p>
      )}
    </section>
  );
}
