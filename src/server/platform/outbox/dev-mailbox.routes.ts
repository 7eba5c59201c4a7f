// GET /dev/mail (page) and GET /api/dev/mail (JSON for tests): what the outbox holds, when no
// SMTP server is configured outside production. Otherwise /dev/mail answers 404 and the API route
// does not exist. Even then, only a request addressed to a loopback name gets an answer.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OUTBOX_STATUSES } from '../../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { TRouteContext } from '../http/context.ts';
import { sendError } from '../http/error-handler.ts';
import { isLoopbackHostHeader } from '../http/loopback.ts';
import { DEV_MAILBOX_CSS, linksIn, renderDevMailboxPage } from './dev-mailbox.page.ts';
import { isDevMailboxEnabled } from './index.ts';
import { findMessage, listRecentMessages } from './outbox.store.ts';
import { withoutControlCharacters } from '../../../shared/text-rules.ts';

const ZMailQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  to: withoutControlCharacters(z.string().min(1).max(320)).optional(),
});

export const ZDevMailMessage = z.object({
  id: z.number(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  messageId: z.string().nullable(),
  text: z.string(),
  html: z.string(),
  /** http(s) addresses found in the text body. */
  links: z.array(z.string()),
});
export type TDevMailMessage = z.infer<typeof ZDevMailMessage>;

/** The e-mail's own HTML, shown alone and sandboxed: no scripts, no requests, no forms. */
const MESSAGE_CSP = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function devMailboxRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const page = { config: { access: { public: true } }, schema: { hide: true } } as const;

    if (!isDevMailboxEnabled(ctx.config)) {
      const notFound = async (request: Parameters<typeof sendError>[0], reply: Parameters<typeof sendError>[1]) =>
        sendError(request, reply, new AppError('route.not_found'));
      app.get('/dev/mail', page, notFound);
      app.get('/dev/mail/*', page, notFound);
      return;
    }

    // The server listens on loopback only, but a browser also reaches it under an attacker's name
    // that resolves to 127.0.0.1 (DNS rebinding): that page could read every temporary password.
    // A browser always sends the name it used as Host; a proxy in front sends it as X-Forwarded-Host.
    app.addHook('onRequest', (request, _reply, done) => {
      const forwarded = request.headers['x-forwarded-host'];
      const loopback =
        isLoopbackHostHeader(request.headers.host) && (forwarded === undefined || (typeof forwarded === 'string' && isLoopbackHostHeader(forwarded)));
      done(loopback ? undefined : new AppError('route.not_found'));
    });

    r.get(
      '/api/dev/mail',
      {
        config: { access: { public: true } },
        schema: {
          tags: ['development'],
          summary: 'Latest outbox messages (only without SMTP_URL, outside production)',
          querystring: ZMailQuery,
          response: { 200: z.object({ messages: z.array(ZDevMailMessage) }) },
        },
      },
      async (request) => {
        const messages = await listRecentMessages(ctx.db, request.query);
        return {
          messages: messages.map((m) => ({
            ...m,
            createdAt: m.createdAt.toISOString(),
            sentAt: m.sentAt?.toISOString() ?? null,
            links: linksIn(m.text),
          })),
        };
      },
    );

    r.get('/dev/mail', { ...page, schema: { hide: true, querystring: ZMailQuery } }, async (request, reply) => {
      const messages = await listRecentMessages(ctx.db, request.query);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(renderDevMailboxPage(messages, request.query));
    });

    r.get('/dev/mail.css', page, async (_request, reply) => reply.type('text/css; charset=utf-8').send(DEV_MAILBOX_CSS));

    r.get('/dev/mail/:id/html', { ...page, schema: { hide: true, params: z.object({ id: z.coerce.number().int().positive() }) } }, async (request, reply) => {
      const message = await findMessage(ctx.db, request.params.id);
      if (!message) throw new AppError('route.not_found');
      return reply.type('text/html; charset=utf-8').header('content-security-policy', MESSAGE_CSP).header('cache-control', 'no-store').send(message.html);
    });
  };
}
