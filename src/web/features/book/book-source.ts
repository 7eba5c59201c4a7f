// Whose book a book page shows, and where its links go. The producer's own book by default (the
// retail and producers portals); the staff console gives the same pages a producer's book in a
// state of the staff member's choosing (issue 16 §4), read through /api/staff/book/… instead.
import { createContext, useContext } from 'react';
import type { TState } from '../../../shared/portals.ts';
import { paths } from '../../app/routes.ts';

export interface TBookSource {
  /** The API's prefix of the book's routes: /api/book for the user's own. */
  api: string;
  /** What every retail-book request adds to its query: the state staff chose (the producer's is the session's). */
  scope: Readonly<Record<string, string>>;
  /** The page addresses the lists link to. */
  paths: { clients: () => string; client: (clientId: string) => string; group: (accountNumber: string) => string };
  /** The signed-in user's own book ("Your clients"), or a producer's read by staff. */
  own: boolean;
}

export const OWN_BOOK: TBookSource = {
  api: '/api/book',
  scope: {},
  paths: { clients: paths.bookClients, client: paths.bookClient, group: paths.groupBookGroup },
  own: true,
};

/** A producer's book as staff read it: their retail book in `state`, or their producer ID's groups. */
export function staffBookSource(agentId: string, state: TState | undefined): TBookSource {
  const clientsOf = (s: TState) => ({
    clients: () => paths.staffBookClients(agentId, s),
    client: (clientId: string) => paths.staffBookClient(agentId, s, clientId),
  });
  const none = { clients: () => paths.staffBookProducer(agentId), client: () => paths.staffBookProducer(agentId) };
  return {
    api: `/api/staff/book/producers/${encodeURIComponent(agentId)}`,
    scope: state ? { state } : {},
    paths: { ...(state ? clientsOf(state) : none), group: (accountNumber) => paths.staffBookGroup(agentId, accountNumber) },
    own: false,
  };
}

export const BookSourceContext = createContext<TBookSource>(OWN_BOOK);

export function useBookSource(): TBookSource {
  return useContext(BookSourceContext);
}
