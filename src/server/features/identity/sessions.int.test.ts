// ID-10: server-side sessions, rotation, timeouts, logout, CSRF; 401/403 on protected routes.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../db/schema/index.ts';
import { createTestApp, createTestUser, logInAs, type TTestApp } from '../../../../test/support/app.ts';
import { hashToken } from './sessions.service.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const getSession = (cookie?: string) => t.app.inject({ method: 'GET', url: '/api/session', headers: cookie ? { cookie } : {} });
const logout = (cookie: string, csrf?: string, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/session/logout', headers: { cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}), ...extra } });

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, path /, and only its hash is stored', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    const { response, cookie } = await logInAs(t, u);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const token = cookie.split('=')[1] ?? '';
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const stored = await t.database.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).toBe(hashToken(token));
    expect(stored[0]?.tokenHash).not.toContain(token);
  });

  it('is Secure in production', async () => {
    const { buildApp } = await import('../../app.ts');
    const { loadConfig } = await import('../../config.ts');
    const prod = await buildApp({
      config: loadConfig({ NODE_ENV: 'production', DATA_DIR: '/x', PORTICO_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }),
      database: { ...t.database, close: async () => {} },
      clock: t.clock,
      logger: false,
    });
    const u = await createTestUser(t, { portalId: 'staff' });
    const r = await prod.inject({ method: 'POST', url: '/api/portals/staff/login', payload: { username: u.username, password: u.password } });
    expect(String(r.headers['set-cookie'])).toMatch(/Secure/);
    await prod.close();
  });

  it('is rotated at login: the session the browser had before ends', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const first = await logInAs(t, u);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      payload: { username: u.username, password: u.password },
      headers: { cookie: first.cookie },
    });
    const second = again.cookies.find((c) => c.name === 'portico_session')?.value;
    expect(second).toBeDefined();
    expect(`portico_session=${second}`).not.toBe(first.cookie);
    expect((await getSession(first.cookie)).statusCode).toBe(401);
    expect((await getSession(`portico_session=${second}`)).statusCode).toBe(200);
  });
});

describe('timeouts', () => {
  it('ends a session idle for 20 minutes, and slides while it is used', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    const { cookie } = await logInAs(t, u);
    t.clock.advance({ minutes: 19 });
    expect((await getSession(cookie)).statusCode).toBe(200);
    t.clock.advance({ minutes: 19 });
    expect((await getSession(cookie)).statusCode).toBe(200);
    t.clock.advance({ minutes: 20 });
    const expired = await getSession(cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/expired/);
    expect((await getSession(cookie)).json().code).toBe('auth.unauthenticated');
  });

  it('ends a session 12 hours after login however active it is', async () => {
    const u = await createTestUser(t, { portalId: 'employers' });
    const { cookie } = await logInAs(t, u);
    for (let i = 0; i < 47; i++) {
      t.clock.advance({ minutes: 15 });
      expect((await getSession(cookie)).statusCode).toBe(200);
    }
    t.clock.advance({ minutes: 15 }); // 12 h exactly
    expect((await getSession(cookie)).statusCode).toBe(401);
  });

  it('fails the next request of a user who is disabled meanwhile', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    const { cookie } = await logInAs(t, u);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, u.id));
    expect((await getSession(cookie)).statusCode).toBe(401);
  });
});

describe('logout', () => {
  it('ends the session on the server and is audited', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const { cookie, csrfToken } = await logInAs(t, u);
    const r = await logout(cookie, csrfToken);
    expect(r.statusCode).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/portico_session=;/);
    expect((await getSession(cookie)).statusCode).toBe(401);
    expect(await t.database.db.$count(auditEvents, eq(auditEvents.targetUserId, u.id))).toBeGreaterThanOrEqual(2);
    expect(await t.database.db.$count(sessions, eq(sessions.userId, u.id))).toBe(0);
  });
});

describe('CSRF', () => {
  it('refuses a state-changing request without the token, or with a wrong one, and changes nothing', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const { cookie, csrfToken } = await logInAs(t, u);
    for (const csrf of [undefined, 'forged', `${csrfToken.slice(0, -1)}x`]) {
      const r = await logout(cookie, csrf);
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('auth.csrf');
    }
    expect((await getSession(cookie)).statusCode).toBe(200);
  });

  it('refuses requests a browser marks as cross-site, even with the token', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const { cookie, csrfToken } = await logInAs(t, u);
    expect((await logout(cookie, csrfToken, { origin: 'https://evil.example' })).statusCode).toBe(403);
    expect((await logout(cookie, csrfToken, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      payload: { username: u.username, password: u.password },
      headers: { origin: 'https://evil.example' },
    });
    expect(login.statusCode).toBe(403);
    expect((await getSession(cookie)).statusCode).toBe(200);
  });
});

describe('protected routes', () => {
  it('answers 401 without a session and with a forged cookie', async () => {
    for (const cookie of [undefined, 'portico_session=forged', `portico_session=${'a'.repeat(500)}`]) {
      for (const url of ['/api/session', '/api/staff/portals']) {
        const r = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
        expect(r.statusCode).toBe(401);
        expect(r.json().code).toBe('auth.unauthenticated');
      }
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/session/logout' })).statusCode).toBe(401);
  });

  it('answers 403 to users of other portals and roles, 200 to staff', async () => {
    for (const portalId of ['producers', 'employers', 'retail'] as const) {
      const u = await createTestUser(t, { portalId });
      const { cookie } = await logInAs(t, u);
      const r = await t.app.inject({ method: 'GET', url: '/api/staff/portals', headers: { cookie } });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('auth.forbidden');
    }
    const staff = await createTestUser(t, { portalId: 'staff', role: 'security-admin' });
    const { cookie } = await logInAs(t, staff);
    const ok = await t.app.inject({ method: 'GET', url: '/api/staff/portals', headers: { cookie } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ id: string }[]>().map((p) => p.id)).toEqual(['producers', 'employers', 'retail', 'staff']);
  });
});
