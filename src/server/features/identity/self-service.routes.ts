import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  SELF_SERVICE_TEXTS,
  ZChallengeQuestionRequest,
  ZChangePasswordRequest,
  ZConfirmRegistrationRequest,
  ZForgotUsernameRequest,
  ZMessageResponse,
  ZPasswordResetRequest,
  ZProfileResponse,
  ZRegistrationRequest,
} from '../../../shared/self-service-schemas.ts';
import { SESSION_COOKIE, sessionOf } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { withMinimumDuration } from '../../platform/min-duration.ts';
import { changePassword, getProfile, updateChallengeQuestion } from './profile.service.ts';
import { issueTemporaryPassword, sendForgottenUsernames } from './recovery.service.ts';
import { confirmRegistration, registerRetailProducer } from './registration.service.ts';
import { createSelfServiceLimits, type TSelfServiceDeps } from './self-service-limits.ts';

/** Neutral answers take at least this long, matched or not, limited or not (ID-6, ID-7). */
export const NEUTRAL_ANSWER_MS = 300;

const ZPortalParams = z.object({ portalId: z.string().max(32) });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };

export function selfServiceRoutes(ctx: TRouteContext) {
  const deps: TSelfServiceDeps = { ...ctx, limits: createSelfServiceLimits(ctx.clock) }; // once per app
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const audit = (request: { ip: string; id: string }) => ({ ipAddress: request.ip, requestId: request.id });

    r.post(
      '/api/portals/retail/registrations',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['self-service'],
          summary: 'Register with the Agent Unique ID and e-mail on file (ID-5)',
          body: ZRegistrationRequest,
          response: { 201: ZMessageResponse, ...errors, 429: ZErrorResponse },
        },
      },
      async (request, reply) => {
        await registerRetailProducer(deps, { ...request.body, ...audit(request), publicUrl: ctx.config.publicUrl });
        ctx.outbox.nudge();
        return reply.status(201).send({ message: SELF_SERVICE_TEXTS.registrationSent });
      },
    );

    r.post(
      '/api/registrations/confirm',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['self-service'],
          summary: 'Confirm a registration from its e-mail link',
          body: ZConfirmRegistrationRequest,
          response: { 200: ZMessageResponse, ...errors },
        },
      },
      async (request) => {
        await confirmRegistration(ctx, { token: request.body.token, ...audit(request) });
        return { message: SELF_SERVICE_TEXTS.registrationConfirmed };
      },
    );

    r.post(
      '/api/portals/:portalId/forgot-username',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['self-service'],
          summary: 'E-mail the user names linked to an address (ID-6); neutral answer',
          params: ZPortalParams,
          body: ZForgotUsernameRequest,
          response: { 200: ZMessageResponse, ...errors },
        },
      },
      async (request) => {
        await withMinimumDuration(NEUTRAL_ANSWER_MS, () =>
          sendForgottenUsernames(ctx, { portalId: request.params.portalId, ...request.body, ...audit(request) }),
        );
        ctx.outbox.nudge();
        return { message: SELF_SERVICE_TEXTS.forgotUsernameSent };
      },
    );

    r.post(
      '/api/portals/:portalId/password-resets',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['self-service'],
          summary: 'E-mail a temporary password (ID-7); neutral answer',
          params: ZPortalParams,
          body: ZPasswordResetRequest,
          response: { 200: ZMessageResponse, ...errors },
        },
      },
      async (request) => {
        await withMinimumDuration(NEUTRAL_ANSWER_MS, () =>
          issueTemporaryPassword(deps, { portalId: request.params.portalId, ...request.body, ...audit(request) }),
        );
        ctx.outbox.nudge();
        return { message: SELF_SERVICE_TEXTS.passwordResetSent };
      },
    );

    r.get(
      '/api/me/profile',
      {
        config: { access: { session: true, duringPasswordChange: true } },
        schema: {
          tags: ['self-service'],
          summary: 'Edit Profile: the user, the password rules, the challenge question',
          response: { 200: ZProfileResponse, 401: ZErrorResponse },
        },
      },
      async (request) => getProfile(ctx, sessionOf(request)),
    );

    r.post(
      '/api/me/password',
      {
        config: { access: { session: true, duringPasswordChange: true } },
        schema: {
          tags: ['self-service'],
          summary: 'Change Password (ID-8); ends every session of the user',
          body: ZChangePasswordRequest,
          response: { 200: ZMessageResponse, ...errors },
        },
      },
      async (request, reply) => {
        await changePassword(ctx, { ...request.body, session: sessionOf(request), ...audit(request) }).catch((error: unknown) => {
          // A lock from wrong current passwords has ended the sessions: the cookie goes too.
          if ((error as { code?: string }).code === 'auth.locked') reply.clearCookie(SESSION_COOKIE, { path: '/' });
          throw error;
        });
        ctx.outbox.nudge();
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { message: SELF_SERVICE_TEXTS.passwordUpdated };
      },
    );

    r.put(
      '/api/me/challenge-question',
      {
        config: { access: { session: true } },
        schema: {
          tags: ['self-service'],
          summary: 'Set or change the challenge question (ID-9)',
          body: ZChallengeQuestionRequest,
          response: { 200: ZMessageResponse, ...errors },
        },
      },
      async (request) => {
        await updateChallengeQuestion(ctx, { ...request.body, session: sessionOf(request), ...audit(request) });
        return { message: SELF_SERVICE_TEXTS.challengeQuestionUpdated };
      },
    );
  };
}
