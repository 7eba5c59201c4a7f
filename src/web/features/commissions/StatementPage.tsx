import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { ZStatementQuery, type TStatementLine } from '../../../shared/commission-schemas.ts';
import { COMMISSION_TRANSACTION_LABELS } from '../../../shared/commissions.ts';
import { formatCents, MONTH_PATTERN } from '../../../shared/request-fields.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { paths, type TCoursePortal } from '../../app/routes.ts';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { formatDay } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { commissionKeys, fetchStatement, monthName, statementFileUrl } from './commissions-api.ts';
import type { TCommissionsTool } from './StatementsPage.tsx';

const day = (value: string | null) => (value ? formatDay(value) : '—');

const COLUMNS: TColumn<TStatementLine, never>[] = [
  { id: 'line', label: 'Line', render: (l) => l.lineNumber },
  { id: 'account', label: 'Account/Policy', rowHeader: true, render: (l) => l.accountNumber },
  { id: 'group', label: 'Group', render: (l) => l.groupNumber ?? '—' },
  { id: 'name', label: 'Group/Policy Name', render: (l) => l.accountName },
  { id: 'original', label: 'Original Effective', render: (l) => day(l.originalEffectiveDate) },
  { id: 'producer', label: 'Producer Effective', render: (l) => day(l.producerEffectiveDate) },
  { id: 'cancel', label: 'Cancel Date', render: (l) => day(l.cancelDate) },
  { id: 'product', label: 'Product', render: (l) => l.productName },
  { id: 'lob', label: 'Line of Business', render: (l) => LINE_OF_BUSINESS_LABELS[l.lineOfBusiness] },
  { id: 'contracts', label: 'Contracts', render: (l) => l.contracts ?? '—' },
  { id: 'basis', label: 'Premium Basis', render: (l) => (l.premiumBasisCents === null ? '—' : formatCents(l.premiumBasisCents)) },
  { id: 'rate', label: 'Rate', render: (l) => (l.rate === null ? '—' : l.calculationMethod === 'per-contract' ? `$${l.rate}` : `${Number(l.rate)}%`) },
  { id: 'split', label: 'Split', render: (l) => `${Number(l.splitPercent)}%` },
  { id: 'type', label: 'Type', render: (l) => COMMISSION_TRANSACTION_LABELS[l.transactionType] },
  { id: 'amount', label: 'Amount', render: (l) => formatCents(l.amountCents) },
];

/** One monthly statement: its totals by line of business and transaction type, and its lines paged. */
export function StatementPage({ tool, portalId, period }: { tool: TCommissionsTool; portalId: TCoursePortal; period: string }) {
  // Only a month has a statement: anything else is an address that does not exist.
  if (!MONTH_PATTERN.test(period)) return <NotFoundPage />;
  return <ToolPage tool={tool}>{() => <Statement portalId={portalId} period={period} />}</ToolPage>;
}

function Statement({ portalId, period }: { portalId: TCoursePortal; period: string }) {
  const { query, setQuery } = useUrlQuery(ZStatementQuery);
  const statement = useQuery({
    queryKey: commissionKeys.statement(period, query),
    queryFn: () => fetchStatement(period, query),
    placeholderData: keepPreviousData,
  });
  const data = statement.data;
  const title = `Commission Statement, ${monthName(period)}`;
  return (
    <>
      <Breadcrumbs trail={[{ label: 'Commissions', to: paths.commissionStatements(portalId) }]} current={monthName(period)} />
      <PageHeading>{title}</PageHeading>
      {statement.error ? <ErrorAlert>{statement.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <p>
            {data.producer.name} (Agent Unique ID {data.producer.agentUniqueId}){data.producer.agency ? `, ${data.producer.agency}` : ''}. Total{' '}
            <strong>{formatCents(data.totalCents)}</strong> on {data.lines.toLocaleString('en-US')} lines.{' '}
            <a href={statementFileUrl(period, 'pdf')} download>
              Download PDF
            </a>{' '}
            ·{' '}
            <a href={statementFileUrl(period, 'csv')} download>
              Download CSV
            </a>
          </p>
          <div className="dashboard-grid">
            <DataTable
              caption="Totals by line of business"
              columns={[
                { id: 'line', label: 'Line of Business', rowHeader: true, render: (r) => LINE_OF_BUSINESS_LABELS[r.lineOfBusiness] },
                { id: 'lines', label: 'Lines', render: (r) => r.lines },
                { id: 'total', label: 'Total', render: (r) => formatCents(r.totalCents) },
              ]}
              rows={data.byLine}
              rowKey={(r) => r.lineOfBusiness}
              empty="—"
            />
            <DataTable
              caption="Totals by transaction type"
              columns={[
                { id: 'type', label: 'Type', rowHeader: true, render: (r) => COMMISSION_TRANSACTION_LABELS[r.transactionType] },
                { id: 'lines', label: 'Lines', render: (r) => r.lines },
                { id: 'total', label: 'Total', render: (r) => formatCents(r.totalCents) },
              ]}
              rows={data.byType}
              rowKey={(r) => r.transactionType}
              empty="—"
            />
          </div>
          <DataTable
            caption="Statement lines"
            columns={COLUMNS}
            rows={data.items}
            rowKey={(l) => String(l.lineNumber)}
            empty="No lines on this page."
            busy={statement.isFetching}
          />
          <Pagination list={data} label="Statement lines" onPage={(page) => setQuery({ page })} />
        </>
      ) : statement.error ? null : (
        <p role="status" className="loading">
          Loading the statement…
        </p>
      )}
    </>
  );
}
