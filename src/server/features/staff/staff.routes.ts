// Every /api/staff/* route, the staff console's one door: user search, export and actions across
// portals (on user-admin's services, the same the Password and Security Managers use), the audit
// log (ID-11), per-portal settings, the lifecycle report.
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
  ZStaffUserExportQuery,
  ZStaffUserSearchQuery,
  ZUserPage,
} from '../../../shared/user-admin-schemas.ts';
import { sessionOf, type TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import { actorOf, listUsers } from '../user-admin/user-admin.service.ts';
import { exportUsers } from '../user-admin/user-export.service.ts';
import { userActionRoutes, who } from '../user-admin/user-action.routes.ts';
import { searchAuditLog } from './audit-log.service.ts';
import { reportLifecycle } from './lifecycle-report.service.ts';
import { getPortalSettings, updatePortalSettings } from './portal-settings.service.ts';

const STAFF_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const userErrors = { ...errors, 409: ZErrorResponse };

/** Users across portals: search, CSV export, one user with its actions, and the actions themselves. */
function staffUserRoutes(ctx: TRouteContext, app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/staff/users',
    {
      config: { access: STAFF_ACCESS },
      schema: { tags: ['staff'], summary: 'Search users across portals', querystring: ZStaffUserSearchQuery, response: { 200: ZUserPage, ...userErrors } },
    },
    async (request) => listUsers(ctx, { ...request.query, ...who(request) }),
  );
  r.get(
    '/api/staff/users.csv',
    {
      config: { access: STAFF_ACCESS },
      schema: { tags: ['staff'], summary: 'The users matching the filters as CSV (streamed)', querystring: ZStaffUserExportQuery, response: userErrors },
    },
    async (request, reply) => sendCsv(reply, await exportUsers(ctx, { ...who(request), filters: request.query })),
  );
  userActionRoutes(ctx, app, { prefix: '/api/staff', access: STAFF_ACCESS, tag: 'staff' });
}

export function staffRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    staffUserRoutes(ctx, app);

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
