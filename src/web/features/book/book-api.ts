// The book of business (BK-1 … BK-4, issue 16 §2 … §4) as the web uses it; shapes and routes are
// those of src/shared/book-schemas.ts. The lists and pages read from a source (book-source.ts): the
// user's own book, or a producer's read by staff.
import {
  ZApplicationPage,
  ZBookStates,
  ZBookSummary,
  ZClientDetail,
  ZClientPage,
  ZEmployerCoverage,
  ZGroupDetail,
  ZGroupPage,
  type TApplicationList,
  type TApplicationPage,
  type TBookStates,
  type TBookSummary,
  type TClientDetail,
  type TClientPage,
  type TClientSearch,
  type TEmployerCoverage,
  type TGroupDetail,
  type TGroupPage,
  type TGroupSearch,
} from '../../../shared/book-schemas.ts';
import type { TState } from '../../../shared/portals.ts';
import { apiRequest, isApiError, queryString } from '../../api.ts';
import { OWN_BOOK, type TBookSource } from './book-source.ts';

/** Which book a cached answer is of: the user's own, or which producer's in which state. */
const sourceKey = (source: TBookSource) => `${source.api}${queryString(source.scope)}`;

/** Query keys: choosing a state invalidates `all` (every view is of the chosen state). */
export const bookKeys = {
  all: ['book'] as const,
  states: ['book', 'states'] as const,
  summary: (source: TBookSource = OWN_BOOK) => ['book', 'summary', sourceKey(source)] as const,
  clients: (query: Partial<TClientSearch>, source: TBookSource = OWN_BOOK) => ['book', 'clients', query, sourceKey(source)] as const,
  client: (clientId: string, source: TBookSource = OWN_BOOK) => ['book', 'client', clientId, sourceKey(source)] as const,
  applications: (query: Partial<TApplicationList>, source: TBookSource = OWN_BOOK) => ['book', 'applications', query, sourceKey(source)] as const,
  groups: (query: Partial<TGroupSearch>, source: TBookSource = OWN_BOOK) => ['book', 'groups', query, sourceKey(source)] as const,
  group: (accountNumber: string, source: TBookSource = OWN_BOOK) => ['book', 'group', accountNumber, sourceKey(source)] as const,
  coverage: ['book', 'coverage'] as const,
};

export function fetchBookStates(): Promise<TBookStates> {
  return apiRequest('/api/book/states', { schema: ZBookStates });
}

export function chooseBookState(state: TState): Promise<TBookStates> {
  return apiRequest('/api/book/state', { method: 'PUT', body: { state }, schema: ZBookStates });
}

export function fetchBookSummary(source: TBookSource = OWN_BOOK): Promise<TBookSummary> {
  return apiRequest(`${source.api}/summary${queryString(source.scope)}`, { schema: ZBookSummary });
}

export function searchClients(query: Partial<TClientSearch>, source: TBookSource = OWN_BOOK): Promise<TClientPage> {
  return apiRequest(`${source.api}/clients${queryString({ ...query, ...source.scope })}`, { schema: ZClientPage });
}

export function listApplications(query: Partial<TApplicationList>, source: TBookSource = OWN_BOOK): Promise<TApplicationPage> {
  return apiRequest(`${source.api}/applications${queryString({ ...query, ...source.scope })}`, { schema: ZApplicationPage });
}

export function fetchClient(clientId: string, source: TBookSource = OWN_BOOK): Promise<TClientDetail> {
  return apiRequest(`${source.api}/clients/${encodeURIComponent(clientId)}${queryString(source.scope)}`, { schema: ZClientDetail });
}

/** The search's every match as CSV: a plain link, so the browser saves the file itself. */
export function clientsCsvUrl(query: Partial<TClientSearch>, source: TBookSource = OWN_BOOK): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `${source.api}/clients.csv${queryString({ ...filters, ...source.scope })}`;
}

/** The server's answer before a state is chosen: the page sends the producer to choose one. */
export function needsState(error: unknown): boolean {
  return isApiError(error) && error.code === 'book.state_required';
}

export function searchGroups(query: Partial<TGroupSearch>, source: TBookSource = OWN_BOOK): Promise<TGroupPage> {
  return apiRequest(`${source.api}/groups${queryString(query)}`, { schema: ZGroupPage });
}

export function groupsCsvUrl(query: Partial<TGroupSearch>, source: TBookSource = OWN_BOOK): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `${source.api}/groups.csv${queryString(filters)}`;
}

export function fetchGroup(accountNumber: string, source: TBookSource = OWN_BOOK): Promise<TGroupDetail> {
  return apiRequest(`${source.api}/groups/${encodeURIComponent(accountNumber)}`, { schema: ZGroupDetail });
}

export function fetchCoverage(): Promise<TEmployerCoverage> {
  return apiRequest('/api/book/coverage', { schema: ZEmployerCoverage });
}
