import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import type { TRouteContext } from './context.ts';
import { AppError } from '../errors.ts';
import { redactQueryParams } from '../log-safety.ts';

export function healthRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/healthz',
      {
        config: { access: { public: true } },
        schema: { tags: ['operations'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );

    r.get(
      '/readyz',
      {
        config: { access: { public: true } },
        schema: { tags: ['operations'], summary: 'The database answers', response: { 200: z.object({ status: z.literal('ready') }), 503: ZErrorResponse } },
      },
      async (request) => {
        try {
          await ctx.db.execute(sql`select 1`);
        } catch (error) {
          request.log.warn({ err: redactQueryParams(error) }, 'readiness check failed');
          throw new AppError('db.unavailable', { message: 'The database cannot be reached.' });
        }
        return { status: 'ready' as const };
      },
    );
  };
}
