// The identity endpoints as the web uses them (ID-1, ID-10).
import { ZSessionResponse, type TLoginRequest, type TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { apiRequest, isApiError } from '../../api.ts';

export function logIn(portalId: TPortalId, credentials: TLoginRequest): Promise<TSessionResponse> {
  return apiRequest(`/api/portals/${portalId}/login`, { method: 'POST', body: credentials, schema: ZSessionResponse });
}

/** The browser's current session, or null when it has none (or it expired). */
export async function fetchSession(): Promise<TSessionResponse | null> {
  try {
    return await apiRequest('/api/session', { schema: ZSessionResponse });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function logOut(csrfToken: string): Promise<void> {
  try {
    await apiRequest('/api/session/logout', { method: 'POST', csrfToken });
  } catch (error) {
    // Already gone on the server (expired, or ended elsewhere): the user is logged out either way.
    if (isApiError(error) && error.status === 401) return;
    throw error;
  }
}
