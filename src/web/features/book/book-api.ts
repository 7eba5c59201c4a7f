// The retail producer's book (BK-1 … BK-4) as the web uses it; shapes and routes are those of
// src/shared/book-schemas.ts.
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

/** Query keys: choosing a state invalidates `all` (every view is of the chosen state). */
export const bookKeys = {
  all: ['book'] as const,
  states: ['book', 'states'] as const,
  summary: ['book', 'summary'] as const,
  clients: (query: Partial<TClientSearch>) => ['book', 'clients', query] as const,
  client: (clientId: string) => ['book', 'client', clientId] as const,
  applications: (query: Partial<TApplicationList>) => ['book', 'applications', query] as const,
  groups: (query: Partial<TGroupSearch>) => ['book', 'groups', query] as const,
  group: (accountNumber: string) => ['book', 'group', accountNumber] as const,
  coverage: ['book', 'coverage'] as const,
};

export function fetchBookStates(): Promise<TBookStates> {
  return apiRequest('/api/book/states', { schema: ZBookStates });
}

export function chooseBookState(state: TState): Promise<TBookStates> {
  return apiRequest('/api/book/state', { method: 'PUT', body: { state }, schema: ZBookStates });
}

export function fetchBookSummary(): Promise<TBookSummary> {
  return apiRequest('/api/book/summary', { schema: ZBookSummary });
}

export function searchClients(query: Partial<TClientSearch>): Promise<TClientPage> {
  return apiRequest(`/api/book/clients${queryString(query)}`, { schema: ZClientPage });
}

export function listApplications(query: Partial<TApplicationList>): Promise<TApplicationPage> {
  return apiRequest(`/api/book/applications${queryString(query)}`, { schema: ZApplicationPage });
}

export function fetchClient(clientId: string): Promise<TClientDetail> {
  return apiRequest(`/api/book/clients/${encodeURIComponent(clientId)}`, { schema: ZClientDetail });
}

/** The search's every match as CSV: a plain link, so the browser saves the file itself. */
export function clientsCsvUrl(query: Partial<TClientSearch>): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/book/clients.csv${queryString(filters)}`;
}

/** The server's answer before a state is chosen: the page sends the producer to choose one. */
export function needsState(error: unknown): boolean {
  return isApiError(error) && error.code === 'book.state_required';
}

export function searchGroups(query: Partial<TGroupSearch>): Promise<TGroupPage> {
  return apiRequest(`/api/book/groups${queryString(query)}`, { schema: ZGroupPage });
}

export function groupsCsvUrl(query: Partial<TGroupSearch>): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/book/groups.csv${queryString(filters)}`;
}

export function fetchGroup(accountNumber: string): Promise<TGroupDetail> {
  return apiRequest(`/api/book/groups/${encodeURIComponent(accountNumber)}`, { schema: ZGroupDetail });
}

export function fetchCoverage(): Promise<TEmployerCoverage> {
  return apiRequest('/api/book/coverage', { schema: ZEmployerCoverage });
}
