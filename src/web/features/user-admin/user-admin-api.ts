// The user administration endpoints as the web uses them (LC-4 … LC-6, ID-11); shapes and
// routes are those of src/shared/user-admin-schemas.ts.
import {
  ZAdminUser,
  ZUserActionResponse,
  ZUserPage,
  type TAdminUser,
  type TCreateGroupUserRequest,
  type TCreateSubUserRequest,
  type TStaffUserSearchQuery,
  type TUserActionResponse,
  type TUserPage,
  type TUserRowAction,
  type TUserSearchQuery,
} from '../../../shared/user-admin-schemas.ts';
import { apiRequest, queryString } from '../../api.ts';

/** Which administration API a screen talks to: the same user actions under three roots. */
export type TUserAdminScope = 'password-manager' | 'security-manager' | 'staff';

const ROOTS: Record<TUserAdminScope, string> = {
  'password-manager': '/api/password-manager/users',
  'security-manager': '/api/security-manager/users',
  staff: '/api/staff/users',
};

const ACTION_PATHS: Record<TUserRowAction, string> = {
  reset_password: 'password-reset',
  unlock: 'unlock',
  disable: 'disable',
  reinstate: 'reinstate',
};

export type TUserListQuery = Partial<TUserSearchQuery> & Partial<Pick<TStaffUserSearchQuery, 'portal' | 'producer' | 'group'>>;

/**
 * The cache keys of this feature. A user action or a creation invalidates `lists(scope)`: every
 * page and search of that administration API, and nothing of the other two.
 */
export const userAdminKeys = {
  all: ['user-admin'] as const,
  lists: (scope: TUserAdminScope) => ['user-admin', scope, 'list'] as const,
  list: (scope: TUserAdminScope, query: TUserListQuery) => ['user-admin', scope, 'list', query] as const,
  user: (scope: TUserAdminScope, userId: string) => ['user-admin', scope, 'user', userId] as const,
};

export function searchUsers(scope: TUserAdminScope, query: TUserListQuery): Promise<TUserPage> {
  return apiRequest(`${ROOTS[scope]}${queryString(query)}`, { schema: ZUserPage });
}

export function fetchUser(scope: TUserAdminScope, userId: string): Promise<TAdminUser> {
  return apiRequest(`${ROOTS[scope]}/${encodeURIComponent(userId)}`, { schema: ZAdminUser });
}

export function runUserAction(scope: TUserAdminScope, userId: string, action: TUserRowAction): Promise<TUserActionResponse> {
  // An empty JSON object: the actions take no fields, and a POST always carries a body.
  return apiRequest(`${ROOTS[scope]}/${encodeURIComponent(userId)}/${ACTION_PATHS[action]}`, {
    method: 'POST',
    body: {},
    schema: ZUserActionResponse,
  });
}

export function createSubUser(request: TCreateSubUserRequest): Promise<TUserActionResponse> {
  return apiRequest(ROOTS['password-manager'], { method: 'POST', body: request, schema: ZUserActionResponse });
}

export function createGroupUser(request: TCreateGroupUserRequest): Promise<TUserActionResponse> {
  return apiRequest(ROOTS['security-manager'], { method: 'POST', body: request, schema: ZUserActionResponse });
}

/** "Download All Users": a plain link, so the browser streams the file to disk itself. */
export const SECURITY_MANAGER_CSV = `${ROOTS['security-manager']}.csv`;
