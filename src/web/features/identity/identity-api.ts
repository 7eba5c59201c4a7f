// The identity endpoints as the web uses them (ID-1, ID-10). Each session the server hands out
// leaves its CSRF token with api.ts, which sends it on every state-changing request.
import { ZSessionResponse, type TLoginRequest, type TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { apiRequest, isApiError, rememberCsrfToken } from '../../api.ts';

export async function logIn(portalId: TPortalId, credentials: TLoginRequest): Promise<TSessionResponse> {
  const session = await apiRequest(`/api/portals/${portalId}/login`, { method: 'POST', body: credentials, schema: ZSessionResponse });
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** The browser's current session, or null when it has none (or it expired). */
export async function fetchSession(): Promise<TSessionResponse | null> {
  try {
    const session = await apiRequest('/api/session', { schema: ZSessionResponse });
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export async function logOut(): Promise<void> {
  try {
    await apiRequest('/api/session/logout', { method: 'POST' });
  } catch (error) {
    // Already gone on the server (expired, or ended elsewhere): the user is logged out either way.
    if (!isApiError(error) || error.status !== 401) throw error;
  }
  rememberCsrfToken(undefined);
}
