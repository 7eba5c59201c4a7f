// Three doors to the same user administration: the Password Manager (producers portal, LC-5), the
// Security Manager (employers portal, LC-6) and the staff console. The auth guard admits the
// portal's administrator roles; the policy (platform/policy.ts) decides each action and target.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZAdminUser,
  ZCreateGroupUserRequest,
  ZCreateSubUserRequest,
  ZNoQuery,
  ZStaffUserExportQuery,
  ZStaffUserSearchQuery,
  ZUserActionResponse,
  ZUserIdParams,
  ZUserPage,
  ZUserSearchQuery,
} from '../../../shared/user-admin-schemas.ts';
import { sessionOf, type TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import {
  actorOf,
  createManagedUser,
  disableManagedUser,
  getUser,
  listUsers,
  reinstateManagedUser,
  resetUserPassword,
  unlockManagedUser,
} from './user-admin.service.ts';
import { exportUsers, type TUserExport } from './user-export.service.ts';

const ZNoBody = z.strictObject({}).optional();
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export const PASSWORD_MANAGER_ACCESS: TAccess = { session: true, portals: ['producers'], roles: ['primary-producer'] };
export const SECURITY_MANAGER_ACCESS: TAccess = { session: true, portals: ['employers'], roles: ['delegated-admin', 'alternate-delegated-admin'] };
export const STAFF_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };

function who(request: FastifyRequest) {
  return { actor: actorOf(sessionOf(request)), ipAddress: request.ip, requestId: request.id };
}

/** The per-user routes every door has: view, reset password, unlock, disable, reinstate. */
function userActionRoutes(ctx: TRouteContext, app: FastifyInstance, { prefix, access, tag }: { prefix: string; access: TAccess; tag: string }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    `${prefix}/users/:userId`,
    {
      config: { access },
      schema: {
        tags: [tag],
        summary: 'One user, with the actions allowed on it',
        params: ZUserIdParams,
        querystring: ZNoQuery,
        response: { 200: ZAdminUser, ...errors },
      },
    },
    async (request) => getUser(ctx, { ...who(request), userId: request.params.userId }),
  );

  const actions = [
    ['password-reset', 'E-mail a temporary password; the old password stops working', resetUserPassword],
    ['unlock', 'Lift a temporary lockout (ID-2)', unlockManagedUser],
    ['disable', 'Disable the ID; its sessions end (ID-3 text at login)', disableManagedUser],
    ['reinstate', 'Re-enable a disabled ID; restarts the inactivity clock (LC-4)', reinstateManagedUser],
  ] as const;
  for (const [path, summary, run] of actions) {
    r.post(
      `${prefix}/users/:userId/${path}`,
      {
        config: { access },
        // Nothing to send; anything sent (a role, a producer ID, …) is refused, never read.
        schema: { tags: [tag], summary, params: ZUserIdParams, querystring: ZNoQuery, body: ZNoBody, response: { 200: ZUserActionResponse, ...errors } },
      },
      async (request) => {
        const result = await run(ctx, { ...who(request), userId: request.params.userId });
        ctx.outbox.nudge();
        return result;
      },
    );
  }
}

function sendCsv(reply: FastifyReply, result: TUserExport) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${result.filename}"`)
    .send(Readable.from(result.chunks, { objectMode: false, highWaterMark: 64 * 1024 }));
}

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

    // Staff console: users across portals
    r.get(
      '/api/staff/users',
      {
        config: { access: STAFF_ACCESS },
        schema: { tags: ['staff'], summary: 'Search users across portals', querystring: ZStaffUserSearchQuery, response: { 200: ZUserPage, ...errors } },
      },
      async (request) => listUsers(ctx, { ...request.query, ...who(request) }),
    );
    r.get(
      '/api/staff/users.csv',
      {
        config: { access: STAFF_ACCESS },
        schema: { tags: ['staff'], summary: 'The users matching the filters as CSV (streamed)', querystring: ZStaffUserExportQuery, response: errors },
      },
      async (request, reply) => sendCsv(reply, await exportUsers(ctx, { ...who(request), filters: request.query })),
    );
    userActionRoutes(ctx, app, { prefix: '/api/staff', access: STAFF_ACCESS, tag: 'staff' });
  };
}
