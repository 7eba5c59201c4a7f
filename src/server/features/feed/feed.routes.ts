// The data feed over HTTP (BK-8, docs/data-feed.md "Over HTTP"): POST /api/feed/{kind} takes a
// text/csv body from a carrier system holding a feed token and answers the load's report; and
// GET /api/staff/feed-runs lists the latest runs for the staff console.
//
// CSRF: the feed route is declared public to the session guard and checks its own credential, a
// bearer token in the Authorization header. CSRF abuses credentials a browser attaches by itself
// (cookies); no browser attaches an Authorization header to a request another site forges, so a
// forged request arrives without a token and gets 401. The route reads no cookie at all.
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZFeedParams, ZFeedReport, ZFeedRunList } from '../../../shared/feed-schemas.ts';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import { ZNoQuery } from '../../../shared/user-admin-schemas.ts';
import type { TDatabase } from '../../db/client.ts';
import { sessionOf, type TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../user-admin/user-admin.service.ts';
import { importFeed } from './feed-import.service.ts';
import { FEED_KINDS, isFeedKind, type TFeedKindName } from './feed-kinds.ts';
import { listRecentFeedRuns } from './feed-runs.service.ts';
import { authenticateFeedToken } from './feed-tokens.service.ts';

const STAFF_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };
const CSV = /^text\/csv\s*(;|$)/i;

declare module 'fastify' {
  interface FastifyRequest {
    feedToken?: { name: string };
  }
}

export function feedRoutes(ctx: TRouteContext & { bulk: TDatabase['withBulkConnection'] }) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // The body reaches the handler as the request stream itself: read as it arrives, never buffered.
    app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

    r.post(
      '/api/feed/:kind',
      {
        config: { access: { public: true } },
        // Fastify's limit would stop a stream at 1 MB; the route counts bytes itself (limitBytes).
        bodyLimit: ctx.config.feedMaxBytes,
        onRequest: (request, reply) => admit(ctx, request, reply),
        schema: {
          tags: ['feed'],
          summary: 'Load a feed file (text/csv body) of one kind; answers the report',
          security: [{ feedToken: [] }],
          params: ZFeedParams,
          querystring: ZNoQuery,
          response: {
            200: ZFeedReport,
            400: z.union([ZFeedReport, ZErrorResponse]),
            401: ZErrorResponse,
            404: ZErrorResponse,
            413: ZErrorResponse,
            415: ZErrorResponse,
          },
        },
      },
      async (request, reply) => {
        const token = request.feedToken;
        if (!token) throw new AppError('feed.token_invalid');
        const body = request.body as Readable | undefined;
        const limiter = limitBytes(ctx.config.feedMaxBytes);
        let tooLarge = false;
        limiter.on('error', (error) => {
          tooLarge = error instanceof TooLarge;
          body?.unpipe(limiter);
          body?.pause();
        });
        if (body) body.pipe(limiter);
        else limiter.end();
        try {
          const report = await importFeed(
            { db: ctx.db, clock: ctx.clock, bulk: ctx.bulk },
            { kind: request.params.kind as TFeedKindName, csv: limiter, source: 'api', actor: { label: token.name } },
          );
          return await reply.status(report.error ? 400 : 200).send(report);
        } catch (error) {
          if (!tooLarge) throw error;
          // What was committed before the limit stays (like an interrupted run); the client hears 413.
          reply.header('connection', 'close');
          throw tooLargeError(ctx.config.feedMaxBytes);
        }
      },
    );

    r.get(
      '/api/staff/feed-runs',
      {
        config: { access: STAFF_ACCESS },
        schema: {
          tags: ['staff'],
          summary: 'The latest data feed runs (CLI and API), newest first',
          querystring: ZNoQuery,
          response: { 200: ZFeedRunList, 401: ZErrorResponse, 403: ZErrorResponse },
        },
      },
      async (request) => listRecentFeedRuns(ctx, { actor: actorOf(sessionOf(request)) }),
    );
  };
}

/** Before the body is read: the token (401), the kind (404), the content type (415), the declared size (413). */
async function admit(ctx: TRouteContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  try {
    request.feedToken = await authenticateFeedToken(ctx, request.headers.authorization);
  } catch (error) {
    reply.header('www-authenticate', 'Bearer');
    throw error;
  }
  const { kind } = request.params as { kind?: string };
  if (!kind || !isFeedKind(kind))
    throw new AppError('feed.unknown_kind', { message: `There is no feed kind "${kind ?? ''}". The kinds are ${FEED_KINDS.join(', ')}.` });
  if (!CSV.test(request.headers['content-type'] ?? '')) throw new AppError('feed.unsupported_media_type');
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > ctx.config.feedMaxBytes) {
    reply.header('connection', 'close');
    throw tooLargeError(ctx.config.feedMaxBytes);
  }
}

class TooLarge extends Error {}

function tooLargeError(maxBytes: number): AppError {
  return new AppError('feed.too_large', {
    message: `The feed file is larger than this server accepts (${maxBytes.toLocaleString('en-US')} bytes). Split it into smaller files.`,
  });
}

/** Passes bytes through until more than `maxBytes` have come, then fails the stream. */
function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(new TooLarge(`more than ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
}
