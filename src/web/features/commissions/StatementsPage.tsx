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
import { commissionKeys, fetchStatements, monthName, statementFileUrl } from './commissions-api.ts';

export type TCommissionsTool = Extract<TToolId, 'producer-commissions' | 'retail-commissions'>;

function columns(portalId: TCoursePortal): TColumn<TMonthTotal, never>[] {
  return [
    { id: 'month', label: 'Statement', rowHeader: true, render: (s) => <Link to={paths.commissionStatement(portalId, s.period)}>{monthName(s.period)}</Link> },
    { id: 'lines', label: 'Lines', render: (s) => s.lines.toLocaleString('en-US') },
    { id: 'total', label: 'Total', render: (s) => formatCents(s.totalCents) },
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

function Statements({ portalId }: { portalId: TCoursePortal }) {
  const list = useQuery({ queryKey: commissionKeys.statements, queryFn: fetchStatements });
  return (
    <section aria-labelledby="commission-statements-heading">
      <h2 id="commission-statements-heading">Commission Statements</h2>
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {list.data ? (
        <DataTable
          caption="Monthly commission statements"
          columns={columns(portalId)}
          rows={list.data.items}
          rowKey={(s) => s.period}
          empty="No statements yet."
        />
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading your statements…
        </p>
      )}
    </section>
  );
}
