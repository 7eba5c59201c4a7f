// ID-1, ID-2, ID-3: lockout counting, expiry by clock, atomicity, no user enumeration.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions, users } from '../../db/schema/index.ts';
import { TEXTS } from '../../../shared/portals.ts';
import { unlockUser } from '../user-admin/user-accounts.service.ts';
import { findLoginContexts, recordLoginSuccesses, type TLoginSuccess } from './identity.store.ts';
import { GroupCommit } from '../../platform/group-commit.ts';
import { createTestApp, createTestUser, loginRequest, unique, type TTestApp } from '../../../../test/support/app.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function userRow(id: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
  if (!row) throw new Error('user missing');
  return row;
}

async function auditCount(action: string, targetLabel: string) {
  return t.database.db.$count(auditEvents, and(eq(auditEvents.action, action), eq(auditEvents.targetLabel, targetLabel)));
}

describe('login', () => {
  it('logs in with the right password, case-insensitive user name, and resets the failure count', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    expect((await loginRequest(t, 'retail', u.username, 'wrong1')).statusCode).toBe(401);
    const ok = await loginRequest(t, 'retail', u.username.toUpperCase(), u.password);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ user: { username: u.username, portal: 'retail' }, portal: { id: 'retail' } });
    const row = await userRow(u.id);
    expect(row.failedAttempts).toBe(0);
    expect(row.lastLoginAt?.toISOString()).toBe(t.clock.now().toISOString());
    expect(await auditCount('login.success', u.username)).toBe(1);
  });

  it('treats passwords as case-sensitive', async () => {
    const u = await createTestUser(t, { portalId: 'retail', password: 'Kp4xw9Qz' });
    expect((await loginRequest(t, 'retail', u.username, 'kp4xw9qz')).statusCode).toBe(401);
  });

  it('keeps user bases apart: a user of one portal cannot log in to another', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const response = await loginRequest(t, 'producers', u.username, u.password);
    expect(response.statusCode).toBe(401);
    expect(response.json().message).toBe(TEXTS.loginFailed);
  });

  it('answers 404 for a portal that does not exist', async () => {
    const response = await loginRequest(t, 'nowhere', 'x', 'y');
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('portal.not_found');
  });
});

describe('logins that wait together (login-admission.ts)', () => {
  it('reads several user names in one statement, each answered in its place', async () => {
    const [ann, bob] = [await createTestUser(t, { portalId: 'retail' }), await createTestUser(t, { portalId: 'retail' })];
    const contexts = await findLoginContexts(t.database.db, 'retail', [bob.username, 'nobody-' + unique(), ann.username.toUpperCase(), bob.username]);
    expect(contexts.map((c) => c?.portal.id)).toEqual(['retail', 'retail', 'retail', 'retail']);
    expect(contexts.map((c) => c?.candidate?.id ?? null)).toEqual([bob.id, null, ann.id, bob.id]);
    expect(contexts[0]?.portal.texts.invalidCredentials).toBeTruthy();
  });

  it('answers parallel logins each by its own account', async () => {
    const people = await Promise.all([1, 2, 3, 4].map(() => createTestUser(t, { portalId: 'retail' })));
    const [, second] = people;
    const attempts = [
      ...people.map((p) => ({ username: p.username, password: p.password, status: 200 })),
      { username: second?.username ?? '', password: 'wrong1', status: 401 },
      { username: 'nobody-' + unique(), password: 'Kp4xw9Qz', status: 401 },
    ];
    const responses = await Promise.all(attempts.map((a) => loginRequest(t, 'retail', a.username, a.password)));
    expect(responses.map((r) => r.statusCode)).toEqual(attempts.map((a) => a.status));
    expect(responses.slice(0, 4).map((r) => r.json<{ user: { username: string } }>().user.username)).toEqual(people.map((p) => p.username));
    // Each cookie is its own account's session (the successes were written together).
    const sessionsOf = await Promise.all(
      responses.slice(0, 4).map((r) => {
        const cookie = r.cookies.find((c) => c.name === 'portico_session');
        return t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: `portico_session=${cookie?.value ?? ''}` } });
      }),
    );
    expect(sessionsOf.map((r) => r.json<{ user: { username: string } }>().user.username)).toEqual(people.map((p) => p.username));
  });
});

