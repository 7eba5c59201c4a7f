// The signed-in user's own account (ID-8, ID-9).
import {
  ZMessageResponse,
  ZProfileResponse,
  type TChallengeQuestionRequest,
  type TChangePasswordRequest,
  type TProfileResponse,
} from '../../../shared/self-service-schemas.ts';
import { apiRequest } from '../../api.ts';

/** The profile's cache entry: a change to the account invalidates it. */
export const PROFILE_QUERY_KEY = ['profile'] as const;

export function fetchProfile(): Promise<TProfileResponse> {
  return apiRequest('/api/me/profile', { schema: ZProfileResponse });
}

/** On success the server has ended every session of the user: they log in again. */
export function changePassword(request: TChangePasswordRequest): Promise<{ message: string }> {
  return apiRequest('/api/me/password', { method: 'POST', body: request, schema: ZMessageResponse });
}

export function updateChallengeQuestion(request: TChallengeQuestionRequest): Promise<{ message: string }> {
  return apiRequest('/api/me/challenge-question', { method: 'PUT', body: request, schema: ZMessageResponse });
}
