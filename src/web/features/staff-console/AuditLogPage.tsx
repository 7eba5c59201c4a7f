import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { z } from 'zod';
import { AUDIT_ACTIONS, AUDIT_ACTION_FAMILIES } from '../../../shared/audit-actions.ts';
import { PORTAL_DEFINITIONS, PORTAL_IDS, isPortalId } from '../../../shared/portals.ts';
import { ZAuditSearchQuery, type TAuditEventView } from '../../../shared/user-admin-schemas.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { useZodForm } from '../../ui/useZodForm.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { searchAudit, staffConsoleKeys } from './staff-api.ts';

const FILTERS = ['user', 'action', 'portal', 'from', 'to'] as const;

/**
 * The search boxes: an empty one means "any"; what is typed is checked by the API's own query
 * schema (its cross-field date rule included), each refusal shown at its box.
 */
const ZAuditFilterForm = z.record(z.enum(FILTERS), z.string()).transform((boxes, ctx) => {
  const parsed = ZAuditSearchQuery.safeParse(Object.fromEntries(FILTERS.map((name) => [name, boxes[name].trim() || undefined])));
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/** Suggestions for the Action field; any action, or a family ending with a dot, can be typed. */
const ACTION_SUGGESTIONS = [...AUDIT_ACTION_FAMILIES, ...AUDIT_ACTIONS].sort();

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
  // The filters and the page live in the address (Back, reload and a shared link show the same events).
  const { query, setQuery } = useUrlQuery(ZAuditSearchQuery);
  const { user = '', action = '', portal = '', from = '', to = '' } = query;
  const form = useZodForm(ZAuditFilterForm, { user, action, portal, from, to });
  const events = useQuery({ queryKey: staffConsoleKeys.audit(query), queryFn: () => searchAudit(query), placeholderData: keepPreviousData });

  // The boxes are a draft of the address: when it changes (Back, a link), they show what is listed.
  const { reset } = form;
  useEffect(() => reset({ user, action, portal, from, to }), [reset, user, action, portal, from, to]);

  const search = async (filters: z.output<typeof ZAuditFilterForm>) => {
    setQuery({ user: filters.user, action: filters.action, portal: filters.portal, from: filters.from, to: filters.to, page: undefined });
  };

  const data = events.data;
  return (
    <>
      <p className="lead">Every security event with who did it, to whom, when and from where. The newest events come first.</p>
      <form className="toolbar" role="search" aria-label="Search the audit log" noValidate onSubmit={form.submitWith(search)}>
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
          {ACTION_SUGGESTIONS.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
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
            busy={events.isFetching}
          />
          <Pagination list={data} label="Audit events" onPage={(page) => setQuery({ page })} />
        </>
      ) : events.error ? null : (
        <p role="status" className="loading">
          Loading the audit log…
        </p>
      )}
    </>
  );
}