describe('lockout (ID-2)', () => {
  it('shows the retail texts: two failures, then the lock on the third, even for the right password', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    for (let i = 1; i <= 2; i++) {
      const r = await loginRequest(t, 'retail', u.username, 'wrong1');
      expect(r.statusCode).toBe(401);
      expect(r.json()).toEqual({ code: 'auth.invalid_credentials', message: TEXTS.retailInvalidCredentials });
    }
    const third = await loginRequest(t, 'retail', u.username, 'wrong1');
    expect(third.json()).toEqual({ code: 'auth.locked', message: TEXTS.locked });
    const right = await loginRequest(t, 'retail', u.username, u.password);
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual({ code: 'auth.locked', message: TEXTS.locked });
    expect((await userRow(u.id)).failedAttempts).toBe(3);
    expect(await auditCount('account.locked', u.username)).toBe(1);
    expect(await auditCount('login.refused_locked', u.username)).toBe(1);
  });

  it('shows the producers portal its own ID-3 text for the first two failures', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    const r = await loginRequest(t, 'producers', u.username, 'wrong-password');
    expect(r.json()).toEqual({ code: 'auth.invalid_credentials', message: TEXTS.loginFailed });
  });

  it('lifts the lock when the lock duration (per portal) has passed, by the clock', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    for (let i = 0; i < 3; i++) await loginRequest(t, 'retail', u.username, 'wrong1');
    t.clock.advance({ minutes: 29, seconds: 59 });
    expect((await loginRequest(t, 'retail', u.username, u.password)).json().code).toBe('auth.locked');
    t.clock.advance({ seconds: 1 });
    expect((await loginRequest(t, 'retail', u.username, u.password)).statusCode).toBe(200);
    const row = await userRow(u.id);
    expect(row.failedAttempts).toBe(0);
    expect(row.lockedUntil).toBeNull();
  });

  it('is lifted by an administrator before it expires, and the unlock is audited', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    for (let i = 0; i < 3; i++) await loginRequest(t, 'producers', u.username, 'wrong-password');
    expect((await loginRequest(t, 'producers', u.username, u.password)).json().code).toBe('auth.locked');
    await unlockUser({ db: t.database.db, clock: t.clock }, { portalId: 'producers', username: u.username.toUpperCase(), actor: { label: 'help desk' } });
    expect((await loginRequest(t, 'producers', u.username, u.password)).statusCode).toBe(200);
    expect(await auditCount('account.unlocked', u.username)).toBe(1);
    await expect(
      unlockUser({ db: t.database.db, clock: t.clock }, { portalId: 'producers', username: unique('nobody'), actor: { label: 'x' } }),
    ).rejects.toMatchObject({ code: 'user.not_found' });
  });

  it('restarts the count after an expired lock instead of locking again at once', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    for (let i = 0; i < 3; i++) await loginRequest(t, 'retail', u.username, 'wrong1');
    t.clock.advance({ minutes: 31 });
    const after = await loginRequest(t, 'retail', u.username, 'wrong1');
    expect(after.json().code).toBe('auth.invalid_credentials');
    expect((await userRow(u.id)).failedAttempts).toBe(1);
  });

  it('counts parallel wrong attempts without losing one and locks exactly once', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const responses = await Promise.all(Array.from({ length: 10 }, () => loginRequest(t, 'retail', u.username, 'wrong1')));
    const codes = responses.map((r) => r.json<{ code: string }>().code);
    expect(codes.filter((c) => c === 'auth.invalid_credentials')).toHaveLength(2);
    expect(codes.filter((c) => c === 'auth.locked')).toHaveLength(8);
    expect((await userRow(u.id)).failedAttempts).toBe(3);
    expect(await auditCount('account.locked', u.username)).toBe(1);
  });

  it('counts parallel attempts on an unknown user name the same way', async () => {
    const name = unique('ghost');
    const responses = await Promise.all(Array.from({ length: 10 }, () => loginRequest(t, 'retail', name, 'wrong1')));
    const codes = responses.map((r) => r.json<{ code: string }>().code);
    expect(codes.filter((c) => c === 'auth.invalid_credentials')).toHaveLength(2);
    expect(codes.filter((c) => c === 'auth.locked')).toHaveLength(8);
    expect(await auditCount('account.locked', name)).toBe(1);
  });
});

