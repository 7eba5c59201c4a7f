import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { searchText } from '../../../shared/list-query.ts';
import { STATE_NAMES } from '../../../shared/portals.ts';
import { ZStaffProducerQuery, type TStaffProducer } from '../../../shared/staff-book-schemas.ts';
import { paths } from '../../app/routes.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { useZodForm } from '../../ui/useZodForm.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { findProducers, staffBookKeys } from './staff-book-api.ts';

/** The address keeps what was searched for; the form checks it with the API's own schema. */
const ZAddress = z.strictObject({ q: searchText });

const COLUMNS: TColumn<TStaffProducer, never>[] = [
  {
    id: 'name',
    label: 'Producer',
    rowHeader: true,
    render: (p) => <Link to={paths.staffBookProducer(p.agentId)}>{`${p.lastName}, ${p.firstName}`}</Link>,
  },
  { id: 'agent-id', label: 'Agent Unique ID', render: (p) => p.agentId },
  { id: 'agency', label: 'Agency', render: (p) => p.agency ?? '—' },
  {
    id: 'states',
    label: 'Clients by state',
    render: (p) =>
      p.states.length === 0 ? (
        '—'
      ) : (
        <ul className="inline-list">
          {p.states.map((state) => (
            <li key={state}>
              <Link to={paths.staffBookClients(p.agentId, state)} aria-label={`Clients of ${p.firstName} ${p.lastName} in ${STATE_NAMES[state]}`}>
                {state}
              </Link>
            </li>
          ))}
        </ul>
      ),
  },
  {
    id: 'groups',
    label: 'Employer groups',
    render: (p) =>
      p.groups === 0 ? (
        '0'
      ) : (
        <Link to={paths.staffBookGroups(p.agentId)} aria-label={`${p.groups} employer groups of ${p.firstName} ${p.lastName}`}>
          {p.groups}
        </Link>
      ),
  },
];

/** Issue 16 §4: find a producer by Agent Unique ID or name, to read their book (read-only). */
export function StaffBookPage() {
  return (
    <ToolPage tool="staff-book">
      {() => (
        <>
          <PageHeading>Book of Business</PageHeading>
          <ProducerSearch />
        </>
      )}
    </ToolPage>
  );
}

function ProducerSearch() {
  const idPrefix = useId();
  const { query, setQuery } = useUrlQuery(ZAddress);
  const q = query.q;
  const boxes = useMemo(() => ({ q: q ?? '' }), [q]);
  const form = useZodForm(ZStaffProducerQuery, boxes);
  const { reset } = form;
  useEffect(() => reset(boxes), [reset, boxes]);
  const producers = useQuery({ queryKey: staffBookKeys.producers(q ?? ''), queryFn: () => findProducers(q ?? ''), enabled: q !== undefined && q.length >= 2 });
  const data = producers.data;
  return (
    <>
      <p className="lead">
        Read any producer&apos;s book of business as they see it: their clients, applications and premium payments in each state they are appointed in, and the
        employer groups their producer ID is producer of record for. Nothing here can be changed; opening a client and downloading a list are recorded in the
        audit log.
      </p>
      <form className="toolbar" role="search" aria-label="Find a producer" noValidate onSubmit={form.submitWith(async ({ q: next }) => setQuery({ q: next }))}>
        <TextField
          id={`${idPrefix}-q`}
          label="Agent Unique ID or name"
          hint="9 digits, or the start of a name (Last, First)"
          autoComplete="off"
          {...form.field('q')}
        />
        <button type="submit" className="button button-primary">
          Find
        </button>
      </form>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      {producers.error ? <ErrorAlert>{producers.error.message}</ErrorAlert> : null}
      {data ? (
        <DataTable
          caption={`Producers matching “${q ?? ''}”`}
          columns={COLUMNS}
          rows={data.items}
          rowKey={(p) => p.agentId}
          empty="No producer matches. Check the Agent Unique ID, or type fewer letters of the name."
          busy={producers.isFetching}
        />
      ) : producers.isFetching ? (
        <p role="status" className="loading">
          Looking for producers…
        </p>
      ) : null}
    </>
  );
}
