import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { ZApplicationList, type APPLICATION_SORTS, type TApplicationSummary } from '../../../shared/book-schemas.ts';
import { APPLICATION_STATUSES, APPLICATION_STATUS_LABELS, LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { formatDay } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { bookKeys, fetchBookSummary, listApplications } from './book-api.ts';
import { useBookSource, type TBookSource } from './book-source.ts';
import { LINE_OPTIONS } from './client-filters.ts';
import { InForce } from './InForce.tsx';
import { useChooseStateFirst } from './useChooseStateFirst.ts';

type TSortKey = (typeof APPLICATION_SORTS)[number];

const columnsOf = (source: TBookSource): TColumn<TApplicationSummary, TSortKey>[] => [
  { id: 'number', label: 'Application', rowHeader: true, render: (a) => a.applicationNumber },
  { id: 'client', label: 'Client', sortKey: 'client', render: (a) => <Link to={source.paths.client(a.clientId)}>{a.clientName}</Link> },
  { id: 'line', label: 'Line of Business', render: (a) => LINE_OF_BUSINESS_LABELS[a.lineOfBusiness] },
  { id: 'plan', label: 'Plan', render: (a) => a.planName },
  { id: 'status', label: 'Status', sortKey: 'status', render: (a) => APPLICATION_STATUS_LABELS[a.status] },
  { id: 'status-date', label: 'Status Date', sortKey: 'status-date', render: (a) => formatDay(a.statusDate) },
  { id: 'submitted', label: 'Submitted', sortKey: 'submitted', render: (a) => formatDay(a.submittedDate) },
  { id: 'policy', label: 'Policy', render: (a) => a.policyNumber ?? '—' },
];

const STATUS_CHOICES = [
  { value: 'pending', label: 'Pending' },
  ...APPLICATION_STATUSES.map((status) => ({ value: status, label: APPLICATION_STATUS_LABELS[status] })),
];

/** BK-2: the status of the producer's applications and their current business, in the chosen state. */
export function ApplicationsPage() {
  return (
    <ToolPage tool="book-applications">
      {() => (
        <>
          <PageHeading>Applications and Current Business</PageHeading>
          <Applications />
          <CurrentBusiness />
        </>
      )}
    </ToolPage>
  );
}

/** The applications of the book the page's source names, filtered, sorted and paged in the address. */
export function Applications() {
  const idPrefix = useId();
  const source = useBookSource();
  const columns = useMemo(() => columnsOf(source), [source]);
  const { query, setQuery } = useUrlQuery(ZApplicationList);
  const list = useQuery({ queryKey: bookKeys.applications(query, source), queryFn: () => listApplications(query, source), placeholderData: keepPreviousData });
  const choosing = useChooseStateFirst(list.error);
  const data = list.data;
  return (
    <section aria-labelledby={`${idPrefix}-heading`}>
      <h2 id={`${idPrefix}-heading`}>Applications</h2>
      {/* Each choice applies at once: the list follows the address. */}
      <div className="toolbar">
        <SelectField
          id={`${idPrefix}-status`}
          label="Status"
          placeholder="Any status"
          options={STATUS_CHOICES}
          value={query.status ?? ''}
          onChange={(event) => setQuery({ status: event.target.value, page: undefined })}
        />
        <SelectField
          id={`${idPrefix}-line`}
          label="Line of Business"
          placeholder="Any line"
          options={LINE_OPTIONS}
          value={query.line ?? ''}
          onChange={(event) => setQuery({ line: event.target.value, page: undefined })}
        />
      </div>
      {list.error && !choosing ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption={source.own ? 'Your applications' : 'Applications'}
            columns={columns}
            rows={data.items}
            rowKey={(a) => a.applicationNumber}
            sort={{ key: query.sort, direction: query.dir }}
            onSort={(sort) => setQuery({ sort: sort.key, dir: sort.direction, page: undefined })}
            empty="No applications match."
            busy={list.isFetching}
          />
          <Pagination list={data} label="Applications" onPage={(page) => setQuery({ page })} />
        </>
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading the applications…
        </p>
      )}
    </section>
  );
}

/** The book's in-force business by line. */
export function CurrentBusiness() {
  const source = useBookSource();
  const summary = useQuery({ queryKey: bookKeys.summary(source), queryFn: () => fetchBookSummary(source) });
  return summary.data ? <InForce rows={summary.data.inForce} /> : null;
}
