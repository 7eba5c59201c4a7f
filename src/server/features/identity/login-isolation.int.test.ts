// Issue 12, item 1: no login's input can fail another user's login. Control characters are
// refused at the edge; and should a name the database cannot read reach the batched context
// read anyway, only that login fails, not the logins read with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestUser, loginRequest, type TTestApp } from '../../../../test/support/app.ts';
import { createLogInDeps, logIn } from './login.service.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a login with a user name the database cannot store', () => {
  it('is refused at the edge with 400, and the correct logins sent beside it all succeed', async () => {
    const accounts = await Promise.all(Array.from({ length: 4 }, () => createTestUser(t, { portalId: 'producers' })));
    const answers = await Promise.all([
      ...accounts.map((u) => loginRequest(t, 'producers', u.username, u.password)),
      ...accounts.map(() => loginRequest(t, 'producers', 'x\u0000', 'x')),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 400, 400, 400, 400]);
    expect(answers[4]?.json()).toMatchObject({ code: 'request.invalid', fields: [{ field: 'username' }] });
  });

  it('fails only itself when it reaches the batched read past the edge', async () => {
    const deps = createLogInDeps({ db: t.database.db, clock: t.clock });
    const accounts = await Promise.all(Array.from({ length: 6 }, () => createTestUser(t, { portalId: 'producers' })));
    const attempt = (username: string, password: string) =>
      logIn(deps, { portalId: 'producers', username, password }).then(
        () => 'in',
        (error: Error & { code?: string }) => error.code ?? error.message,
      );
    // More logins than turns, so the ones waiting are read together with the bad name among them.
    const outcomes = await Promise.all([
      ...accounts.slice(0, 3).map((u) => attempt(u.username, u.password)),
      attempt('bad\u0000name', 'x'),
      ...accounts.slice(3).map((u) => attempt(u.username, u.password)),
    ]);
    // 22021 on PostgreSQL, 22P05 on PGlite: a character the database cannot store (HTTP maps it to 400).
    expect(outcomes).toEqual(['in', 'in', 'in', expect.stringMatching(/^22/), 'in', 'in', 'in']);
  });
});
