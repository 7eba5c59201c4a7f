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
  const producerId = session.user.producer?.agentUniqueId;
  return (
    <>
      <PageHeading>Password Manager</PageHeading>
      <p className="lead">
        The sub-users of {session.user.producer?.company ?? 'your agency'}
        {producerId ? ` (producer ID ${producerId})` : ''}: their status and last login date, and whether they see commissions. Reset a password, unlock,
        disable or reinstate a sub-user, or create a new one.
      </p>
      <h2>Sub-Users</h2>
      {/* A new sub-user shows up in the list by itself: the creation invalidates the list. */}
      <UserList
        scope="password-manager"
        caption={producerId ? `Sub-users of producer ID ${producerId}` : 'Sub-users'}
        columns={['email', 'commissions']}
        noun="Sub-users"
      />
      <CreateUserForm kind="sub-user" title="Create Sub-User" />
    </>
  );
}