describe('no user enumeration', () => {
  it('answers an unknown name and a wrong password with the same status and body, attempt by attempt', async () => {
    for (const portal of ['retail', 'producers', 'employers', 'staff'] as const) {
      const u = await createTestUser(t, { portalId: portal });
      const ghost = unique('ghost');
      for (let i = 0; i < 4; i++) {
        const known = await loginRequest(t, portal, u.username, 'Wrong-password-1');
        const unknown = await loginRequest(t, portal, ghost, 'Wrong-password-1');
        expect(unknown.statusCode).toBe(known.statusCode);
        expect(unknown.body).toBe(known.body);
        expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
      }
    }
  });

  it('treats a deleted user name as unknown', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    await t.database.db.update(users).set({ status: 'deleted' }).where(eq(users.id, u.id));
    const r = await loginRequest(t, 'producers', u.username, u.password);
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ code: 'auth.invalid_credentials', message: TEXTS.loginFailed });
  });
});

describe('disabled IDs (ID-3)', () => {
  it('shows the disabled text only after the correct password', async () => {
    const u = await createTestUser(t, { portalId: 'employers' });
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, u.id));
    const wrong = await loginRequest(t, 'employers', u.username, 'Wrong-password-1');
    expect(wrong.json()).toEqual({ code: 'auth.invalid_credentials', message: TEXTS.loginFailed });
    const right = await loginRequest(t, 'employers', u.username, u.password);
    expect(right.statusCode).toBe(403);
    expect(right.json()).toEqual({ code: 'auth.disabled', message: TEXTS.disabled });
    expect(right.cookies.find((c) => c.name === 'portico_session')).toBeUndefined();
  });
});

describe('bad input', () => {
  it.each([
    ['missing fields', {}, ['username', 'password']],
    ['empty user name', { username: ' ', password: 'x' }, ['username']],
    ['over-long user name', { username: 'a'.repeat(65), password: 'x' }, ['username']],
    ['over-long password', { username: 'a', password: 'x'.repeat(129) }, ['password']],
    ['wrong types', { username: 5, password: ['x'] }, ['username', 'password']],
  ])('refuses %s with 400 and field messages', async (_name, payload, fields) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/portals/retail/login', payload });
    expect(r.statusCode).toBe(400);
    const body = r.json<{ code: string; fields: { field: string }[] }>();
    expect(body.code).toBe('request.invalid');
    expect(body.fields.map((f) => f.field).sort()).toEqual(fields.sort());
  });

  it('refuses malformed JSON and other media types', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_json');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/portals/retail/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().code).toBe('request.unsupported_media_type');
  });
});

