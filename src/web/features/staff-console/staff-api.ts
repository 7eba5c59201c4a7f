// The staff console's own endpoints as the web uses them (audit log, lifecycle report, portal
// settings and documents, the users download, the data feed's runs); user search and actions are user-admin's (user-admin-api.ts).
import { z } from 'zod';
import { ZFeedRunList, type TFeedRunList } from '../../../shared/feed-schemas.ts';
import { ZPortalDocument, type TPortalDocument, type TPortalDocumentName } from '../../../shared/portal-document-schemas.ts';
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
import { sendFile } from '../../send-file.ts';

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
  portalDocuments: (portalId: TPortalId) => ['staff-console', 'portal-documents', portalId] as const,
  feedRuns: () => ['staff-console', 'feed-runs'] as const,
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

export function fetchFeedRuns(): Promise<TFeedRunList> {
  return apiRequest('/api/staff/feed-runs', { schema: ZFeedRunList });
}

export function fetchPortalSettings(portalId: TPortalId): Promise<TPortalSettings> {
  return apiRequest(`/api/staff/portals/${portalId}/settings`, { schema: ZPortalSettings });
}

export function updatePortalSettings(portalId: TPortalId, patch: TPortalSettingsPatch): Promise<TPortalSettings> {
  return apiRequest(`/api/staff/portals/${portalId}/settings`, { method: 'PATCH', body: patch, schema: ZPortalSettings });
}

const documentsPath = (portalId: TPortalId) => `/api/staff/portals/${portalId}/documents`;

export function fetchPortalDocuments(portalId: TPortalId): Promise<TPortalDocument[]> {
  return apiRequest(documentsPath(portalId), { schema: z.array(ZPortalDocument) });
}

/** The document as the portal's users download it: a plain link, the browser saves the file. */
export function portalDocumentUrl(portalId: TPortalId, name: TPortalDocumentName): string {
  return `${documentsPath(portalId)}/${name}`;
}

/** PUT one PDF in the multipart field `file`; refusals as ApiError. */
export function publishPortalDocument(portalId: TPortalId, name: TPortalDocumentName, file: File): Promise<TPortalDocument> {
  return sendFile({
    method: 'PUT',
    url: portalDocumentUrl(portalId, name),
    file,
    schema: ZPortalDocument,
    failure: 'The file could not be published. Please try again.',
  });
}

export function resetPortalDocument(portalId: TPortalId, name: TPortalDocumentName): Promise<undefined> {
  return apiRequest(portalDocumentUrl(portalId, name), { method: 'DELETE' });
}
