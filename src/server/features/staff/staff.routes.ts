// The staff console's own routes: the audit log (ID-11), per-portal settings, the lifecycle
// report. (Its user search and actions are the user-admin feature's /api/staff/users routes.)
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZAuditPage,
  ZAuditSearchQuery,
  ZLifecycleReportPage,
  ZLifecycleReportQuery,
  ZNoQuery,
  ZPortalParams,
  ZPortalSettings,
  ZPortalSettingsPatch,
} from '../../../shared/user-admin-schemas.ts';
import { sessionOf } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { actorOf } from '../user-admin/user-admin.service.ts';
import { STAFF_ACCESS } from '../user-admin/user-admin.routes.ts';
import { searchAuditLog } from './audit-log.service.ts';
import { reportLifecycle } from './lifecycle-report.service.ts';
import { getPortalSettings, updatePortalSettings } from './portal-settings.service.ts';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

export function staffRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/staff/audit',
      {
        config: { access: STAFF_ACCESS },
        schema: {
          tags: ['staff'],
          summary: 'Search the audit log by user, action, portal and date (newest first)',
          querystring: ZAuditSearchQuery,
          response: { 200: ZAuditPage, ...errors },
        },
      },
      async (request) => searchAuditLog(ctx, { actor: actorOf(sessionOf(request)), query: request.query }),
    );

    r.get(
      '/api/staff/portals/:portalId/settings',
      {
        config: { access: STAFF_ACCESS },
        schema: {
          tags: ['staff'],
          summary: "A portal's policy settings and texts",
          params: ZPortalParams,
          querystring: ZNoQuery,
          response: { 200: ZPortalSettings, ...errors },
        },
      },
      async (request) => getPortalSettings(ctx, { actor: actorOf(sessionOf(request)), portalId: request.params.portalId }),
    );

    r.patch(
      '/api/staff/portals/:portalId/settings',
      {
        config: { access: STAFF_ACCESS },
        schema: {
          tags: ['staff'],
          summary: "Change a portal's settings (security administrator); audited per key",
          params: ZPortalParams,
          querystring: ZNoQuery,
          body: ZPortalSettingsPatch,
          response: { 200: ZPortalSettings, ...errors },
        },
      },
      async (request) =>
        updatePortalSettings(ctx, {
          actor: actorOf(sessionOf(request)),
          portalId: request.params.portalId,
          patch: request.body,
          ipAddress: request.ip,
          requestId: request.id,
        }),
    );

    r.get(
      '/api/staff/lifecycle/upcoming',
      {
        config: { access: STAFF_ACCESS },
        schema: {
          tags: ['staff'],
          summary: 'IDs the lifecycle job will disable or delete in the next days (LC-1)',
          querystring: ZLifecycleReportQuery,
          response: { 200: ZLifecycleReportPage, ...errors },
        },
      },
      async (request) => reportLifecycle(ctx, { actor: actorOf(sessionOf(request)), query: request.query }),
    );
  };
}