describe('the success statement re-checks what a parallel request may have changed', () => {
  async function success(u: { id: string; username: string }, mustChangePassword = false) {
    const { prepareSession } = await import('./sessions.service.ts');
    const portal = { lockoutThreshold: 3, lockoutMinutes: 30, sessionIdleMinutes: 20, sessionAbsoluteMinutes: 720 } as never;
    const session = prepareSession({ userId: u.id, portalId: 'retail', policy: portal, now: t.clock.now(), mustChangePassword });
    return { now: t.clock.now(), previousTokenHash: undefined, session: session.row, username: u.username, requestId: undefined };
  }

  async function succeed(u: { id: string; username: string }, mustChangePassword = false) {
    const [started] = await recordLoginSuccesses(t.database.db, [await success(u, mustChangePassword)]);
    return started;
  }

  it('writes several logins in one statement, each judged on its own, in the order given', async () => {
    // Ids descending, the locked one first: the statement writes in id order, so answers given
    // back in its order instead of the caller's would put the refusal last.
    const created = [
      await createTestUser(t, { portalId: 'retail' }),
      await createTestUser(t, { portalId: 'retail' }),
      await createTestUser(t, { portalId: 'retail' }),
    ];
    const [locked, mid, low] = created.sort((a, b) => (a.id < b.id ? 1 : -1));
    if (!locked || !mid || !low) throw new Error('no users');
    for (let i = 0; i < 3; i++) await loginRequest(t, 'retail', locked.username, 'wrong1');
    const inputs = await Promise.all([locked, low, mid, low].map((u) => success(u)));
    expect(await recordLoginSuccesses(t.database.db, inputs)).toEqual([false, true, true, true]);
    expect(await Promise.all([locked, mid, low].map((u) => auditCount('login.success', u.username)))).toEqual([0, 1, 2]);
    const started = await t.database.db
      .select()
      .from(sessions)
      .where(
        inArray(
          sessions.tokenHash,
          inputs.map((i) => i.session.tokenHash),
        ),
      );
    expect(new Map(started.map((s) => [s.tokenHash, s.userId]))).toEqual(
      new Map([1, 2, 3].map((i) => [inputs[i]?.session.tokenHash, inputs[i]?.session.userId])),
    );
  });

  it('fails only the faulty login of a batch that rolled back; the others commit with their audit rows', async () => {
    const [ann, bob, cy] = [
      await createTestUser(t, { portalId: 'retail' }),
      await createTestUser(t, { portalId: 'retail' }),
      await createTestUser(t, { portalId: 'retail' }),
    ];
    const [earlier, a, b, c] = await Promise.all([ann, ann, bob, cy].map((u) => success(u)));
    if (!earlier || !a || !b || !c) throw new Error('no inputs');
    expect(await recordLoginSuccesses(t.database.db, [earlier])).toEqual([true]);
    // The token of a session already committed: a unique violation whichever retry runs first.
    const clash = { ...b, session: { ...b.session, tokenHash: earlier.session.tokenHash } };
    const group = new GroupCommit((items: readonly TLoginSuccess[]) => recordLoginSuccesses(t.database.db, items), {
      holdMs: 1_000,
      maxBatch: 3,
      worthHolding: () => true,
      retryAlone: () => true,
    });
    const settled = await Promise.allSettled([group.write(a), group.write(clash), group.write(c)]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect([
      await auditCount('login.success', ann.username),
      await auditCount('login.success', bob.username),
      await auditCount('login.success', cy.username),
    ]).toEqual([2, 0, 1]);
    expect((await userRow(bob.id)).lastLoginAt).toBeNull();
  });

  it('refuses a login whose account was locked after its password was verified', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    for (let i = 0; i < 3; i++) await loginRequest(t, 'retail', u.username, 'wrong1');
    expect(await succeed(u)).toBe(false);
    expect((await userRow(u.id)).lockedUntil).not.toBeNull();
    expect(await auditCount('login.success', u.username)).toBe(0);
  });

  it('refuses a disabled account, and a temporary password used by a parallel login', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    await t.database.db
      .update(users)
      .set({ tempPasswordHash: 'x', tempPasswordExpiresAt: new Date(t.clock.now().getTime() + 3_600_000) })
      .where(eq(users.id, u.id));
    expect(await succeed(u, true)).toBe(true);
    expect(await succeed(u, true)).toBe(false);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, u.id));
    expect(await succeed(u)).toBe(false);
  });

  it('lets a live temporary password in while the account is locked, and leaves the lock to the completed reset (ID-7)', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    for (let i = 0; i < 3; i++) await loginRequest(t, 'retail', u.username, 'wrong1');
    const locked = await userRow(u.id);
    await t.database.db
      .update(users)
      .set({ tempPasswordHash: 'x', tempPasswordExpiresAt: new Date(t.clock.now().getTime() + 3_600_000) })
      .where(eq(users.id, u.id));
    expect(await succeed(u)).toBe(false);
    expect(await succeed(u, true)).toBe(true);
    const after = await userRow(u.id);
    expect(after.lockedUntil).toEqual(locked.lockedUntil);
    expect(after.failedAttempts).toBe(3);
    expect(after.lastLoginAt?.toISOString()).toBe(t.clock.now().toISOString());
  });

  it('never lets a correct password in once parallel guesses have locked the account', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    const attempts = [...Array.from({ length: 11 }, () => 'wrong1'), u.password];
    const responses = await Promise.all(attempts.map((p) => loginRequest(t, 'retail', u.username, p)));
    const right = responses[11];
    const row = await userRow(u.id);
    // Either the right password got in before the lock (and reset the count), or it was refused.
    if (right?.statusCode === 200) expect(await auditCount('account.locked', u.username)).toBeLessThanOrEqual(1);
    else expect(right?.json().code).toBe('auth.locked');
    if (row.lockedUntil && row.lockedUntil > t.clock.now()) {
      const successes = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'login.success'), eq(auditEvents.targetLabel, u.username)));
      const locks = await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'account.locked'), eq(auditEvents.targetLabel, u.username)));
      for (const s of successes) for (const l of locks) expect(s.id).toBeLessThan(l.id);
    }
  });
});
