// The signed-in user's own account (ID-8, ID-9).
import {
  ZMessageResponse,
  ZProfileResponse,
  type TChallengeQuestionRequest,
  type TChangePasswordRequest,
  type TProfileResponse,
} from '../../../shared/self-service-schemas.ts';
import { apiRequest } from '../../api.ts';

export function fetchProfile(): Promise<TProfileResponse> {
  return apiRequest('/api/me/profile', { schema: ZProfileResponse });
}

/** On success the server has ended every session of the user: they log in again. */
export function changePassword(csrfToken: string, request: TChangePasswordRequest): Promise<{ message: string }> {
  return apiRequest('/api/me/password', { method: 'POST', body: request, csrfToken, schema: ZMessageResponse });
}

export function updateChallengeQuestion(csrfToken: string, request: TChallengeQuestionRequest): Promise<{ message: string }> {
  return apiRequest('/api/me/challenge-question', { method: 'PUT', body: request, csrfToken, schema: ZMessageResponse });
}
