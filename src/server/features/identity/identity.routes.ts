import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse, ZLoginRequest, ZSessionResponse } from '../../../shared/identity-schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { SESSION_COOKIE, sessionOf } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { toSessionUser } from './identity.presenter.ts';
import { createLogInDeps, logIn } from './login.service.ts';
import { describeSession } from './profile.service.ts';
import { endSession, hashToken } from './sessions.service.ts';

const ZPortalParams = z.object({ portalId: z.string().max(32) });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 429: ZErrorResponse, 503: ZErrorResponse };

export function identityRoutes(ctx: TRouteContext) {
  const loginDeps = createLogInDeps(ctx); // once per app, not per login
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/api/portals/:portalId/login',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['identity'],
          summary: 'Log in to a portal (ID-1, ID-2, ID-3)',
          params: ZPortalParams,
          body: ZLoginRequest,
          response: { 200: ZSessionResponse, ...errors },
        },
      },
      async (request, reply) => {
        const retryAfter = ctx.loginFailures.retryAfterSeconds(request.ip);
        if (retryAfter > 0) throw new AppError('auth.too_many_attempts', { retryAfterSeconds: retryAfter });
        const previous = request.cookies[SESSION_COOKIE];
        try {
          const result = await logIn(loginDeps, {
            portalId: request.params.portalId,
            username: request.body.username,
            password: request.body.password,
            ipAddress: request.ip,
            requestId: request.id,
            userAgent: request.headers['user-agent'],
            previousTokenHash: previous && previous.length <= 128 ? hashToken(previous) : undefined,
          });
          setSessionCookie(reply, result.token, ctx.config.isProduction || ctx.config.publicUrl.startsWith('https:'));
          return {
            user: toSessionUser(result.user),
            portal: { id: result.portal.id, name: result.portal.name },
            csrfToken: result.csrfToken,
            mustChangePassword: result.mustChangePassword,
          };
        } catch (error) {
          if (error instanceof AppError && (error.code === 'auth.invalid_credentials' || error.code === 'auth.locked')) {
            ctx.loginFailures.recordFailure(request.ip);
          }
          throw error;
        }
      },
    );

    r.get(
      '/api/session',
      {
        config: { access: { session: true, duringPasswordChange: true } },
        schema: { tags: ['identity'], summary: 'The current session and its user', response: { 200: ZSessionResponse, 401: ZErrorResponse } },
      },
      async (request) => describeSession(ctx, sessionOf(request)),
    );

    r.post(
      '/api/session/logout',
      {
        config: { access: { session: true, duringPasswordChange: true } },
        schema: {
          tags: ['identity'],
          summary: 'Log out: ends the session on the server',
          response: { 204: z.null(), 401: ZErrorResponse, 403: ZErrorResponse },
        },
      },
      async (request, reply) => {
        await endSession(ctx.db, { session: sessionOf(request), now: ctx.clock.now(), ipAddress: request.ip, requestId: request.id });
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  };
}

function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
