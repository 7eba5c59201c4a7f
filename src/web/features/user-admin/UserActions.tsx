import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TAdminUser, TUserRowAction } from '../../../shared/user-admin-schemas.ts';
import { isApiError } from '../../api.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ACTION_LABELS, ACTION_ORDER } from './user-display.tsx';
import { runUserAction, userAdminKeys, type TUserAdminScope } from './user-admin-api.ts';

/** Actions that take something away from the user are confirmed first. */
const CONFIRMED: ReadonlySet<TUserRowAction> = new Set(['disable', 'reset_password']);

export interface TActionOutcome {
  kind: 'success' | 'error';
  message: string;
  /** The user as the server now has it (after a success). */
  user?: TAdminUser;
}

interface TPending {
  user: TAdminUser;
  action: TUserRowAction;
}

function confirmation({ user, action }: TPending): { title: string; body: string; confirmLabel: string } {
  const who = `${user.displayName} (${user.username})`;
  switch (action) {
    case 'disable':
      return {
        title: 'Disable User ID',
        body: `Disable ${who}? They will not be able to log in until the ID is reinstated, and any session they have open ends.`,
        confirmLabel: 'Disable User ID',
      };
    case 'reset_password':
      return {
        title: 'Reset Password',
        body: `Reset the password of ${who}? Their current password stops working; a temporary password will be e-mailed to ${user.email ?? 'the address on file'}, to be changed at the next login.`,
        confirmLabel: 'Reset Password',
      };
    case 'unlock':
      return { title: 'Unlock User ID', body: `Unlock ${who}?`, confirmLabel: 'Unlock' };
    case 'reinstate':
      return { title: 'Reinstate User ID', body: `Reinstate ${who}?`, confirmLabel: 'Reinstate' };
  }
}

/**
 * The row actions the server allows for each user, and the confirmation before the ones
 * that take access away. One instance serves a whole table (one dialog at a time).
 */
export function useUserActions(scope: TUserAdminScope, onOutcome: (outcome: TActionOutcome) => void) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<TPending | null>(null);
  const mutation = useMutation({
    mutationFn: ({ user, action }: TPending) => runUserAction(scope, user.id, action),
    // Awaited: the buttons stay disabled until the list shows the user as the server now has it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userAdminKeys.lists(scope) }),
  });
  const busy = mutation.isPending;

  const run = (request: TPending) => {
    if (mutation.isPending) return;
    mutation.mutate(request, {
      onSuccess: (answer) => onOutcome({ kind: 'success', message: answer.message, user: answer.user }),
      onError: (failure) => onOutcome({ kind: 'error', message: isApiError(failure) ? failure.message : 'Something went wrong. Please try again.' }),
      onSettled: () => setPending(null),
    });
  };

  const start = (user: TAdminUser, action: TUserRowAction) => {
    if (CONFIRMED.has(action)) setPending({ user, action });
    else run({ user, action });
  };

  const buttons = (user: TAdminUser) => {
    const allowed = ACTION_ORDER.filter((action) => user.actions.includes(action));
    if (allowed.length === 0) {
      return (
        <>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">No actions</span>
        </>
      );
    }
    return (
      <ul className="row-actions">
        {allowed.map((action) => (
          <li key={action}>
            <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => start(user, action)}>
              {ACTION_LABELS[action]}
              <span className="visually-hidden"> {user.username}</span>
            </button>
          </li>
        ))}
      </ul>
    );
  };

  const dialog = pending
    ? (() => {
        const text = confirmation(pending);
        return (
          <ConfirmDialog
            title={text.title}
            confirmLabel={text.confirmLabel}
            destructive={pending.action === 'disable'}
            busy={busy}
            onConfirm={() => run(pending)}
            onCancel={() => setPending(null)}
          >
            <p>{text.body}</p>
          </ConfirmDialog>
        );
      })()
    : null;

  return { buttons, dialog, busy };
}
