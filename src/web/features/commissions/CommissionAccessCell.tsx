import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TCommissionGrants } from '../../../shared/commission-schemas.ts';
import type { TAdminUser } from '../../../shared/user-admin-schemas.ts';
import { LiveStatus } from '../../ui/Messages.tsx';
import { changeCommissionAccess, commissionKeys, fetchCommissionGrants } from './commissions-api.ts';

/**
 * In the Password Manager: whether this sub-user may see the producer ID's commissions (issue 17
 * §2). Every row reads the one list of grants (one request for the page), and a change updates it.
 */
export function CommissionAccessCell({ user }: { user: TAdminUser }) {
  const id = useId();
  const queryClient = useQueryClient();
  const grants = useQuery({ queryKey: commissionKeys.grants, queryFn: fetchCommissionGrants });
  const allowed = grants.data?.allowedUserIds.includes(user.id);
  const [announcement, setAnnouncement] = useState<string | null>(null);
  // The box shows the choice at once (set in the click's own event); the server's answer replaces it, a refusal puts it back.
  const [choice, setChoice] = useState<boolean | null>(null);
  const change = useMutation({
    mutationFn: (next: boolean) => changeCommissionAccess(user.id, next),
    onSuccess: (result) => {
      queryClient.setQueryData<TCommissionGrants>(commissionKeys.grants, (list) => {
        const others = (list?.allowedUserIds ?? []).filter((userId) => userId !== user.id);
        return { allowedUserIds: result.allowed ? [...others, user.id] : others };
      });
      setAnnouncement(result.allowed ? `${user.username} may now see commissions.` : `${user.username} no longer sees commissions.`);
    },
    onError: (error) => setAnnouncement(error.message),
    onSettled: () => setChoice(null),
  });
  if (grants.error) return <span className="status-note-inline">{grants.error.message}</span>;
  return (
    <>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={choice ?? allowed ?? false}
          disabled={!grants.data}
          onChange={(event) => {
            setChoice(event.target.checked);
            change.mutate(event.target.checked);
          }}
        />
        <span className="visually-hidden">{user.username} </span>sees commissions
      </label>
      <LiveStatus>{announcement}</LiveStatus>
    </>
  );
}
