import type { TAdminUser, TUserRowAction, TUserStatusFilter } from '../../../shared/user-admin-schemas.ts';
import type { TSelectOption } from '../../ui/SelectField.tsx';
import { formatDateTime } from '../../ui/format.ts';

export const STATUS_LABELS: Record<TAdminUser['status'], string> = {
  active: 'Active',
  pending: 'Pending confirmation',
  disabled: 'Disabled',
  deleted: 'Deleted',
};

const FILTER_LABELS: Record<TUserStatusFilter, string> = {
  active: 'Active',
  pending: 'Pending confirmation',
  disabled: 'Disabled',
  deleted: 'Deleted',
  locked: 'Locked',
};

/** The status filter's choices; `withDeleted` for staff, who may look up tombstones. */
export function statusOptions(withDeleted: boolean): TSelectOption[] {
  return (Object.keys(FILTER_LABELS) as TUserStatusFilter[])
    .filter((status) => withDeleted || status !== 'deleted')
    .map((status) => ({ value: status, label: FILTER_LABELS[status] }));
}

export const ACTION_LABELS: Record<TUserRowAction, string> = {
  reset_password: 'Reset Password',
  unlock: 'Unlock',
  disable: 'Disable',
  reinstate: 'Reinstate',
};

/** Buttons in this order whatever order the server lists them in. */
export const ACTION_ORDER: readonly TUserRowAction[] = ['reset_password', 'unlock', 'disable', 'reinstate'];

/** Status as a word (never colour alone), with the temporary lock (ID-2) beside it. */
export function UserStatus({ user }: { user: TAdminUser }) {
  const tone = user.status === 'active' ? 'status-active' : user.status === 'disabled' || user.status === 'deleted' ? 'status-disabled' : 'status-other';
  return (
    <>
      <span className={`status ${tone}`}>{STATUS_LABELS[user.status]}</span>
      {user.locked ? (
        <span className="status-note">
          <span className="status status-locked">Locked</span>
          {user.lockedUntil ? ` until ${formatDateTime(user.lockedUntil)}` : null}
        </span>
      ) : null}
    </>
  );
}
