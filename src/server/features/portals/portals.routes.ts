import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { getPortals } from './portals.service.ts';

const ZPublicPortal = z.object({ id: z.string(), name: z.string(), selfRegistration: z.boolean() });

const ZPortalSettings = z.object({
  id: z.string(),
  name: z.string(),
  policy: z.object({
    lockoutThreshold: z.number(),
    lockoutMinutes: z.number(),
    passwordProfile: z.string(),
    sessionIdleMinutes: z.number(),
    sessionAbsoluteMinutes: z.number(),
    selfRegistration: z.boolean(),
    lifecycleEnabled: z.boolean(),
    disableAfterDays: z.number(),
    deleteAfterDays: z.number(),
    lifecycleWarningDays: z.number(),
    lifecycleExemptRoles: z.array(z.string()),
    temporaryPasswordHours: z.number(),
    maxUploadBytes: z.number(),
    maxFilesPerRequest: z.number(),
  }),
  texts: z.object({
    invalidCredentials: z.string(),
    locked: z.string(),
    disabled: z.string(),
    deleted: z.string(),
    unavailable: z.string(),
    porNotice: z.string(),
  }),
});

export function portalsRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/portals',
      {
        config: { access: { public: true } },
        schema: { tags: ['portals'], summary: 'The portals and what their login pages offer', response: { 200: z.array(ZPublicPortal) } },
      },
      async () => {
        const portals = await getPortals(ctx.db);
        return portals.map((p) => ({ id: p.id, name: p.name, selfRegistration: p.policy.selfRegistration }));
      },
    );

    r.get(
      '/api/staff/portals',
      {
        config: { access: { session: true, portals: ['staff'], roles: ['help-desk', 'security-admin', 'producer-services'] } },
        schema: {
          tags: ['staff'],
          summary: 'Per-portal policy settings and texts',
          response: { 200: z.array(ZPortalSettings), 401: ZErrorResponse, 403: ZErrorResponse },
        },
      },
      async () => getPortals(ctx.db),
    );
  };
}
