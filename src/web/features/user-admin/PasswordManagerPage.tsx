import { useState } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { ToolPage } from './ToolPage.tsx';
import { UserList } from './UserList.tsx';

/** LC-5: the Primary Producer's sub-users of their own producer ID. */
export function PasswordManagerPage() {
  return <ToolPage tool="password-manager">{(session) => <PasswordManager session={session} />}</ToolPage>;
}

function PasswordManager({ session }: { session: TSessionResponse }) {
  const [created, setCreated] = useState(0);
  const producerId = session.user.producer?.agentUniqueId;
  return (
    <>
      <PageHeading>Password Manager</PageHeading>
      <p className="lead">
        The sub-users of {session.user.producer?.company ?? 'your agency'}
        {producerId ? ` (producer ID ${producerId})` : ''}: their status and last login date. Reset a password, unlock, disable or reinstate a sub-user, or
        create a new one.
      </p>
      <h2>Sub-Users</h2>
      <UserList
        scope="password-manager"
        csrfToken={session.csrfToken}
        caption={producerId ? `Sub-users of producer ID ${producerId}` : 'Sub-users'}
        columns={['email']}
        noun="Sub-users"
        refreshKey={created}
      />
      <CreateUserForm kind="sub-user" csrfToken={session.csrfToken} title="Create Sub-User" onCreated={() => setCreated((n) => n + 1)} />
    </>
  );
}
