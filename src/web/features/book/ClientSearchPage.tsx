import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { Link } from 'react-router';
import type { CLIENT_SORTS } from '../../../shared/book-schemas.ts';
import { QUICK_SEARCHES, QUICK_SEARCH_LABELS, ZClientSearchFields, type TClientSearch, type TClientSummary } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDay } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { useZodForm } from '../../ui/useZodForm.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { bookKeys, clientsCsvUrl, searchClients } from './book-api.ts';
import { useBookSource, type TBookSource } from './book-source.ts';
import { LINE_OPTIONS, STATUS_OPTIONS, ZClientFilterForm, addressPatchOf, boxesOf } from './client-filters.ts';
import { useChooseStateFirst } from './useChooseStateFirst.ts';

type TSortKey = (typeof CLIENT_SORTS)[number];

const columnsOf = (source: TBookSource): TColumn<TClientSummary, TSortKey>[] => [
  {
    id: 'name',
    label: 'Name',
    sortKey: 'name',
    rowHeader: true,
    render: (client) => <Link to={source.paths.client(client.clientId)}>{`${client.lastName}, ${client.firstName}`}</Link>,
  },
  { id: 'client-id', label: 'Client ID', sortKey: 'client-id', render: (client) => client.clientId },
  { id: 'date-of-birth', label: 'Date of Birth', sortKey: 'date-of-birth', render: (client) => (client.dateOfBirth ? formatDay(client.dateOfBirth) : '—') },
  { id: 'lines', label: 'Lines of Business', render: (client) => client.lines.map((line) => LINE_OF_BUSINESS_LABELS[line]).join(', ') },
  { id: 'policies', label: 'Policies', render: (client) => client.policies },
  { id: 'pending', label: 'Pending Applications', render: (client) => client.pendingApplications },
  { id: 'payment', label: 'Premium Status', render: (client) => (client.pastDue ? <strong className="status status-disabled">Past due</strong> : 'Current') },
];

/** BK-3: the producer's clients in the chosen state, by a preset quick search or the advanced filters, all kept in the address. */
export function ClientSearchPage() {
  return (
    <ToolPage tool="book-clients">
      {() => (
        <>
          <PageHeading>Client Search</PageHeading>
          <ClientSearch />
        </>
      )}
    </ToolPage>
  );
}

/** The search itself, of the book the page's source names (the producer's own, or one staff read). */
export function ClientSearch() {
  const idPrefix = useId();
  const source = useBookSource();
  const columns = useMemo(() => columnsOf(source), [source]);
  const { query, setQuery } = useUrlQuery(ZClientSearchFields);
  const clients = useQuery({ queryKey: bookKeys.clients(query, source), queryFn: () => searchClients(query, source), placeholderData: keepPreviousData });
  const choosing = useChooseStateFirst(clients.error);
  const boxes = useMemo(() => boxesOf(query), [query]);
  const form = useZodForm(ZClientFilterForm, boxes);
  // The boxes are a draft of the address: when it changes (Back, a link), they show what is listed.
  const { reset } = form;
  useEffect(() => reset(boxes), [reset, boxes]);

  const search = async (filters: TClientSearch) => {
    setQuery(addressPatchOf(filters));
  };
  const data = clients.data;
  return (
    <>
      <nav aria-label="Quick searches">
        <ul className="quick-searches">
          {QUICK_SEARCHES.map((quick) => (
            <li key={quick}>
              <Link to={`${source.paths.clients()}?quick=${quick}`} aria-current={query.quick === quick ? 'page' : undefined}>
                {QUICK_SEARCH_LABELS[quick]}
              </Link>
            </li>
          ))}
          <li>
            <Link to={source.paths.clients()}>All clients</Link>
          </li>
        </ul>
      </nav>
      <form className="toolbar queue-filters" role="search" aria-label="Advanced client search" noValidate onSubmit={form.submitWith(search)}>
        <TextField id={`${idPrefix}-name`} label="Name" hint="First or last name, or Last, First" autoComplete="off" {...form.field('name')} />
        <TextField id={`${idPrefix}-dob`} label="Date of Birth" type="date" {...form.field('dateOfBirth')} />
        <TextField id={`${idPrefix}-number`} label="Client, policy or application number" autoComplete="off" {...form.field('number')} />
        <SelectField id={`${idPrefix}-status`} label="Status" placeholder="Any status" options={STATUS_OPTIONS} {...form.field('status')} />
        <SelectField id={`${idPrefix}-line`} label="Line of Business" placeholder="Any line" options={LINE_OPTIONS} {...form.field('line')} />
        <TextField id={`${idPrefix}-from`} label="Effective from" type="date" {...form.field('effectiveFrom')} />
        <TextField id={`${idPrefix}-to`} label="Effective to" type="date" {...form.field('effectiveTo')} />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {clients.error && !choosing ? <ErrorAlert>{clients.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          {data.total > 0 ? (
            <p>
              {/* A plain link: the browser saves the streamed file itself. */}
              <a className="download-link" href={clientsCsvUrl(query, source)} download>
                Download {data.total === 1 ? 'this client' : `these ${data.total} clients`} (CSV)
              </a>
            </p>
          ) : null}
          <DataTable
            caption={query.quick ? QUICK_SEARCH_LABELS[query.quick] : source.own ? 'Your clients' : 'Clients'}
            columns={columns}
            rows={data.items}
            rowKey={(client) => client.clientId}
            sort={{ key: query.sort, direction: query.dir }}
            onSort={(sort) => setQuery({ sort: sort.key, dir: sort.direction, page: undefined })}
            empty="No clients match this search."
            busy={clients.isFetching}
          />
          <Pagination list={data} label="Clients" onPage={(page) => setQuery({ page })} />
        </>
      ) : clients.error ? null : (
        <p role="status" className="loading">
          Loading the clients…
        </p>
      )}
    </>
  );
}
