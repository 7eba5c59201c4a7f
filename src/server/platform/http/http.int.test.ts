// The HTTP platform: health, readiness, OpenAPI, headers, errors as {code, message}, rate limit.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, wrapPglite } from '../../db/client.ts';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { TEXTS } from '../../../shared/portals.ts';
import { createTestApp, createTestUser, loginRequest, unique, type TTestApp } from '../../../../test/support/app.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent' });

describe('operations endpoints', () => {
  it('reports the process up and the database ready', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  it('publishes OpenAPI generated from the route schemas, and a docs page', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/portals/{portalId}/login', '/api/session', '/api/session/logout', '/healthz', '/readyz']),
    );
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

describe('Cache-Control: no-store on every API answer', () => {
  const noStore = (r: { headers: Record<string, unknown> }, what: string) => expect(r.headers['cache-control'], what).toBe('no-store');

  it('on JSON answers: public, with a session (its CSRF token), and an encoded path to the same route', async () => {
    noStore(await t.app.inject('/api/portals'), '/api/portals');
    noStore(await t.app.inject('/api/openapi.json'), '/api/openapi.json');
    const u = await createTestUser(t, { portalId: 'staff', role: 'help-desk' });
    const login = await loginRequest(t, 'staff', u.username, u.password);
    expect(login.statusCode).toBe(200);
    noStore(login, 'login');
    const cookie = `portico_session=${login.cookies.find((c) => c.name === 'portico_session')?.value ?? ''}`;
    const session = await t.app.inject({ url: '/api/session', headers: { cookie } });
    expect(session.json()).toHaveProperty('csrfToken');
    noStore(session, '/api/session');
    const encoded = await t.app.inject({ url: '/%61pi/session', headers: { cookie } });
    // The router decodes the path: this is /api/session too, so a test of the raw URL would miss it.
    expect(encoded.statusCode).toBe(200);
    noStore(encoded, '/%61pi/session');
    const users = await t.app.inject({ url: '/api/staff/users', headers: { cookie } });
    expect(users.statusCode).toBe(200);
    noStore(users, '/api/staff/users');
    const csv = await t.app.inject({ url: '/api/staff/users.csv', headers: { cookie } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    noStore(csv, '/api/staff/users.csv');
  });

  it('on error answers', async () => {
    const errors = [
      await t.app.inject('/api/nothing-here'),
      await t.app.inject('/api/staff/users'),
      await t.app.inject('/api/portals/moon/login'),
      await t.app.inject({ method: 'POST', url: '/api/portals/retail/login', payload: {} }),
      await t.app.inject({ method: 'POST', url: '/api/portals/retail/login', headers: { 'content-type': 'application/json' }, payload: '{' }),
    ];
    for (const r of errors) {
      expect(r.statusCode).toBeGreaterThanOrEqual(400);
      noStore(r, `${r.statusCode} ${r.body}`);
    }
  });

  it("leaves the web app's static assets cacheable", async () => {
    const webRoot = await mkdtemp(join(tmpdir(), 'portico-web-'));
    await mkdir(join(webRoot, 'assets'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Portico</title>');
    await writeFile(join(webRoot, 'assets', 'app-1234.js'), 'export {};');
    const app = await buildApp({ config, database: { ...t.database, close: async () => {} }, logger: false, webRoot });
    try {
      const asset = await app.inject('/assets/app-1234.js');
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).not.toMatch(/no-store/);
      expect((await app.inject('/healthz')).headers['cache-control']).toBeUndefined();
    } finally {
      await app.close();
      await rm(webRoot, { recursive: true, force: true });
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
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
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
    const other = await limited.app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      payload: { username: u.username, password: u.password },
      remoteAddress: '10.1.2.3',
    });
    expect(other.statusCode).toBe(200);
    limited.clock.advance({ minutes: 16 });
    expect((await loginRequest(limited, 'retail', u.username, u.password)).statusCode).toBe(200);
    await limited.close();
  });
});

describe('per-address failure limit behind a reverse proxy (TRUST_PROXY)', () => {
  async function appWith(env: Record<string, string>) {
    return buildApp({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env }),
      database: { ...t.database, close: async () => {} },
      logger: false,
      loginFailureLimit: { maxFailures: 3, windowMinutes: 15 },
    });
  }
  /** A failed login relayed by a proxy at `proxy` for the client(s) of `forwardedFor`. */
  const failFrom = (app: Awaited<ReturnType<typeof appWith>>, forwardedFor: string, proxy = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      payload: { username: unique('victim'), password: 'guess1' },
      headers: { 'x-forwarded-for': forwardedFor },
      remoteAddress: proxy,
    });

  it("without it, every client behind the proxy shares the proxy's counter", async () => {
    const app = await appWith({});
    for (let i = 0; i < 3; i++) expect((await failFrom(app, '203.0.113.1')).statusCode).toBe(401);
    expect((await failFrom(app, '203.0.113.2')).statusCode).toBe(429);
    await app.close();
  });

  for (const trusted of ['127.0.0.1', 'loopback', '10.0.0.0/8,127.0.0.0/8']) {
    it(`with TRUST_PROXY=${trusted}, counts each forwarded client apart, and a client cannot choose its address`, async () => {
      const app = await appWith({ TRUST_PROXY: trusted });
      for (let i = 0; i < 3; i++) expect((await failFrom(app, '203.0.113.1')).statusCode).toBe(401);
      expect((await failFrom(app, '203.0.113.1')).statusCode).toBe(429);
      // The proxy appends the address it saw; what the client wrote before it is not believed.
      expect((await failFrom(app, '198.51.100.9, 203.0.113.1')).statusCode).toBe(429);
      expect((await failFrom(app, '203.0.113.2')).statusCode).toBe(401);
      // A client reaching the server directly is counted by its own address, whatever it forwards.
      for (let i = 0; i < 3; i++) expect((await failFrom(app, `198.51.100.${i}`, '192.0.2.7')).statusCode).toBe(401);
      expect((await failFrom(app, '198.51.100.50', '192.0.2.7')).statusCode).toBe(429);
      await app.close();
    });
  }
});

describe('logs', () => {
  it('carry request ids and never a password, session token or CSRF token', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'trace' }),
      database: { ...t.database, close: async () => {} },
      clock: t.clock,
      logStream: {
        write: (line) => {
          lines.push(line);
        },
      },
    });
    const u = await createTestUser(t, { portalId: 'staff', password: 'Very-secret-passphrase-42' });
    const login = await logged.inject({
      method: 'POST',
      url: '/api/portals/staff/login',
      payload: { username: u.username, password: u.password },
      headers: { 'x-request-id': 'req-log-1' },
    });
    expect(login.statusCode).toBe(200);
    const token = login.cookies.find((c) => c.name === 'portico_session')?.value ?? 'missing';
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    await logged.inject({ method: 'POST', url: '/api/session/logout', headers: { cookie: `portico_session=${token}`, 'x-csrf-token': csrf } });
    await logged.inject({ method: 'POST', url: '/api/portals/staff/login', payload: { username: u.username, password: 'Wrong-secret-passphrase-42' } });
    // A search's values (names, birth dates) stay out of the log; its keys are kept.
    await logged.inject({ url: '/api/book/clients?name=Whitaker&dateOfBirth=1955-03-14' });
    await logged.close();
    const all = lines.join('');
    expect(all).toContain('req-log-1');
    // One line per request, written once its answer has gone.
    const requestLines = lines
      .map((l) => JSON.parse(l) as { msg: string; reqId?: string; url?: string; statusCode?: number })
      .filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(4);
    expect(requestLines[3]).toMatchObject({ url: '/api/book/clients?name=…&dateOfBirth=…', statusCode: 401 });
    expect(requestLines[0]).toMatchObject({ reqId: 'req-log-1', url: '/api/portals/staff/login', statusCode: 200 });
    expect(all).not.toContain('incoming request');
    for (const secret of ['Very-secret-passphrase-42', 'Wrong-secret-passphrase-42', token, csrf, 'Whitaker', '1955-03-14']) expect(all).not.toContain(secret);
  });

  it('name the failed statement of an unexpected database error but never its bound values', async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'info' }),
      database: { ...t.database, close: async () => {} },
      clock: t.clock,
      logStream: {
        write: (line) => {
          lines.push(line);
        },
      },
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
