import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { PORTAL_DEFINITIONS, isPortalId, type TPortalId } from '../../../shared/portals.ts';
import { PAGE_SIZE_DEFAULT, USER_STATUS_FILTERS, type TAdminUser, type TUserSort, type TUserStatusFilter } from '../../../shared/user-admin-schemas.ts';
import { DataTable, type TColumn, type TSort } from '../../ui/DataTable.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useRemoteData } from '../../ui/useRemoteData.ts';
import { searchUsers, type TUserAdminScope, type TUserListQuery } from './user-admin-api.ts';
import { UserStatus, statusOptions } from './user-display.tsx';
import { useUserActions, type TActionOutcome } from './UserActions.tsx';

export type TOptionalColumn = 'email' | 'role' | 'portal' | 'tenant';

interface TUserListProps {
  scope: TUserAdminScope;
  csrfToken: string;
  /** The table's caption, e.g. "Sub-users of producer ID 000600501". */
  caption: string;
  columns: readonly TOptionalColumn[];
  /** Staff search across portals: a filter over these portals, and deleted IDs can be looked up. */
  portals?: readonly TPortalId[] | undefined;
  /** Shown at the top of the list, above the search (LC-6's "Download All Users" link); may use the search in force. */
  header?: ReactNode | ((query: TUserListQuery) => ReactNode);
  /** Changes when a user was created elsewhere on the page: the list loads again. */
  refreshKey?: number;
  /** For the pagination's name, e.g. "Sub-users". */
  noun: string;
}

interface TQuery {
  q: string;
  status: TUserStatusFilter | '';
  portal: TPortalId | '';
  sort: TSort<TUserSort>;
  page: number;
}

function isStatusFilter(value: string): value is TUserStatusFilter {
  return (USER_STATUS_FILTERS as readonly string[]).includes(value);
}

function toApiQuery(query: TQuery): TUserListQuery {
  return {
    q: query.q || undefined,
    status: query.status || undefined,
    portal: query.portal || undefined,
    sort: query.sort.key,
    dir: query.sort.direction,
    page: query.page,
    pageSize: PAGE_SIZE_DEFAULT,
  };
}

/** A searchable, sortable, paginated list of users with the actions the server allows on each. */
export function UserList({ scope, csrfToken, caption, columns, portals, header, refreshKey = 0, noun }: TUserListProps) {
  const idPrefix = useId();
  const [query, setQuery] = useState<TQuery>({ q: '', status: '', portal: '', sort: { key: 'name', direction: 'asc' }, page: 1 });
  const [draft, setDraft] = useState({ q: '', status: '', portal: '' });
  const [outcome, setOutcome] = useState<TActionOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const apiQuery = toApiQuery(query);
  const list = useRemoteData(`${refreshKey}:${JSON.stringify(apiQuery)}`, () => searchUsers(scope, apiQuery));

  const onOutcome = (next: TActionOutcome) => {
    setOutcome(next);
    if (next.kind === 'success') list.reload();
    // The button that was used may be gone now (Disable becomes Reinstate): continue from the message.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };
  const actions = useUserActions(scope, csrfToken, onOutcome);

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setOutcome(null);
    setQuery((previous) => ({
      ...previous,
      q: draft.q.trim(),
      status: isStatusFilter(draft.status) ? draft.status : '',
      portal: isPortalId(draft.portal) ? draft.portal : '',
      page: 1,
    }));
  };

  const allColumns: TColumn<TAdminUser, TUserSort>[] = [
    { id: 'username', label: 'User Name', sortKey: 'username', rowHeader: true, render: (user) => user.username },
    { id: 'name', label: 'Name', sortKey: 'name', render: (user) => user.displayName },
    ...(columns.includes('email') ? [{ id: 'email', label: 'E-mail Address', render: (user: TAdminUser) => user.email ?? '—' }] : []),
    ...(columns.includes('portal') ? [{ id: 'portal', label: 'Portal', render: (user: TAdminUser) => PORTAL_DEFINITIONS[user.portal].name }] : []),
    ...(columns.includes('role') ? [{ id: 'role', label: 'Role', render: (user: TAdminUser) => user.roleLabel }] : []),
    ...(columns.includes('tenant')
      ? [
          {
            id: 'tenant',
            label: 'Producer ID / Group',
            render: (user: TAdminUser) => (user.producer ? user.producer.agentUniqueId : user.group ? `${user.group.name} (${user.group.accountNumber})` : '—'),
          },
        ]
      : []),
    { id: 'status', label: 'Status', sortKey: 'status', render: (user) => <UserStatus user={user} /> },
    { id: 'lastLogin', label: 'Last Login Date', sortKey: 'lastLogin', render: (user) => formatDateTime(user.lastLoginAt) },
    { id: 'actions', label: 'Actions', render: (user) => actions.buttons(user) },
  ];

  const data = list.data;
  return (
    <div className="user-list">
      {typeof header === 'function' ? header(apiQuery) : header}
      <form className="toolbar" role="search" aria-label={`Search ${noun.toLowerCase()}`} onSubmit={search}>
        <div className="toolbar-grow">
          <TextField
            id={`${idPrefix}-q`}
            name="q"
            type="search"
            label="Name, User Name or E-mail"
            value={draft.q}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
          />
        </div>
        {portals ? (
          <SelectField
            id={`${idPrefix}-portal`}
            name="portal"
            label="Portal"
            placeholder="All portals"
            options={portals.map((id) => ({ value: id, label: PORTAL_DEFINITIONS[id].name }))}
            value={draft.portal}
            onChange={(event) => setDraft({ ...draft, portal: event.target.value })}
          />
        ) : null}
        <SelectField
          id={`${idPrefix}-status`}
          name="status"
          label="Status"
          placeholder="All statuses"
          options={statusOptions(portals !== undefined)}
          value={draft.status}
          onChange={(event) => setDraft({ ...draft, status: event.target.value })}
        />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="outcome">
        {outcome?.kind === 'error' ? <ErrorAlert>{outcome.message}</ErrorAlert> : null}
        <LiveStatus>{outcome?.kind === 'success' ? outcome.message : null}</LiveStatus>
      </div>
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption={caption}
            columns={allColumns}
            rows={data.items}
            rowKey={(user) => user.id}
            sort={query.sort}
            onSort={(sort) => setQuery({ ...query, sort, page: 1 })}
            empty={query.q || query.status || query.portal ? 'No users match this search.' : 'There are no users yet.'}
            busy={list.loading}
          />
          <Pagination
            offset={(data.page - 1) * data.pageSize}
            shown={data.items.length}
            pageSize={data.pageSize}
            total={data.total}
            label={noun}
            onPage={(offset) => setQuery({ ...query, page: Math.floor(offset / data.pageSize) + 1 })}
          />
        </>
      ) : list.error ? null : (
        <p role="status" className="loading">
          Loading users…
        </p>
      )}
      {actions.dialog}
    </div>
  );
}
