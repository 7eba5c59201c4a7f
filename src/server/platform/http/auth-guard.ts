// The one place that decides whether a request may reach its handler. Every /api route
// declares `config.access`; a route that forgets is refused at start-up, not in production.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TRole, TPortalId } from '../../../shared/portals.ts';
import type { TAuthenticatedSession, TSessionLookup } from '../session.ts';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.ts';

export type { TAuthenticatedSession, TSessionLookup };

export const SESSION_COOKIE = 'portico_session';
export const CSRF_HEADER = 'x-csrf-token';

export type TAccess = { public: true } | { session: true; portals?: readonly TPortalId[]; roles?: readonly TRole[]; duringPasswordChange?: boolean };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: TAccess;
  }
  interface FastifyRequest {
    auth: TAuthenticatedSession | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const UNGUARDED_PREFIXES = ['/api/docs'];

export interface TAuthGuardOptions {
  /** Resolves a cookie token to a session (the identity feature provides it). */
  resolveSession: (token: string | undefined) => Promise<TSessionLookup>;
  /** Origins allowed to send state-changing requests besides the request's own host. */
  publicUrl: string;
}

export function registerAuthGuard(app: FastifyInstance, options: TAuthGuardOptions): void {
  app.decorateRequest('auth', null);

  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') && !UNGUARDED_PREFIXES.some((p) => route.url.startsWith(p));
    if (isApi && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access) return; // static files, docs and the not-found handler
    const unsafe = UNSAFE_METHODS.has(request.method);
    if (unsafe) assertSameOrigin(request, options.publicUrl);
    if ('public' in access) return;

    const lookup = await options.resolveSession(request.cookies[SESSION_COOKIE]);
    if (lookup.kind === 'expired') {
      throw new AppError('auth.unauthenticated', { message: 'Your session has expired. Please log in again.' });
    }
    if (lookup.kind === 'none') throw new AppError('auth.unauthenticated');
    const { session } = lookup;
    if (access.portals && !access.portals.includes(session.portalId)) throw new AppError('auth.forbidden');
    if (access.roles && !access.roles.includes(session.user.role)) throw new AppError('auth.forbidden');
    if (unsafe && !csrfTokenMatches(session.csrfToken, headerValue(request, CSRF_HEADER))) {
      throw new AppError('auth.csrf');
    }
    if (session.mustChangePassword && !access.duringPasswordChange) throw new AppError('auth.password_change_required');
    request.auth = session;
  });
}

/** Refuses state-changing requests that a browser says come from another site. */
function assertSameOrigin(request: FastifyRequest, publicUrl: string): void {
  if (headerValue(request, 'sec-fetch-site') === 'cross-site') throw new AppError('auth.csrf');
  const origin = headerValue(request, 'origin');
  if (!origin) return; // non-browser clients; browsers always send Origin on POST
  const own = `${request.protocol}://${request.host}`;
  if (origin !== own && origin !== new URL(publicUrl).origin) throw new AppError('auth.csrf');
}

function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The authenticated session of a route declared with `session: true`. */
export function sessionOf(request: FastifyRequest): TAuthenticatedSession {
  if (!request.auth) throw new AppError('auth.unauthenticated');
  return request.auth;
}
