import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { PORTAL_IDS, type TPortalId } from '../../../shared/portals.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { UserList } from '../user-admin/UserList.tsx';
import { staffUsersCsv } from './staff-api.ts';

/** Staff console: find a user in any portal; reinstate, unlock or reset a password (LC-4). */
export function StaffUsersPage() {
  return <ToolPage tool="staff-users">{(session) => <StaffUsers session={session} />}</ToolPage>;
}

/** Help desk and producer services serve the business portals; the security administrator also staff IDs. */
function portalsOf(role: string): readonly TPortalId[] {
  return role === 'security-admin' ? PORTAL_IDS : PORTAL_IDS.filter((id) => id !== 'staff');
}

/** Producer services may look users up but not export them (src/server/platform/policy.ts). */
function canExport(role: string): boolean {
  return role === 'help-desk' || role === 'security-admin';
}

function StaffUsers({ session }: { session: TSessionResponse }) {
  const role = session.user.role;
  return (
    <>
      <PageHeading>User Search</PageHeading>
      <p className="lead">Find a user of any portal by name, user name or e-mail address. Verify the caller before you reset a password.</p>
      <UserList
        scope="staff"
        portals={portalsOf(role)}
        caption="Users"
        columns={['email', 'portal', 'role', 'tenant']}
        noun="Users"
        header={(query) =>
          canExport(role) ? (
            <p className="list-header">
              <a className="download-link" href={staffUsersCsv(query)} download>
                Download these users (CSV)
              </a>
            </p>
          ) : null
        }
      />
    </>
  );
}
