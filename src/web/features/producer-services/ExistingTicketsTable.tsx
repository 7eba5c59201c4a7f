import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { ZTicketListQuery, type TICKET_SORTS, type TTicketSummary } from '../../../shared/service-request-schemas.ts';
import { paths } from '../../app/routes.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { formatDate } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { listOpenTickets, producerTicketKeys } from './tickets-api.ts';

type TTicketSort = (typeof TICKET_SORTS)[number];

export const EXISTING_TICKETS_TEXT =
  'Below is a list of your request tickets that are still open. Request tickets that have been resolved are considered closed and will no longer be displayed.';

const COLUMNS: readonly TColumn<TTicketSummary, TTicketSort>[] = [
  { id: 'date', label: 'Date', sortKey: 'date', render: (ticket) => formatDate(ticket.createdAt) },
  {
    id: 'number',
    label: 'Ticket Number',
    sortKey: 'number',
    rowHeader: true,
    render: (ticket) => <Link to={paths.ticket(ticket.number)}>{ticket.number}</Link>,
  },
  { id: 'type', label: 'Request Type', sortKey: 'type', render: (ticket) => ticket.typeLabel },
  { id: 'status', label: 'Status', sortKey: 'status', render: (ticket) => ticket.statusLabel },
];

/**
 * SR-4 "Existing Request Tickets": every open ticket of the producer ID, whoever of its users
 * filed it. Sort and page live in the address (the Producer Services page and each request
 * form show this list), so Back and a reload show the same page of it.
 */
export function ExistingTicketsTable() {
  const titleId = useId();
  const { query, setQuery } = useUrlQuery(ZTicketListQuery);
  const list = useQuery({
    queryKey: producerTicketKeys.list(query),
    queryFn: () => listOpenTickets(query),
    // The rows stay until the next page or order arrives, so the table does not jump.
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  return (
    <section className="existing-tickets" aria-labelledby={titleId}>
      <h2 id={titleId}>Existing Request Tickets</h2>
      <p>{EXISTING_TICKETS_TEXT}</p>
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption="Your open request tickets"
            columns={COLUMNS}
            rows={data.items}
            rowKey={(ticket) => ticket.id}
            sort={{ key: query.sort, direction: query.dir }}
            onSort={(sort) => setQuery({ sort: sort.key, dir: sort.direction, page: undefined })}
            empty="You have no open request tickets."
            busy={list.isFetching}
          />
          <Pagination list={data} label="Request tickets" onPage={(page) => setQuery({ page })} />
        </>
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading your request tickets…
        </p>
      )}
    </section>
  );
}
