// Two doors to the user administration: the Password Manager (producers portal, LC-5) and the
// Security Manager (employers portal, LC-6); the staff console's door, /api/staff/users, is in
// staff/staff.routes.ts on the same services. The auth guard admits the portal's administrator
// roles; the policy (platform/policy.ts) decides each action and target.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZCreateGroupUserRequest,
  ZCreateSubUserRequest,
  ZNoQuery,
  ZUserActionResponse,
  ZUserPage,
  ZUserSearchQuery,
} from '../../../shared/user-admin-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import { userActionRoutes, who } from './user-action.routes.ts';
import { createManagedUser, listUsers } from './user-admin.service.ts';
import { exportUsers } from './user-export.service.ts';

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export const PASSWORD_MANAGER_ACCESS: TAccess = { session: true, portals: ['producers'], roles: ['primary-producer'] };
export const SECURITY_MANAGER_ACCESS: TAccess = { session: true, portals: ['employers'], roles: ['delegated-admin', 'alternate-delegated-admin'] };

export function userAdminRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const publicUrl = ctx.config.publicUrl;

    // Password Manager (LC-5)
    r.get(
      '/api/password-manager/users',
      {
        config: { access: PASSWORD_MANAGER_ACCESS },
        schema: {
          tags: ['password-manager'],
          summary: "Sub-users of the Primary Producer's producer ID, with status and last login",
          querystring: ZUserSearchQuery,
          response: { 200: ZUserPage, ...errors },
        },
      },
      async (request) => listUsers(ctx, { ...request.query, ...who(request) }),
    );
    r.post(
      '/api/password-manager/users',
      {
        config: { access: PASSWORD_MANAGER_ACCESS },
        schema: {
          tags: ['password-manager'],
          summary: 'Create a sub-user; a temporary password is e-mailed',
          querystring: ZNoQuery,
          body: ZCreateSubUserRequest,
          response: { 201: ZUserActionResponse, ...errors },
        },
      },
      async (request, reply) => {
        const result = await createManagedUser(ctx, { ...request.body, ...who(request), role: 'producer-user', publicUrl });
        ctx.outbox.nudge();
        return reply.status(201).send(result);
      },
    );
    userActionRoutes(ctx, app, { prefix: '/api/password-manager', access: PASSWORD_MANAGER_ACCESS, tag: 'password-manager' });

    // Security Manager (LC-6)
    r.get(
      '/api/security-manager/users',
      {
        config: { access: SECURITY_MANAGER_ACCESS },
        schema: {
          tags: ['security-manager'],
          summary: "Current Users - Search: the group's users with their last login date",
          querystring: ZUserSearchQuery,
          response: { 200: ZUserPage, ...errors },
        },
      },
      async (request) => listUsers(ctx, { ...request.query, ...who(request) }),
    );
    r.get(
      '/api/security-manager/users.csv',
      {
        config: { access: SECURITY_MANAGER_ACCESS },
        // No filters: always the whole group; a `group` or `portal` key is refused, never read.
        schema: {
          tags: ['security-manager'],
          summary: 'Download All Users: every user of the group as CSV (streamed)',
          querystring: ZNoQuery,
          response: errors,
        },
      },
      async (request, reply) => sendCsv(reply, await exportUsers(ctx, who(request))),
    );
    r.post(
      '/api/security-manager/users',
      {
        config: { access: SECURITY_MANAGER_ACCESS },
        schema: {
          tags: ['security-manager'],
          summary: 'Create a user of the group; a temporary password is e-mailed',
          querystring: ZNoQuery,
          body: ZCreateGroupUserRequest,
          response: { 201: ZUserActionResponse, ...errors },
        },
      },
      async (request, reply) => {
        const result = await createManagedUser(ctx, { ...request.body, ...who(request), publicUrl });
        ctx.outbox.nudge();
        return reply.status(201).send(result);
      },
    );
    userActionRoutes(ctx, app, { prefix: '/api/security-manager', access: SECURITY_MANAGER_ACCESS, tag: 'security-manager' });
  };
}
