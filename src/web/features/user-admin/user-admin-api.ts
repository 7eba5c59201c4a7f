// The user administration endpoints as the web uses them (LC-4 … LC-6, ID-11); shapes and
// routes are those of src/shared/user-admin-schemas.ts.
import type { TPortalId } from '../../../shared/portals.ts';
import {
  ZAdminUser,
  ZAuditPage,
  ZLifecycleReportPage,
  ZPortalSettings,
  ZUserActionResponse,
  ZUserPage,
  type TAdminUser,
  type TAuditPage,
  type TAuditSearchQuery,
  type TCreateGroupUserRequest,
  type TCreateSubUserRequest,
  type TLifecycleReportPage,
  type TLifecycleReportQuery,
  type TPortalSettings,
  type TPortalSettingsPatch,
  type TStaffUserSearchQuery,
  type TUserActionResponse,
  type TUserPage,
  type TUserRowAction,
  type TUserSearchQuery,
} from '../../../shared/user-admin-schemas.ts';
import { apiRequest } from '../../api.ts';

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

/** A query string of the defined, non-empty values. */
export function queryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export type TUserListQuery = Partial<TUserSearchQuery> & Partial<Pick<TStaffUserSearchQuery, 'portal' | 'producer' | 'group'>>;

export function searchUsers(scope: TUserAdminScope, query: TUserListQuery): Promise<TUserPage> {
  return apiRequest(`${ROOTS[scope]}${queryString(query)}`, { schema: ZUserPage });
}

export function fetchUser(scope: TUserAdminScope, userId: string): Promise<TAdminUser> {
  return apiRequest(`${ROOTS[scope]}/${encodeURIComponent(userId)}`, { schema: ZAdminUser });
}

export function runUserAction(scope: TUserAdminScope, csrfToken: string, userId: string, action: TUserRowAction): Promise<TUserActionResponse> {
  // An empty JSON object: the actions take no fields, and a POST always carries a body.
  return apiRequest(`${ROOTS[scope]}/${encodeURIComponent(userId)}/${ACTION_PATHS[action]}`, {
    method: 'POST',
    body: {},
    csrfToken,
    schema: ZUserActionResponse,
  });
}

export function createSubUser(csrfToken: string, request: TCreateSubUserRequest): Promise<TUserActionResponse> {
  return apiRequest(ROOTS['password-manager'], { method: 'POST', body: request, csrfToken, schema: ZUserActionResponse });
}

export function createGroupUser(csrfToken: string, request: TCreateGroupUserRequest): Promise<TUserActionResponse> {
  return apiRequest(ROOTS['security-manager'], { method: 'POST', body: request, csrfToken, schema: ZUserActionResponse });
}

/** "Download All Users": a plain link, so the browser streams the file to disk itself. */
export const SECURITY_MANAGER_CSV = `${ROOTS['security-manager']}.csv`;

export function staffUsersCsv(query: TUserListQuery): string {
  const { portal, producer, group, q, status } = query;
  return `${ROOTS.staff}.csv${queryString({ portal, producer, group, q, status })}`;
}

export function searchAudit(query: Partial<TAuditSearchQuery>): Promise<TAuditPage> {
  return apiRequest(`/api/staff/audit${queryString(query)}`, { schema: ZAuditPage });
}

export function fetchLifecycleReport(query: Partial<TLifecycleReportQuery>): Promise<TLifecycleReportPage> {
  return apiRequest(`/api/staff/lifecycle/upcoming${queryString(query)}`, { schema: ZLifecycleReportPage });
}

export function fetchPortalSettings(portalId: TPortalId): Promise<TPortalSettings> {
  return apiRequest(`/api/staff/portals/${portalId}/settings`, { schema: ZPortalSettings });
}

export function updatePortalSettings(csrfToken: string, portalId: TPortalId, patch: TPortalSettingsPatch): Promise<TPortalSettings> {
  return apiRequest(`/api/staff/portals/${portalId}/settings`, { method: 'PATCH', body: patch, csrfToken, schema: ZPortalSettings });
}
