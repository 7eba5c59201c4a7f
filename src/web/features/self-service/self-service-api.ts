// The public self-service endpoints (ID-5, ID-6, ID-7). Each answers with a message to show as is.
import { ZMessageResponse, type TForgotUsernameRequest, type TPasswordResetRequest, type TRegistrationRequest } from '../../../shared/self-service-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { apiRequest } from '../../api.ts';

type TMessage = { message: string };

/** The answer to one confirmation link, cached for the page load: a link is single-use, so it is sent once. */
export const registrationConfirmationKey = (token: string) => ['self-service', 'registration-confirmation', token] as const;

export function register(portalId: TPortalId, request: TRegistrationRequest): Promise<TMessage> {
  return apiRequest(`/api/portals/${portalId}/registrations`, { method: 'POST', body: request, schema: ZMessageResponse });
}

export function confirmRegistration(token: string): Promise<TMessage> {
  return apiRequest('/api/registrations/confirm', { method: 'POST', body: { token }, schema: ZMessageResponse });
}

export function requestUsername(portalId: TPortalId, request: TForgotUsernameRequest): Promise<TMessage> {
  return apiRequest(`/api/portals/${portalId}/forgot-username`, { method: 'POST', body: request, schema: ZMessageResponse });
}

export function requestPasswordReset(portalId: TPortalId, request: TPasswordResetRequest): Promise<TMessage> {
  return apiRequest(`/api/portals/${portalId}/password-resets`, { method: 'POST', body: request, schema: ZMessageResponse });
}
