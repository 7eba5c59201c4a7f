import { useId, useState } from 'react';
import { PORTAL_DEFINITIONS, PORTAL_IDS, isPortalId } from '../../../shared/portals.ts';
import { PAGE_SIZE_DEFAULT, ZAuditSearchQuery, type TAuditEventView, type TAuditSearchQuery } from '../../../shared/user-admin-schemas.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { errorsFromIssues, useForm, type TParsed } from '../../ui/useForm.ts';
import { useRemoteData } from '../../ui/useRemoteData.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { searchAudit } from '../user-admin/user-admin-api.ts';

const FIELDS = ['user', 'action', 'portal', 'from', 'to'] as const;
type TField = (typeof FIELDS)[number];
type TFilters = Omit<Partial<TAuditSearchQuery>, 'page' | 'pageSize'>;

/** Suggestions for the Action field; any action, or a family ending with a dot, can be typed. */
const ACTION_SUGGESTIONS = [
  'login.',
  'login.success',
  'login.failure',
  'login.refused_locked',
  'login.refused_disabled',
  'account.',
  'account.locked',
  'account.unlocked',
  'user.',
  'user.created',
  'user.disabled',
  'user.reinstated',
  'user.exported',
  'portal.settings_changed',
  'password.',
  'password.reset_issued',
  'password.changed',
];

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

const COLUMNS: TColumn<TAuditEventView, never>[] = [
  { id: 'time', label: 'Date and Time', rowHeader: true, render: (event) => formatDateTime(event.occurredAt) },
  { id: 'action', label: 'Action', render: (event) => <code>{event.action}</code> },
  {
    id: 'portal',
    label: 'Portal',
    render: (event) => (event.portal && isPortalId(event.portal) ? PORTAL_DEFINITIONS[event.portal].name : (event.portal ?? '—')),
  },
  { id: 'actor', label: 'By', render: (event) => event.actor?.label ?? '—' },
  { id: 'target', label: 'User', render: (event) => event.target?.label ?? '—' },
  { id: 'ip', label: 'Source Address', render: (event) => event.ipAddress ?? '—' },
  { id: 'details', label: 'Details', render: (event) => detailsText(event.details) || '—' },
];

/** ID-11: security events, newest first, searchable by user, action, portal and dates. */
export function AuditLogPage() {
  return (
    <ToolPage tool="staff-audit">
      {() => (
        <>
          <PageHeading>Audit Log</PageHeading>
          <AuditLog />
        </>
      )}
    </ToolPage>
  );
}

function AuditLog() {
  const idPrefix = useId();
  const form = useForm(FIELDS);
  const [filters, setFilters] = useState<TFilters>({});
  const [page, setPage] = useState(1);
  const query = { ...filters, page, pageSize: PAGE_SIZE_DEFAULT };
  const events = useRemoteData(JSON.stringify(query), () => searchAudit(query));

  const parse = (values: Record<TField, string>): TParsed<TFilters, TField> => {
    const candidate = Object.fromEntries(FIELDS.map((name) => [name, values[name].trim() || undefined]));
    const parsed = ZAuditSearchQuery.safeParse(candidate);
    if (!parsed.success) return { ok: false, errors: errorsFromIssues(FIELDS, parsed.error.issues) };
    const { user, action, portal, from, to } = parsed.data;
    return { ok: true, data: { user, action, portal, from, to } };
  };

  const apply = async (next: TFilters) => {
    setFilters(next);
    setPage(1);
  };

  const data = events.data;
  return (
    <>
      <p className="lead">Every security event with who did it, to whom, when and from where. The newest events come first.</p>
      <form className="toolbar" role="search" aria-label="Search the audit log" noValidate onSubmit={form.onSubmit(parse, apply)}>
        <TextField id={`${idPrefix}-user`} label="User" hint="User name or ID" autoComplete="off" {...form.field('user')} />
        <TextField
          id={`${idPrefix}-action`}
          label="Action"
          hint="e.g. user.reinstated, or login."
          autoComplete="off"
          list={`${idPrefix}-actions`}
          {...form.field('action')}
        />
        <datalist id={`${idPrefix}-actions`}>
          {ACTION_SUGGESTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <SelectField
          id={`${idPrefix}-portal`}
          label="Portal"
          placeholder="All portals"
          options={PORTAL_IDS.map((id) => ({ value: id, label: PORTAL_DEFINITIONS[id].name }))}
          {...form.field('portal')}
        />
        <TextField id={`${idPrefix}-from`} label="From" type="date" {...form.field('from')} />
        <TextField id={`${idPrefix}-to`} label="To" type="date" {...form.field('to')} />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {events.error ? <ErrorAlert>{events.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption="Audit events, newest first"
            columns={COLUMNS}
            rows={data.items}
            rowKey={(event) => String(event.id)}
            empty="No events match this search."
            busy={events.loading}
          />
          <Pagination
            offset={(data.page - 1) * data.pageSize}
            shown={data.items.length}
            pageSize={data.pageSize}
            total={data.total}
            label="Audit events"
            onPage={(offset) => setPage(Math.floor(offset / data.pageSize) + 1)}
          />
        </>
      ) : events.error ? null : (
        <p role="status" className="loading">
          Loading the audit log…
        </p>
      )}
    </>
  );
}
