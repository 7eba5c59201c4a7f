// buildApp(deps) → a Fastify instance with every route, guard and header in place.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TConfig } from './config.ts';
import type { TDatabase } from './db/client.ts';
import { feedRoutes } from './features/feed/feed.routes.ts';
import { identityRoutes } from './features/identity/identity.routes.ts';
import { selfServiceRoutes } from './features/identity/self-service.routes.ts';
import { resolveSession } from './features/identity/sessions.service.ts';
import { portalsRoutes } from './features/portals/portals.routes.ts';
import { commissionsRoutes } from './features/commissions/commissions.routes.ts';
import { staffCommissionsRoutes } from './features/commissions/staff-commissions.routes.ts';
import { resourcesRoutes } from './features/resources/resources.routes.ts';
import { portalDocumentRoutes } from './features/service-requests/portal-documents.routes.ts';
import { producerServicesRoutes } from './features/service-requests/producer-services.routes.ts';
import { bookRoutes } from './features/book/book.routes.ts';
import { staffBookRoutes } from './features/book/staff-book.routes.ts';
import { staffServiceRequestRoutes } from './features/service-requests/staff-service-requests.routes.ts';
import { staffRoutes } from './features/staff/staff.routes.ts';
import { uploadsRoutes } from './features/uploads/uploads.routes.ts';
import { userAdminRoutes } from './features/user-admin/user-admin.routes.ts';
import { systemClock, type TClock } from './platform/clock.ts';
import { AppError } from './platform/errors.ts';
import { DEFAULT_FAILURE_LIMIT, FailureLimiter, type TFailureLimit } from './platform/failure-limiter.ts';
import { fileStoreFromConfig, type TFileStore } from './platform/file-store/index.ts';
import { registerAuthGuard } from './platform/http/auth-guard.ts';
import type { TRouteContext } from './platform/http/context.ts';
import { registerErrorHandling, sendError } from './platform/http/error-handler.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { registerNoStoreForApi } from './platform/http/no-store.ts';
import { OneLinePerRequest, stdoutLogDestination } from './platform/http/request-log.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { devMailboxRoutes } from './platform/outbox/dev-mailbox.routes.ts';
import { noOutboxNudge, type OutboxSender } from './platform/outbox/index.ts';
import { secretBoxFromConfig, type TSecretBox } from './platform/secret-box.ts';

export interface TAppDeps {
  config: TConfig;
  database: TDatabase;
  clock?: TClock;
  /** false silences logs (tests); default logs JSON at config.logLevel to stdout. */
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
  loginFailureLimit?: TFailureLimit;
  /** Folder of the built web app; defaults to dist/web. */
  webRoot?: string;
  /** The e-mail sender `serve` runs: nudged after enqueues, logs through the app, stopped before the database closes. */
  outbox?: OutboxSender;
  /** Where uploaded files live; defaults to the configured one (S3, else DATA_DIR/files). */
  fileStore?: TFileStore;
  /** Seals secrets at rest; defaults to PORTICO_ENCRYPTION_KEY, else the development key in DATA_DIR. */
  secretBox?: TSecretBox;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));
const REQUEST_ID = /^[\w.-]{1,64}$/;

export async function buildApp(deps: TAppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const logging = deps.logger !== false;
  const stdout = logging && !deps.logStream ? stdoutLogDestination() : undefined;
  const app = Fastify({
    logger: !logging
      ? false
      : {
          level: deps.config.logLevel,
          stream: deps.logStream ?? stdout,
          redact: {
            paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password'],
            censor: '[redacted]',
          },
        },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy (TRUST_PROXY), request.ip is the client its X-Forwarded-For names.
    trustProxy: deps.config.trustProxy,
    logController: new OneLinePerRequest(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerNoStoreForApi(app);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const ctx: TRouteContext = {
    db: deps.database.db,
    clock,
    config: deps.config,
    loginFailures: new FailureLimiter(deps.loginFailureLimit ?? DEFAULT_FAILURE_LIMIT, clock),
    outbox: deps.outbox ?? noOutboxNudge,
    fileStore: deps.fileStore ?? fileStoreFromConfig(deps.config),
    secretBox: deps.secretBox ?? secretBoxFromConfig(deps.config),
  };
  deps.outbox?.useLogger(app.log.child({ component: 'outbox' }));

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { isProduction: deps.config.isProduction });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Portico API', version: '0.1.0', description: 'Portal platform for producers, employer groups and carrier staff.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'portico_session' },
          feedToken: { type: 'http', scheme: 'bearer', description: 'A feed token (portico feed-token create)' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthGuard(app, {
    resolveSession: (token) => resolveSession(ctx.db, clock, token),
    publicUrl: deps.config.publicUrl,
  });
  await app.register(healthRoutes(ctx));
  await app.register(portalsRoutes(ctx));
  await app.register(identityRoutes(ctx));
  await app.register(selfServiceRoutes(ctx));
  await app.register(userAdminRoutes(ctx));
  await app.register(staffRoutes(ctx));
  await app.register(uploadsRoutes(ctx));
  await app.register(producerServicesRoutes(ctx));
  await app.register(bookRoutes(ctx));
  await app.register(staffBookRoutes(ctx));
  await app.register(staffServiceRequestRoutes(ctx));
  await app.register(portalDocumentRoutes(ctx));
  await app.register(resourcesRoutes(ctx));
  await app.register(commissionsRoutes(ctx));
  await app.register(staffCommissionsRoutes(ctx));
  await app.register(devMailboxRoutes(ctx));
  await app.register(feedRoutes({ ...ctx, bulk: deps.database.withBulkConnection }));
  app.get('/api/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () => app.swagger());

  await registerWeb(app, deps.webRoot ?? DEFAULT_WEB_ROOT);
  app.addHook('onClose', async () => {
    await deps.outbox?.stop();
    await deps.database.close();
    stdout?.flushSync();
  });
  return app;
}

/** The React app: static assets, and index.html for every other page address (client routing). */
async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(`${webRoot}/index.html`);
  if (built) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !/\.\w+$/.test(request.url.split('?')[0] ?? '');
    if (!isPage) return sendError(request, reply, new AppError('route.not_found'));
    if (!built) return reply.type('text/plain').status(503).send('The web app is not built. Run: npm run build');
    return reply.header('cache-control', 'no-store').sendFile('index.html');
  });
}
