import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { TAdminUser } from '../../../shared/user-admin-schemas.ts';
import { LiveStatus } from '../../ui/Messages.tsx';
import { changeCommissionAccess, commissionKeys, fetchCommissionAccess } from './commissions-api.ts';

/** In the Password Manager: whether this sub-user may see the producer ID's commissions (issue 17 §2). */
export function CommissionAccessCell({ user }: { user: TAdminUser }) {
  const id = useId();
  const queryClient = useQueryClient();
  const access = useQuery({ queryKey: commissionKeys.access(user.id), queryFn: () => fetchCommissionAccess(user.id) });
  const [announcement, setAnnouncement] = useState<string | null>(null);
  const key = commissionKeys.access(user.id);
  // The box shows the choice at once (set in the click's own event); the server's answer replaces it, a refusal puts it back.
  const [choice, setChoice] = useState<boolean | null>(null);
  const change = useMutation({
    mutationFn: (allowed: boolean) => changeCommissionAccess(user.id, allowed),
    onSuccess: (result) => {
      queryClient.setQueryData(key, result);
      setAnnouncement(result.allowed ? `${user.username} may now see commissions.` : `${user.username} no longer sees commissions.`);
    },
    onError: (error) => setAnnouncement(error.message),
    onSettled: () => setChoice(null),
  });
  if (access.error) return <span className="status-note-inline">{access.error.message}</span>;
  return (
    <>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={choice ?? access.data?.allowed ?? false}
          disabled={!access.data}
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
