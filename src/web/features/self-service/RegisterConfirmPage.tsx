import { useEffect, useState } from 'react';
import type { TPortalId } from '../../../shared/portals.ts';
import { SELF_SERVICE_TEXTS, ZConfirmRegistrationRequest } from '../../../shared/self-service-schemas.ts';
import { isApiError } from '../../api.ts';
import { Link } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { ErrorAlert, StatusMessage } from '../../ui/Messages.tsx';
import { confirmRegistration } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

type TOutcome = { kind: 'pending' } | { kind: 'confirmed'; message: string } | { kind: 'failed'; message: string };

// A link is single-use: send each token once per page load, even if the page renders twice.
const sent = new Map<string, Promise<TOutcome>>();

function confirmOnce(token: string): Promise<TOutcome> {
  let outcome = sent.get(token);
  if (!outcome) {
    outcome = confirmRegistration(token).then(
      (answer): TOutcome => ({ kind: 'confirmed', message: answer.message || SELF_SERVICE_TEXTS.registrationConfirmed }),
      (failure: unknown): TOutcome => ({ kind: 'failed', message: isApiError(failure) ? failure.message : 'Something went wrong. Please try again.' }),
    );
    sent.set(token, outcome);
  }
  return outcome;
}

/** ID-5: the page the registration e-mail links to; it confirms the registration at once. */
export function RegisterConfirmPage({ portalId, token }: { portalId: TPortalId; token: string }) {
  const checked = ZConfirmRegistrationRequest.safeParse({ token });
  const invalidLink = checked.success ? null : (checked.error.issues[0]?.message ?? 'The confirmation link is not valid.');
  const [outcome, setOutcome] = useState<TOutcome>({ kind: 'pending' });

  useEffect(() => {
    if (invalidLink) return;
    let cancelled = false;
    void confirmOnce(token).then((result) => {
      if (!cancelled) setOutcome(result);
    });
    return () => {
      cancelled = true;
    };
  }, [token, invalidLink]);

  const shown: TOutcome = invalidLink ? { kind: 'failed', message: invalidLink } : outcome;

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
