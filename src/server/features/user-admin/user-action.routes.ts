// The per-user routes every door to user administration has (the Password Manager, the Security
// Manager and the staff console): view one user, reset the password, unlock, disable, reinstate.
// Each door registers them under its own prefix and access rule; the service decides per user.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import { ZAdminUser, ZNoQuery, ZUserActionResponse, ZUserIdParams } from '../../../shared/user-admin-schemas.ts';
import { sessionOf, type TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { actorOf, disableManagedUser, getUser, reinstateManagedUser, resetUserPassword, unlockManagedUser } from './user-admin.service.ts';

const ZNoBody = z.strictObject({}).optional();
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

/** Who asks: the actor, with the request's address and id for the audit rows (every door's routes use it). */
export function who(request: FastifyRequest) {
  return { actor: actorOf(sessionOf(request)), ipAddress: request.ip, requestId: request.id };
}

interface TUserActionDoor {
  /** e.g. /api/staff: the routes are {prefix}/users/:userId… */
  prefix: string;
  access: TAccess;
  /** The OpenAPI tag. */
  tag: string;
}

export function userActionRoutes(ctx: TRouteContext, app: FastifyInstance, { prefix, access, tag }: TUserActionDoor): void {
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
