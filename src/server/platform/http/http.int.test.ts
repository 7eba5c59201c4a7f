// The HTTP platform: health, readiness, OpenAPI, headers, errors as {code, message}, rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, wrapPglite } from '../../db/client.ts';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { TEXTS } from '../../../shared/portals.ts';
import { createTestApp, createTestUser, loginRequest, unique, type TTestApp } from '../../../../test/support/app.ts';

let t: TTestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent' });

describe('operations endpoints', () => {
  it('reports the process up and the database ready', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes OpenAPI generated from the route schemas, and a docs page', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/portals/{portalId}/login', '/api/session', '/api/session/logout', '/healthz', '/readyz']));
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });
});

describe('headers', () => {
  it('sets CSP with frame-ancestors, nosniff, a referrer policy and a request id', async () => {
    const r = await t.app.inject('/healthz');
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(r.headers['x-request-id']).toMatch(/^[\w-]+$/);
    const echoed = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    for (const failing of [{ url: '/api/nothing-here' }, { method: 'POST' as const, url: '/api/portals/retail/login', payload: {} }]) {
      const r = await t.app.inject({ ...failing, headers: { 'x-request-id': 'err-1' } });
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
      expect(r.headers['x-request-id']).toBe('err-1');
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('errors', () => {
  it('renders unknown API routes as {code, message} 404', async () => {
    const r = await t.app.inject('/api/nothing-here');
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ code: 'route.not_found', message: expect.any(String) });
  });

  it('refuses an over-large body with 413 and no stack trace', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/portals/retail/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('request.too_large');
    expect(r.body).not.toMatch(/at .*\.ts/);
  });
});

describe('database unavailable', () => {
  it('answers login with ID-3 text and 503 when the PostgreSQL server cannot be reached', async () => {
    const database = await openDatabase({ databaseUrl: 'postgres://root@127.0.0.1:1/none', dataDir: '/nonexistent' });
    const app = await buildApp({ config, database, logger: false });
    const r = await app.inject({ method: 'POST', url: '/api/portals/retail/login', payload: { username: 'a', password: 'b' } });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toEqual({ code: 'db.unavailable', message: TEXTS.loginFailed });
    expect((await app.inject('/readyz')).statusCode).toBe(503);
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });

  it('answers the same when the embedded database is gone', async () => {
    const client = await PGlite.create();
    const database = wrapPglite(client);
    const app = await buildApp({ config, database: { ...database, close: async () => {} }, logger: false });
    await client.close();
    const r = await app.inject({ method: 'POST', url: '/api/portals/producers/login', payload: { username: 'a', password: 'b' } });
    expect(r.statusCode).toBe(503);
    expect(r.json().message).toBe(TEXTS.loginFailed);
    await app.close();
  });
});

describe('per-address failure limit', () => {
  it('slows one address trying many user names, and spares other addresses', async () => {
    const limited = await createTestApp({ loginFailureLimit: { maxFailures: 5, windowMinutes: 15 }, database: { ...t.database, close: async () => {} } });
    const u = await createTestUser(t, { portalId: 'retail' });
    for (let i = 0; i < 5; i++) {
      expect((await loginRequest(limited, 'retail', unique('victim'), 'guess1')).statusCode).toBe(401);
    }
    const blocked = await loginRequest(limited, 'retail', u.username, u.password);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('auth.too_many_attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    const other = await limited.app.inject({ method: 'POST', url: '/api/portals/retail/login', payload: { username: u.username, password: u.password }, remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(200);
    limited.clock.advance({ minutes: 16 });
    expect((await loginRequest(limited, 'retail', u.username, u.password)).statusCode).toBe(200);
    await limited.close();
  });
});

describe('logs', () => {
  it('carry request ids and never a password, session token or CSRF token', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'trace' }),
      database: { ...t.database, close: async () => {} },
      clock: t.clock,
      logStream: { write: (line) => { lines.push(line); } },
    });
    const u = await createTestUser(t, { portalId: 'staff', password: 'Very-secret-passphrase-42' });
    const login = await logged.inject({ method: 'POST', url: '/api/portals/staff/login', payload: { username: u.username, password: u.password }, headers: { 'x-request-id': 'req-log-1' } });
    expect(login.statusCode).toBe(200);
    const token = login.cookies.find((c) => c.name === 'portico_session')?.value ?? 'missing';
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    await logged.inject({ method: 'POST', url: '/api/session/logout', headers: { cookie: `portico_session=${token}`, 'x-csrf-token': csrf } });
    await logged.inject({ method: 'POST', url: '/api/portals/staff/login', payload: { username: u.username, password: 'Wrong-secret-passphrase-42' } });
    await logged.close();
    const all = lines.join('');
    expect(all).toContain('req-log-1');
    // One line per request, written once its answer has gone.
    const requestLines = lines.map((l) => JSON.parse(l) as { msg: string; reqId?: string; url?: string; statusCode?: number }).filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(3);
    expect(requestLines[0]).toMatchObject({ reqId: 'req-log-1', url: '/api/portals/staff/login', statusCode: 200 });
    expect(all).not.toContain('incoming request');
    for (const secret of ['Very-secret-passphrase-42', 'Wrong-secret-passphrase-42', token, csrf]) expect(all).not.toContain(secret);
  });

  it('name the failed statement of an unexpected database error but never its bound values', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'info' }),
      database: { ...t.database, close: async () => {} },
      clock: t.clock,
      logStream: { write: (line) => { lines.push(line); } },
    });
    // Like an outbox insert carrying a temporary password that the database refuses.
    logged.get('/api/test/failing-query', { config: { access: { public: true } } }, async () => {
      await t.database.db.execute(sql`select ${'Temp-Secret-Pass-7'}::text as body, 1 / 0 as n`);
      return { ok: true };
    });
    const r = await logged.inject('/api/test/failing-query');
    await logged.close();
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('Temp-Secret-Pass-7');
    const all = lines.join('');
    expect(all).toContain('unhandled error');
    expect(all).toContain('1 / 0 as n');
    expect(all).not.toContain('Temp-Secret-Pass-7');
  });
});
