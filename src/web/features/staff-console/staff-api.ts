// The staff console's own endpoints as the web uses them (audit log, lifecycle report, portal
// settings, the users download); user search and actions are user-admin's (user-admin-api.ts).
import type { TPortalId } from '../../../shared/portals.ts';
import {
  ZAuditPage,
  ZLifecycleReportPage,
  ZPortalSettings,
  type TAuditPage,
  type TAuditSearchQuery,
  type TLifecycleReportPage,
  type TLifecycleReportQuery,
  type TPortalSettings,
  type TPortalSettingsPatch,
  type TStaffUserExportQuery,
} from '../../../shared/user-admin-schemas.ts';
import { apiRequest, queryString } from '../../api.ts';

/**
 * The staff console's query keys, shared by the pages that read and the changes that invalidate:
 * `staffConsoleKeys.audit()` (no query) is the prefix of every audit page, and so on.
 */
export const staffConsoleKeys = {
  all: ['staff-console'] as const,
  audit: (query?: Partial<TAuditSearchQuery>) => (query ? (['staff-console', 'audit', query] as const) : (['staff-console', 'audit'] as const)),
  lifecycleReport: (query?: Partial<TLifecycleReportQuery>) =>
    query ? (['staff-console', 'lifecycle-report', query] as const) : (['staff-console', 'lifecycle-report'] as const),
  portalSettings: (portalId: TPortalId) => ['staff-console', 'portal-settings', portalId] as const,
};

/** The download of the users a staff search found: a plain link, so the browser streams the file itself. */
export function staffUsersCsv(query: Partial<TStaffUserExportQuery>): string {
  const { portal, producer, group, q, status } = query;
  return `/api/staff/users.csv${queryString({ portal, producer, group, q, status })}`;
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

export function updatePortalSettings(portalId: TPortalId, patch: TPortalSettingsPatch): Promise<TPortalSettings> {
  return apiRequest(`/api/staff/portals/${portalId}/settings`, { method: 'PATCH', body: patch, schema: ZPortalSettings });
}
