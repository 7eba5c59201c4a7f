// Server data for the signed-in pages: cached by key, refreshed when a change invalidates it. A 401
// on any read means the session ended meanwhile: the account's data and the session are forgotten,
// and the page's useRequiredSession sends the user to log in (and back here afterwards).
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api.ts';
import { SESSION_QUERY_KEY, forgetAccount } from '../features/identity/session-query.ts';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== SESSION_QUERY_KEY[0]) forgetAccount(client);
      },
    }),
    defaultOptions: {
      // A refusal will not change by asking again; a network failure shows its message and a retry button.
      queries: { retry: false },
      mutations: { retry: false },
    },
  });
  return client;
}
