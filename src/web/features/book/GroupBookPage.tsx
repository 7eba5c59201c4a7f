import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { ZGroupSearch, type GROUP_SORTS, type TGroupSearch, type TGroupSummary } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS } from '../../../shared/book.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
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
import { bookKeys, groupsCsvUrl, searchGroups } from './book-api.ts';
import { useBookSource, type TBookSource } from './book-source.ts';
import { LINE_OPTIONS } from './client-filters.ts';

type TSortKey = (typeof GROUP_SORTS)[number];

const columnsOf = (source: TBookSource): TColumn<TGroupSummary, TSortKey>[] => [
  { id: 'name', label: 'Group', sortKey: 'name', rowHeader: true, render: (g) => <Link to={source.paths.group(g.accountNumber)}>{g.name}</Link> },
  { id: 'account', label: 'Account Number', sortKey: 'account-number', render: (g) => g.accountNumber },
  { id: 'state', label: 'State', render: (g) => g.state ?? '—' },
  { id: 'line', label: 'Line of Business', render: (g) => (g.lineOfBusiness ? LINE_OF_BUSINESS_LABELS[g.lineOfBusiness] : '—') },
  { id: 'effective', label: 'Effective', sortKey: 'effective-date', render: (g) => (g.effectiveDate ? formatDay(g.effectiveDate) : '—') },
  { id: 'employees', label: 'Employees', sortKey: 'employees', render: (g) => g.employeeCount ?? '—' },
  { id: 'policies', label: 'Policies', render: (g) => g.policies },
  { id: 'premium', label: 'Monthly Premium', render: (g) => formatCents(g.monthlyPremiumCents) },
  { id: 'payment', label: 'Premium Status', render: (g) => (g.pastDue ? <strong className="status status-disabled">Past due</strong> : 'Current') },
];

const BOXES = ['q', 'line', 'pastDue'] as const;
/** The search boxes, checked by the API's own schema; an empty box means "any". */
const ZGroupFilterForm = z.record(z.enum(BOXES), z.union([z.string(), z.boolean()])).transform((boxes, ctx) => {
  const parsed = ZGroupSearch.safeParse({
    q: String(boxes.q ?? '').trim() || undefined,
    line: String(boxes.line ?? '') || undefined,
    pastDue: boxes.pastDue === true ? 'true' : undefined,
  });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/** Issue 16 §2: the employer groups the producer ID is producer of record for, for every user of the ID. */
export function GroupBookPage() {
  return (
    <ToolPage tool="group-book">
      {() => (
        <>
          <PageHeading>Book of Business</PageHeading>
          <GroupSearch />
        </>
      )}
    </ToolPage>
  );
}

/** The search of the groups of the book the page's source names (the user's producer ID, or one staff read). */
export function GroupSearch() {
  const idPrefix = useId();
  const source = useBookSource();
  const columns = useMemo(() => columnsOf(source), [source]);
  const { query, setQuery } = useUrlQuery(ZGroupSearch);
  const groups = useQuery({ queryKey: bookKeys.groups(query, source), queryFn: () => searchGroups(query, source), placeholderData: keepPreviousData });
  const boxes = useMemo(() => ({ q: query.q ?? '', line: query.line ?? '', pastDue: query.pastDue === 'true' }), [query]);
  const form = useZodForm(ZGroupFilterForm, boxes);
  const { reset } = form;
  useEffect(() => reset(boxes), [reset, boxes]);
  const search = async (filters: TGroupSearch) => {
    setQuery({ q: filters.q, line: filters.line, pastDue: filters.pastDue, page: undefined });
  };
  const data = groups.data;
  return (
    <>
      <p className="lead">
        The employer groups {source.own ? 'you are' : 'the producer ID is'} producer of record for, with their group policies and premium payment status.
      </p>
      <form
        className="toolbar queue-filters"
        role="search"
        aria-label={source.own ? 'Search your groups' : 'Search the groups'}
        noValidate
        onSubmit={form.submitWith(search)}
      >
        <TextField id={`${idPrefix}-q`} label="Group name or account number" autoComplete="off" {...form.field('q')} />
        <SelectField id={`${idPrefix}-line`} label="Line of Business" placeholder="Any line" options={LINE_OPTIONS} {...form.field('line')} />
        <CheckboxField id={`${idPrefix}-past-due`} label="Past-due premium only" {...form.field('pastDue')} />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {groups.error ? <ErrorAlert>{groups.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          {data.total > 0 ? (
            <p>
              {/* A plain link: the browser saves the streamed file itself. */}
              <a className="download-link" href={groupsCsvUrl(query, source)} download>
                Download {data.total === 1 ? 'this group' : `these ${data.total} groups`} (CSV)
              </a>
            </p>
          ) : null}
          <DataTable
            caption={source.own ? 'Your employer groups' : 'Employer groups'}
            columns={columns}
            rows={data.items}
            rowKey={(g) => g.accountNumber}
            sort={{ key: query.sort, direction: query.dir }}
            onSort={(sort) => setQuery({ sort: sort.key, dir: sort.direction, page: undefined })}
            empty="No employer groups match."
            busy={groups.isFetching}
          />
          <Pagination list={data} label="Employer groups" onPage={(page) => setQuery({ page })} />
        </>
      ) : groups.error ? null : (
        <p role="status" className="loading">
          Loading the groups…
        </p>
      )}
    </>
  );
}
