import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { PORTAL_DEFINITIONS, type TPortalId } from '../../../shared/portals.ts';
import {
  ZStaffUserSearchQuery,
  ZUserSearchQuery,
  type TAdminUser,
  type TStaffUserSearchQuery,
  type TUserSearchQuery,
  type TUserSort,
} from '../../../shared/user-admin-schemas.ts';
import { DataTable, type TColumn } from '../../ui/DataTable.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { Pagination } from '../../ui/Pagination.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useUrlQuery } from '../../ui/useUrlQuery.ts';
import { searchUsers, userAdminKeys, type TUserAdminScope, type TUserListQuery } from './user-admin-api.ts';
import { UserStatus } from './user-display.tsx';
import { useUserActions, type TActionOutcome } from './UserActions.tsx';
import { UserSearchForm, type TUserSearch } from './UserSearchForm.tsx';
import { CommissionAccessCell } from '../commissions/CommissionAccessCell.tsx';

export type TOptionalColumn = 'email' | 'role' | 'portal' | 'tenant' | 'commissions';

interface TUserListProps {
  scope: TUserAdminScope;
  /** The table's caption, e.g. "Sub-users of producer ID 000600501". */
  caption: string;
  columns: readonly TOptionalColumn[];
  /** Staff search across portals: a filter over these portals, and deleted IDs can be looked up. */
  portals?: readonly TPortalId[] | undefined;
  /** Shown at the top of the list, above the search (LC-6's "Download All Users" link); may use the search in force. */
  header?: ReactNode | ((query: TUserListQuery) => ReactNode);
  /** For the pagination's name, e.g. "Sub-users". */
  noun: string;
}

/** Each API's own query schema reads the address: the tenant tools refuse the staff filters. */
const QUERY_SCHEMAS = {
  'password-manager': ZUserSearchQuery,
  'security-manager': ZUserSearchQuery,
  staff: ZStaffUserSearchQuery,
} as const satisfies Record<TUserAdminScope, typeof ZUserSearchQuery | typeof ZStaffUserSearchQuery>;

type TListState = TUserSearchQuery & Partial<Pick<TStaffUserSearchQuery, 'portal' | 'producer' | 'group'>>;

function columnsOf(optional: readonly TOptionalColumn[], actions: (user: TAdminUser) => ReactNode): TColumn<TAdminUser, TUserSort>[] {
  return [
    { id: 'username', label: 'User Name', sortKey: 'username', rowHeader: true, render: (user) => user.username },
    { id: 'name', label: 'Name', sortKey: 'name', render: (user) => user.displayName },
    ...(optional.includes('email') ? [{ id: 'email', label: 'E-mail Address', render: (user: TAdminUser) => user.email ?? '—' }] : []),
    ...(optional.includes('portal') ? [{ id: 'portal', label: 'Portal', render: (user: TAdminUser) => PORTAL_DEFINITIONS[user.portal].name }] : []),
    ...(optional.includes('role') ? [{ id: 'role', label: 'Role', render: (user: TAdminUser) => user.roleLabel }] : []),
    ...(optional.includes('tenant')
      ? [
          {
            id: 'tenant',
            label: 'Producer ID / Group',
            render: (user: TAdminUser) => (user.producer ? user.producer.agentUniqueId : user.group ? `${user.group.name} (${user.group.accountNumber})` : '—'),
          },
        ]
      : []),
    ...(optional.includes('commissions')
      ? [
          {
            id: 'commissions',
            label: 'Commissions',
            // Only a sub-user's access is the Primary Producer's to give (issue 17 §2).
            render: (user: TAdminUser) => (user.role === 'producer-user' && user.status !== 'deleted' ? <CommissionAccessCell user={user} /> : '—'),
          },
        ]
      : []),
    { id: 'status', label: 'Status', sortKey: 'status', render: (user) => <UserStatus user={user} /> },
    { id: 'lastLogin', label: 'Last Login Date', sortKey: 'lastLogin', render: (user) => formatDateTime(user.lastLoginAt) },
    { id: 'actions', label: 'Actions', render: actions },
  ];
}

/**
 * A searchable, sortable, paginated list of users with the actions the server allows on each.
 * The search, filters, sort and page live in the address (one list per page: plain names), so
 * Back, Forward and a reload show the same list.
 */
export function UserList({ scope, caption, columns, portals, header, noun }: TUserListProps) {
  const url = useUrlQuery(QUERY_SCHEMAS[scope]);
  const state: TListState = url.query;
  const { setQuery } = url;
  // The status filter offers deleted IDs to staff only; a hand-made address asking for them elsewhere is ignored.
  const query: TListState = portals || state.status !== 'deleted' ? state : { ...state, status: undefined };
  const [outcome, setOutcome] = useState<TActionOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const list = useQuery({
    queryKey: userAdminKeys.list(scope, query),
    queryFn: () => searchUsers(scope, query),
    // The table keeps the rows it has until the next page or search arrives, instead of jumping.
    placeholderData: keepPreviousData,
  });

  const actions = useUserActions(scope, (next) => {
    setOutcome(next);
    // The button that was used may be gone now (Disable becomes Reinstate): continue from the message.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  });

  const search = ({ q, status, portal }: TUserSearch) => {
    setOutcome(null);
    setQuery({ q, status, portal, page: undefined });
  };

  const filtered = Boolean(query.q || query.status || query.portal || query.producer || query.group);
  const data = list.data;
  return (
    <div className="user-list">
      {typeof header === 'function' ? header(query) : header}
      <UserSearchForm search={query} onSearch={search} portals={portals} noun={noun} />
      <div ref={outcomeRef} tabIndex={-1} className="outcome">
        {outcome?.kind === 'error' ? <ErrorAlert>{outcome.message}</ErrorAlert> : null}
        <LiveStatus>{outcome?.kind === 'success' ? outcome.message : null}</LiveStatus>
      </div>
      {list.error ? <ErrorAlert>{list.error.message}</ErrorAlert> : null}
      {data ? (
        <>
          <DataTable
            caption={caption}
            columns={columnsOf(columns, actions.buttons)}
            rows={data.items}
            rowKey={(user) => user.id}
            sort={{ key: query.sort, direction: query.dir }}
            onSort={(sort) => setQuery({ sort: sort.key, dir: sort.direction, page: undefined })}
            empty={filtered ? 'No users match this search.' : 'There are no users yet.'}
            busy={list.isFetching}
          />
          <Pagination list={data} label={noun} onPage={(page) => setQuery({ page })} />
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
