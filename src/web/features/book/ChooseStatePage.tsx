import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { STATE_NAMES, type TState } from '../../../shared/portals.ts';
import { paths, safeNext } from '../../app/routes.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { bookKeys, chooseBookState, fetchBookStates } from './book-api.ts';

/**
 * BK-1: the retail producer picks the state to work in, one of those they are appointed in; every
 * view of the book is of that state until they switch (Account menu) or sign out.
 */
export function ChooseStatePage() {
  return (
    <SignedInPage portalId="retail" title="Choose your state">
      {() => (
        <>
          <PageHeading>Choose your state</PageHeading>
          <StateChoiceAndReturn />
        </>
      )}
    </SignedInPage>
  );
}

/** The choice, then on to the page that asked for it (?next=), or home. */
function StateChoiceAndReturn() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return <StateChoice onChosen={() => navigate(safeNext('retail', params.get('next')) ?? paths.home('retail'))} />;
}

/** The appointed states as buttons; choosing one makes every book view of that state. */
export function StateChoice({ onChosen }: { onChosen?: () => Promise<void> | void }) {
  const queryClient = useQueryClient();
  const states = useQuery({ queryKey: bookKeys.states, queryFn: fetchBookStates });
  const choose = useMutation({
    mutationFn: chooseBookState,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: bookKeys.all });
      await onChosen?.();
    },
  });
  if (states.error) return <ErrorAlert>{states.error.message}</ErrorAlert>;
  if (!states.data) {
    return (
      <p role="status" className="loading">
        Loading your states…
      </p>
    );
  }
  const { appointed, chosen } = states.data;
  if (appointed.length === 0) {
    return <p>You are not appointed in any state yet, so there is no book of business to show. Please call Producer Services.</p>;
  }
  return (
    <>
      <p className="lead">Your applications, clients and payments are shown for one state at a time. Choose the state to work in.</p>
      {choose.error ? <ErrorAlert>{choose.error.message}</ErrorAlert> : null}
      <ul className="choice-list">
        {appointed.map((state: TState) => (
          <li key={state}>
            <button
              type="button"
              className={state === chosen ? 'button button-primary' : 'button'}
              aria-pressed={state === chosen}
              disabled={choose.isPending}
              onClick={() => choose.mutate(state)}
            >
              {STATE_NAMES[state]} ({state})
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
