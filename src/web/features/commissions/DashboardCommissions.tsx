import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatCents } from '../../../shared/request-fields.ts';
import { paths, type TCoursePortal } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { commissionKeys, fetchCommissionSummary, fetchStatements, isNotAllowed, monthName } from './commissions-api.ts';

/** SR-1's COMMISSIONS: the last statement, the year to date and the last twelve months. */
export function DashboardCommissions({ portalId = 'producers' }: { portalId?: TCoursePortal }) {
  const summary = useQuery({ queryKey: commissionKeys.summary, queryFn: fetchCommissionSummary });
  if (isNotAllowed(summary.error)) return <p className="dashboard-empty">{summary.error?.message}</p>;
  if (summary.error) return <ErrorAlert>{summary.error.message}</ErrorAlert>;
  const data = summary.data;
  if (!data) return <p className="loading">Loading your commissions…</p>;
  if (!data.lastStatement) return <p className="dashboard-empty">Your commission summary will appear here once the carrier publishes a statement for you.</p>;
  const twelveMonths = data.lastTwelveMonths.reduce((sum, m) => sum + m.totalCents, 0);
  return (
    <dl className="profile-facts">
      <dt>Last statement</dt>
      <dd>
        <Link to={paths.commissionStatement(portalId, data.lastStatement.period)}>{monthName(data.lastStatement.period)}</Link>:{' '}
        {formatCents(data.lastStatement.totalCents)}
      </dd>
      <dt>Year to date ({data.year})</dt>
      <dd>{formatCents(data.yearToDateCents)}</dd>
      <dt>Last 12 months</dt>
      <dd>{formatCents(twelveMonths)}</dd>
    </dl>
  );
}

/** SR-1's INTERACTIVE COMMISSION REPORTING TOOL: the way in. */
export function DashboardReportLink({ portalId = 'producers' }: { portalId?: TCoursePortal }) {
  return (
    <p>
      Commission by month and line of business, filtered by period, account, line and transaction type, as a chart, a table and CSV.{' '}
      <Link to={paths.commissionReport(portalId)}>Open the reporting tool</Link>
    </p>
  );
}

/** SR-1's COMMISSION STATEMENTS: the newest months, each opening its statement. */
export function DashboardStatements({ portalId = 'producers' }: { portalId?: TCoursePortal }) {
  const statements = useQuery({ queryKey: commissionKeys.statements(), queryFn: () => fetchStatements() });
  if (isNotAllowed(statements.error)) return <p className="dashboard-empty">{statements.error?.message}</p>;
  if (statements.error) return <ErrorAlert>{statements.error.message}</ErrorAlert>;
  const items = statements.data?.items;
  if (!items) return <p className="loading">Loading your statements…</p>;
  if (items.length === 0) return <p className="dashboard-empty">Your commission statements will appear here once the carrier publishes them.</p>;
  return (
    <>
      <ul>
        {items.slice(0, 4).map((statement) => (
          <li key={statement.period}>
            <Link to={paths.commissionStatement(portalId, statement.period)}>{monthName(statement.period)}</Link> {formatCents(statement.totalCents)}
          </li>
        ))}
      </ul>
      <p>
        <Link to={paths.commissionStatements(portalId)}>All statements</Link>
      </p>
    </>
  );
}
