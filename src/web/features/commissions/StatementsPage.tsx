import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TMonthTotal } from '../../../shared/commission-schemas.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import { paths, type TCoursePortal } from '../../app/routes.ts';
import type { TToolId } from '../../app/tools.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { DashboardCommissions } from './DashboardCommissions.tsx';
import { Discrepancies } from './Discrepancies.tsx';
import { commissionKeys, fetchStatements, monthName, OWN_COMMISSIONS, statementFileUrl, type TCommissionSource } from './commissions-api.ts';

export type TCommissionsTool = Extract<TToolId, 'producer-commissions' | 'retail-commissions'>;

const TOTALS: TColumn<TMonthTotal, never>[] = [
  { id: 'lines', label: 'Lines', render: (s) => s.lines.toLocaleString('en-US') },
  { id: 'total', label: 'Total', render: (s) => formatCents(s.totalCents) },
];

/** A producer's months as staff read them: the months and their totals, nothing to open or download. */
const READ_ONLY: TColumn<TMonthTotal, never>[] = [{ id: 'month', label: 'Statement', rowHeader: true, render: (s) => monthName(s.period) }, ...TOTALS];

/** The producer's own: each month opens its page and downloads as PDF and CSV. */
function ownColumns(portalId: TCoursePortal): TColumn<TMonthTotal, never>[] {
  return [
    { id: 'month', label: 'Statement', rowHeader: true, render: (s) => <Link to={paths.commissionStatement(portalId, s.period)}>{monthName(s.period)}</Link> },
    ...TOTALS,
    {
      id: 'downloads',
      label: 'Download',
      render: (s) => (
        <>
          <a href={statementFileUrl(s.period, 'pdf')} download aria-label={`${monthName(s.period)} statement as PDF`}>
            PDF
          </a>{' '}
          ·{' '}
          <a href={statementFileUrl(s.period, 'csv')} download aria-label={`${monthName(s.period)} statement as CSV`}>
            CSV
          </a>
        </>
      ),
    },
  ];
}

/** BK-5 COMMISSION STATEMENTS: every month with a statement, newest first, each as a page, PDF and CSV. */
export function StatementsPage({ tool, portalId }: { tool: TCommissionsTool; portalId: TCoursePortal }) {
  return (
    <ToolPage tool={tool}>
      {() => (
        <>
          <PageHeading>Commissions</PageHeading>
          <section aria-labelledby="commission-summary-heading">
            <h2 id="commission-summary-heading">Summary</h2>
            <DashboardCommissions portalId={portalId} />
          </section>
          <Statements portalId={portalId} />
          <Discrepancies portalId={portalId} />
        </>
      )}
    </ToolPage>
  );
}

/** Every month with a statement: the producer's own (`portalId`), or a producer's read by staff (the months and totals only). */
export function Statements({ portalId, source = OWN_COMMISSIONS }: { portalId?: TCoursePortal; source?: TCommissionSource }) {
  const list = useQuery({ queryKey: commissionKeys.statements(source), queryFn: () => fetchStatements(source) });
  return (
    <section aria-labelledby="commission-statements-heading">
      <h2 id="commission-statements-heading">Commission Statements</h2>
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {list.data ? (
        <DataTable
          caption="Monthly commission statements"
          columns={source.own && portalId ? ownColumns(portalId) : READ_ONLY}
          rows={list.data.items}
          rowKey={(s) => s.period}
          empty="No statements yet."
        />
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading {source.own ? 'your' : 'the'} statements…
        </p>
      )}
    </section>
  );
}
