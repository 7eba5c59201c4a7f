// No browser or shared cache keeps an API answer: they carry user lists, the session's CSRF token,
// CSV downloads of users. Decided per route once at start (onRoute), not per request: an API
// request pays one header set, a static asset nothing. Routes are matched after the path is
// decoded, so `/%61pi/session` is still an API route. Error answers get the header in sendError,
// found route or not.
import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify';

export const NO_STORE = 'no-store';

const setNoStore: onRequestHookHandler = (_request, reply, done) => {
  reply.header('cache-control', NO_STORE);
  done();
};

/** Call before any route is registered; routes of plugins registered later inherit it. */
export function registerNoStoreForApi(app: FastifyInstance): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api/')) return;
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [setNoStore, ...own];
  });
}
