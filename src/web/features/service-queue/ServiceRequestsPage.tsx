import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { TTicketSummary } from '../../../shared/service-request-schemas.ts';
import { paths } from '../../app/routes.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDate } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { useZodForm } from '../../ui/useZodForm.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { STATUS_OPTIONS, TYPE_OPTIONS, ZQueueAddress, ZQueueFilterForm, addressPatchOf, apiQueryOf, boxesOf } from './queue-filters.ts';
import { listAssignees, searchQueue, serviceQueueKeys } from './service-queue-api.ts';

type TSortKey = 'date' | 'number' | 'type' | 'status';

const COLUMNS: TColumn<TTicketSummary, TSortKey>[] = [
  { id: 'date', label: 'Date', sortKey: 'date', render: (ticket) => formatDate(ticket.createdAt) },
  {
    id: 'number',
    label: 'Ticket Number',
    sortKey: 'number',
    rowHeader: true,
    render: (ticket) => <Link to={paths.staffTicket(ticket.number)}>{ticket.number}</Link>,
  },
  { id: 'type', label: 'Request Type', sortKey: 'type', render: (ticket) => ticket.typeLabel },
  { id: 'producer', label: 'Producer ID', render: (ticket) => ticket.producerAgentId },
  { id: 'summary', label: 'Summary', render: (ticket) => ticket.summary },
  { id: 'status', label: 'Status', sortKey: 'status', render: (ticket) => ticket.statusLabel },
  { id: 'assignee', label: 'Assignee', render: (ticket) => ticket.assignee?.displayName ?? 'Unassigned' },
];

/** SR-5: producers' request tickets for producer services, filtered, sorted and paged in the address. */
export function ServiceRequestsPage() {
  return (
    <ToolPage tool="staff-service-requests">
      {() => (
        <>
          <PageHeading>Service Requests</PageHeading>
          <ServiceQueue />
        </>
      )}
    </ToolPage>
  );
}

function ServiceQueue() {
  const idPrefix = useId();
  const { query: address, setQuery } = useUrlQuery(ZQueueAddress);
  const apiQuery = useMemo(() => apiQueryOf(address), [address]);
  const tickets = useQuery({ queryKey: serviceQueueKeys.list(apiQuery), queryFn: () => searchQueue(apiQuery), placeholderData: keepPreviousData });
  const assignees = useQuery({ queryKey: serviceQueueKeys.assignees, queryFn: listAssignees });
  const boxes = useMemo(() => boxesOf(address), [address]);
  const form = useZodForm(ZQueueFilterForm, boxes);

  // The boxes are a draft of the address: when it changes (Back, a link), they show what is listed.
  const { reset } = form;
  useEffect(() => reset(boxes), [reset, boxes]);

  const search = async (filters: z.output<typeof ZQueueFilterForm>) => {
    setQuery({ ...addressPatchOf(filters), page: undefined });
  };

  const assigneeOptions = [
    { value: 'me', label: 'Me' },
    { value: 'none', label: 'Unassigned' },
    ...(assignees.data ?? []).map((colleague) => ({ value: colleague.id, label: colleague.displayName })),
  ];
  const data = tickets.data;
  return (
    <>
      <p className="lead">Producers&apos; request tickets. Open a ticket to assign it, write to the producer, change its status or resolve it.</p>
      <form className="toolbar queue-filters" role="search" aria-label="Filter service requests" noValidate onSubmit={form.submitWith(search)}>
        <SelectField id={`${idPrefix}-status`} label="Status" placeholder="Any status" options={STATUS_OPTIONS} {...form.field('status')} />
        <SelectField id={`${idPrefix}-type`} label="Request Type" placeholder="Any request type" options={TYPE_OPTIONS} {...form.field('type')} />
        <TextField id={`${idPrefix}-producer`} label="Producer ID" inputMode="numeric" autoComplete="off" {...form.field('producer')} />
        <SelectField id={`${idPrefix}-assignee`} label="Assignee" placeholder="Anyone" options={assigneeOptions} {...form.field('assignee')} />
        <TextField id={`${idPrefix}-from`} label="Created from" type="date" {...form.field('from')} />
        <TextField id={`${idPrefix}-to`} label="Created to" type="date" {...form.field('to')} />
        <TextField id={`${idPrefix}-q`} label="Search" hint="Ticket number or words of the summary" autoComplete="off" {...form.field('q')} />
        <button type="submit" className="button button-primary">
          Filter
        </button>
      </form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {tickets.error ? <ErrorAlert>{tickets.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption="Service request tickets"
            columns={COLUMNS}
            rows={data.items}
            rowKey={(ticket) => ticket.id}
            sort={{ key: address.sort, direction: address.dir }}
            onSort={(sort) => setQuery({ sort: sort.key, dir: sort.direction, page: undefined })}
            empty="No tickets match these filters."
            busy={tickets.isFetching}
          />
          <Pagination list={data} label="Service request tickets" onPage={(page) => setQuery({ page })} />
        </>
      ) : tickets.error ? null : (
        <p role="status" className="loading">
          Loading the service requests…
        </p>
      )}
    </>
  );
}
