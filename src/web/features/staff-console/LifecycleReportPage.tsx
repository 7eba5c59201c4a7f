import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { PORTAL_DEFINITIONS, PORTAL_IDS, ROLE_LABELS, isPortalId, type TRole } from '../../../shared/portals.ts';
import { ZLifecycleReportQuery, type TLifecycleReportPage } from '../../../shared/user-admin-schemas.ts';
import { isApiError } from '../../api.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { formatDate, formatDay } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchLifecycleReport, staffConsoleKeys } from './staff-api.ts';

type TItem = TLifecycleReportPage['items'][number];

function roleLabel(role: string): string {
  return Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as TRole] : role;
}

const COLUMNS: TColumn<TItem, never>[] = [
  { id: 'username', label: 'User Name', rowHeader: true, render: (item) => item.username },
  { id: 'name', label: 'Name', render: (item) => item.displayName },
  { id: 'portal', label: 'Portal', render: (item) => (isPortalId(item.portal) ? PORTAL_DEFINITIONS[item.portal].name : item.portal) },
  { id: 'role', label: 'Role', render: (item) => roleLabel(item.role) },
  { id: 'action', label: 'Will be', render: (item) => (item.action === 'disable' ? 'Disabled' : 'Deleted') },
  { id: 'due', label: 'On', render: (item) => formatDay(item.dueOn) },
  { id: 'lastLogin', label: 'Last Login Date', render: (item) => formatDate(item.lastLoginAt) },
];

/** LC-1: who the lifecycle job will disable or delete in the next 30 days (the query's default), soonest first. */
export function LifecycleReportPage() {
  return (
    <ToolPage tool="staff-lifecycle">
      {() => (
        <>
          <PageHeading>Lifecycle Report</PageHeading>
          <LifecycleReport />
        </>
      )}
    </ToolPage>
  );
}

function LifecycleReport() {
  const idPrefix = useId();
  // The portal and the page live in the address (Back, reload and a shared link show the same report).
  const { query, setQuery } = useUrlQuery(ZLifecycleReportQuery);
  const report = useQuery({
    queryKey: staffConsoleKeys.lifecycleReport(query),
    queryFn: () => fetchLifecycleReport(query),
    placeholderData: keepPreviousData,
  });
  const data = report.data;

  if (isApiError(report.error) && report.error.status === 404 && !data) {
    return <p>The lifecycle report is not available on this server yet.</p>;
  }

  return (
    <>
      <p className="lead">
        User IDs that the daily lifecycle job will disable (no login for more than the portal&apos;s Disable after days) or delete (disabled and no login for
        more than its Delete after days) in the next {query.days} days. Exempt roles are not listed.
      </p>
      <div className="toolbar">
        <SelectField
          id={`${idPrefix}-portal`}
          label="Portal"
          placeholder="All portals"
          options={PORTAL_IDS.map((id) => ({ value: id, label: PORTAL_DEFINITIONS[id].name }))}
          value={query.portal ?? ''}
          // A filter that applies at once: each choice is a step Back returns from.
          onChange={(event) => {
            const value = event.target.value;
            setQuery({ portal: isPortalId(value) ? value : undefined, page: undefined });
          }}
        />
      </div>
      {report.error ? <ErrorAlert>{report.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption={`IDs to be disabled or deleted by ${formatDay(addDays(data.asOf, data.days))}`}
            columns={COLUMNS}
            rows={data.items}
            rowKey={(item) => `${item.userId}:${item.action}`}
            empty={`No IDs will be disabled or deleted in the next ${data.days} days.`}
            busy={report.isFetching}
          />
          <Pagination list={data} label="Lifecycle report" onPage={(page) => setQuery({ page })} />
        </>
      ) : report.error ? null : (
        <p role="status" className="loading">
          Loading the report…
        </p>
      )}
    </>
  );
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
