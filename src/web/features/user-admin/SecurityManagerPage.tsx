import { useState } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { ToolPage } from './ToolPage.tsx';
import { SECURITY_MANAGER_CSV } from './user-admin-api.ts';
import { UserList } from './UserList.tsx';

type TTabId = 'search' | 'create';

const TABS = [
  { id: 'search', label: 'Current Users - Search' },
  { id: 'create', label: 'Create User' },
] as const satisfies readonly { id: TTabId; label: string }[];

/** LC-6: the Delegated and Alternate Delegated Administrators' users of their own group. */
export function SecurityManagerPage() {
  return <ToolPage tool="security-manager">{(session) => <SecurityManager session={session} />}</ToolPage>;
}

function SecurityManager({ session }: { session: TSessionResponse }) {
  // "Current Users - Search" is the default tab (seed 000).
  // The tab is this page's own state: selecting one must show at once (arrow keys, aria-selected), and
  // it is not a step for Back. The page's one list keeps its search, sort and page in the address
  // (UserList), also while the other tab is open, so coming back shows the same list.
  const [tab, setTab] = useState<TTabId>('search');
  const group = session.user.group;
  return (
    <>
      <PageHeading>Security Manager</PageHeading>
      {group ? (
        <p className="lead">
          Users of {group.name} (group {group.accountNumber}).
        </p>
      ) : null}
      <Tabs label="Security Manager" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'search' ? (
          <UserList
            scope="security-manager"
            caption={group ? `Current users of ${group.name}` : 'Current users'}
            columns={['email', 'role']}
            noun="Users"
            header={
              <div className="list-header">
                <h2>Current Users</h2>
                {/* A plain link: the browser downloads the streamed file itself (LC-6). */}
                <a className="download-link" href={SECURITY_MANAGER_CSV} download>
                  Download All Users
                </a>
              </div>
            }
          />
        ) : (
          // A new user shows up in the list by itself: the creation invalidates the group's lists.
          <CreateUserForm kind="group-user" title="Create User" chooseRole={session.user.role === 'delegated-admin'} />
        )}
      </Tabs>
    </>
  );
}
