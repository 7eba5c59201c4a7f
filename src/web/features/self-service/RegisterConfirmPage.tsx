import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TPortalId } from '../../../shared/portals.ts';
import { SELF_SERVICE_TEXTS, ZConfirmRegistrationRequest } from '../../../shared/self-service-schemas.ts';
import { isApiError } from '../../api.ts';
import { paths } from '../../app/routes.ts';
import { ErrorAlert, StatusMessage } from '../../ui/Messages.tsx';
import { confirmRegistration, registrationConfirmationKey } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

type TOutcome = { kind: 'pending' } | { kind: 'confirmed'; message: string } | { kind: 'failed'; message: string };

/** ID-5: the page the registration e-mail links to; it confirms the registration at once. */
export function RegisterConfirmPage({ portalId, token }: { portalId: TPortalId; token: string }) {
  const checked = ZConfirmRegistrationRequest.safeParse({ token });
  const invalidLink = checked.success ? null : (checked.error.issues[0]?.message ?? 'The confirmation link is not valid.');
  // A link is single-use: the answer is kept for the page load and never asked for again
  // (no refetch on focus or remount), so a second render cannot spend the link twice.
  const confirmation = useQuery({
    queryKey: registrationConfirmationKey(token),
    queryFn: () => confirmRegistration(token),
    enabled: invalidLink === null,
    staleTime: Infinity,
    gcTime: Infinity,
  });

  const shown: TOutcome = invalidLink
    ? { kind: 'failed', message: invalidLink }
    : confirmation.isSuccess
      ? { kind: 'confirmed', message: confirmation.data.message || SELF_SERVICE_TEXTS.registrationConfirmed }
      : confirmation.isError
        ? { kind: 'failed', message: isApiError(confirmation.error) ? confirmation.error.message : 'Something went wrong. Please try again.' }
        : { kind: 'pending' };

  return (
    <SelfServiceLayout portalId={portalId} title="Confirm Registration">
      {shown.kind === 'pending' ? (
        <p role="status" className="loading">
          Confirming your registration…
        </p>
      ) : shown.kind === 'confirmed' ? (
        <>
          <StatusMessage>{shown.message}</StatusMessage>
          <p>
            <Link to={paths.login(portalId)} className="button button-primary button-link">
              Log in
            </Link>
          </p>
        </>
      ) : (
        <>
          <ErrorAlert>{shown.message}</ErrorAlert>
          <p>
            <Link to={paths.register(portalId)}>Register again</Link>
          </p>
        </>
      )}
    </SelfServiceLayout>
  );
}
