// The signed-in session as server state: one cached answer of GET /api/session that a login hands
// over, and a logout or any 401 (see app/query-client.ts) forgets. The server's cookie is the truth.
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { fetchSession } from './identity-api.ts';
import { takeHandedOffSession } from './session-handoff.ts';

export const SESSION_QUERY_KEY = ['session'] as const;

/** The session (null: none), undefined while it is looked up. */
export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchSession, staleTime: Infinity });
}

/**
 * Where the signed-in pages start (their layout mounts): a session a login just handed over is
 * taken as is; a "no session" left from before is not believed, since the user may have signed in
 * since (in the login page, or another tab), so the pages ask again.
 */
export function adoptSession(client: QueryClient): void {
  const handedOff = takeHandedOffSession();
  if (handedOff) client.setQueryData<TSessionResponse | null>(SESSION_QUERY_KEY, handedOff);
  else if (client.getQueryData(SESSION_QUERY_KEY) === null) client.removeQueries({ queryKey: SESSION_QUERY_KEY });
}

/** The session ended (logout, password change, expiry): nothing of the account stays in the tab. */
export function forgetAccount(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
  client.setQueryData<TSessionResponse | null>(SESSION_QUERY_KEY, null);
}
