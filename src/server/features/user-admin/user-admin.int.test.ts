// LC-4 … LC-6 through HTTP: the Password Manager and Security Manager do what they say, audited,
// with their e-mails; disabled IDs get ID-3's text; reinstatement restarts the clock.
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages, sessions, users } from '../../db/schema/index.ts';
import { TEXTS } from '../../../shared/portals.ts';
import { USER_ADMIN_TEXTS, type TAdminUser, type TUserPage } from '../../../shared/user-admin-schemas.ts';
import { createTestApp, loginRequest, logInAs, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createGroupTeam, createProducerTeam } from '../../../../test/support/admin-fixtures.ts';
import { runLifecycle } from '../lifecycle/lifecycle.service.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const userRow = async (id: string) => (await db().select().from(users).where(eq(users.id, id)))[0];
const lastMailTo = async (to: string) =>
  (await db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, to)).orderBy(desc(outboxMessages.id)).limit(1))[0];
const auditOf = (action: string, targetId: string) =>
  db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetUserId, targetId)));
const temporaryPasswordIn = (text: string) => /usable once\): (\S+)/.exec(text)?.[1] ?? '';

/** A producer ID of its own for each test, with a signed-in Primary Producer: no test reads another's data. */
async function ownProducerTeam(subUsers = 1) {
  const { agentId, pp: ppUser, subs } = await createProducerTeam(t, subUsers);
  return { agentId, ppUser, subs, pp: await clientFor(t, ppUser) };
}

describe('Password Manager (LC-5)', () => {
  it('lists the sub-users of the producer ID with status, last login and lock state, not the PP', async () => {
    const team = await ownProducerTeam(3);
    const { pp } = team;
    const sub = team.subs[0];
    if (!sub) throw new Error('fixture');
    await logInAs(t, sub);
    const page = (await pp.get('/api/password-manager/users?sort=username')).json<TUserPage>();
    expect(page.total).toBe(3);
    expect(page.items.map((u) => u.username)).toEqual(team.subs.map((s) => s.username).sort());
    const listed = page.items.find((u) => u.id === sub.id);
    expect(listed).toMatchObject({
      status: 'active',
      locked: false,
      role: 'producer-user',
      roleLabel: 'Producer User',
      producer: { agentUniqueId: team.agentId },
    });
    expect(listed?.lastLoginAt).toBe(t.clock.now().toISOString());
    expect(listed?.actions).toEqual(['reset_password', 'disable']);
  });

  it('creates a sub-user who gets a temporary password by e-mail and must change it at first login', async () => {
    const team = await ownProducerTeam(0);
    const { pp } = team;
    const response = await pp.post('/api/password-manager/users', { username: 'new.sub-user', firstName: 'Nia', lastName: 'New', email: 'nia@example.test' });
    expect(response.statusCode).toBe(201);
    const { user, message } = response.json<{ user: TAdminUser; message: string }>();
    expect(message).toBe(USER_ADMIN_TEXTS.created);
    expect(user).toMatchObject({
      username: 'new.sub-user',
      role: 'producer-user',
      status: 'active',
      producer: { agentUniqueId: team.agentId },
      lastLoginAt: null,
    });
    const row = await userRow(user.id);
    expect(row?.passwordHash).toBeNull();
    const mail = await lastMailTo('nia@example.test');
    expect(mail?.kind).toBe('user_created');
    expect(mail?.subject).toBe('Blue Access for Producers User ID Created');
    const temporary = temporaryPasswordIn(mail?.textBody ?? '');
    expect(temporary).toMatch(/^[A-Za-z0-9]{16}$/);
    const login = await loginRequest(t, 'producers', 'new.sub-user', temporary);
    expect(login.statusCode).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const cookie = `portico_session=${login.cookies.find((c) => c.name === 'portico_session')?.value}`;
    expect((await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: '/api/me/challenge-question',
          headers: { cookie, 'x-csrf-token': login.json().csrfToken },
          payload: { question: 'What was the name of your first pet?', answer: 'Rex' },
        })
      ).json().code,
    ).toBe('auth.password_change_required');
    const [created] = await auditOf('user.created', user.id);
    expect(created).toMatchObject({ actorUserId: team.ppUser.id, portalId: 'producers' });
    expect(created?.details).toMatchObject({ role: 'producer-user', byAdministrator: true });
  });

  it('refuses a taken user name with 409 and creates nothing', async () => {
    const {
      pp,
      subs: [sub],
    } = await ownProducerTeam(1);
    if (!sub) throw new Error('fixture');
    const before = await db().$count(users);
    const response = await pp.post('/api/password-manager/users', {
      username: sub.username.toUpperCase(),
      firstName: 'A',
      lastName: 'B',
      email: 'dup@example.test',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('user.username_taken');
    expect(await db().$count(users)).toBe(before);
    expect(await lastMailTo('dup@example.test')).toBeUndefined();
  });

  it("resets a sub-user's password: the old one stops working, the e-mailed one forces Change Password", async () => {
    const {
      pp,
      subs: [sub],
    } = await ownProducerTeam(1);
    if (!sub) throw new Error('fixture');
    const theirs = await logInAs(t, sub);
    const response = await pp.post(`/api/password-manager/users/${sub.id}/password-reset`);
    expect(response.statusCode).toBe(200);
    expect(response.json().message).toBe(USER_ADMIN_TEXTS.passwordReset);
    expect(await db().$count(sessions, eq(sessions.userId, sub.id))).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: theirs.cookie } })).statusCode).toBe(401);
    expect((await loginRequest(t, 'producers', sub.username, sub.password)).statusCode).toBe(401);
    const mail = await lastMailTo(`${sub.username}@example.test`);
    expect(mail?.subject).toBe('Blue Access for Producers Password Reset');
    const login = await loginRequest(t, 'producers', sub.username, temporaryPasswordIn(mail?.textBody ?? ''));
    expect(login.json().mustChangePassword).toBe(true);
    expect(await auditOf('password.reset_issued', sub.id)).toHaveLength(1);
  });

  it('unlocks a locked sub-user', async () => {
    const {
      pp,
      subs: [sub],
    } = await ownProducerTeam(1);
    if (!sub) throw new Error('fixture');
    for (let i = 0; i < 3; i++) await loginRequest(t, 'producers', sub.username, 'wrong password!');
    expect((await loginRequest(t, 'producers', sub.username, sub.password)).json().code).toBe('auth.locked');
    const listed = (await pp.get(`/api/password-manager/users/${sub.id}`)).json<TAdminUser>();
    expect(listed.locked).toBe(true);
    expect(listed.actions).toContain('unlock');
    const response = await pp.post(`/api/password-manager/users/${sub.id}/unlock`);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.locked).toBe(false);
    expect((await loginRequest(t, 'producers', sub.username, sub.password)).statusCode).toBe(200);
    const [audit] = await auditOf('account.unlocked', sub.id);
    expect(audit?.details).toMatchObject({ wasLocked: true });
  });

  it("disables a sub-user: its sessions end and login shows ID-3's disabled text only after the correct password", async () => {
    const {
      pp,
      subs: [sub],
    } = await ownProducerTeam(1);
    if (!sub) throw new Error('fixture');
    const theirs = await logInAs(t, sub);
    const open = await db().$count(sessions, eq(sessions.userId, sub.id));
    const response = await pp.post(`/api/password-manager/users/${sub.id}/disable`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ message: USER_ADMIN_TEXTS.disabled, user: { status: 'disabled', actions: ['reinstate'] } });
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: theirs.cookie } })).statusCode).toBe(401);
    expect((await loginRequest(t, 'producers', sub.username, sub.password)).json()).toEqual({ code: 'auth.disabled', message: TEXTS.disabled });
    expect((await loginRequest(t, 'producers', sub.username, 'not the password')).json().message).toBe(TEXTS.loginFailed);
    expect((await pp.post(`/api/password-manager/users/${sub.id}/disable`)).json().code).toBe('user.already_disabled');
    const [audit] = await auditOf('user.disabled', sub.id);
    expect(audit?.details).toMatchObject({ endedSessions: open, byAdministrator: true });
    expect(await db().$count(sessions, eq(sessions.userId, sub.id))).toBe(0);
    expect(audit?.requestId).toBeTruthy();
    expect(audit?.ipAddress).toBe('127.0.0.1');
  });

  it('reinstates a disabled sub-user, who logs in again; the inactivity clock restarts (LC-4)', async () => {
    const {
      pp,
      subs: [sub],
    } = await ownProducerTeam(1);
    if (!sub) throw new Error('fixture');
    expect((await pp.post(`/api/password-manager/users/${sub.id}/disable`)).statusCode).toBe(200);
    await db()
      .update(users)
      .set({ lastLoginAt: new Date('2025-01-01T00:00:00Z'), lifecycleWarnedAt: new Date('2025-06-01T00:00:00Z') })
      .where(eq(users.id, sub.id));
    const reinstatedAt = t.clock.now();
    const response = await pp.post(`/api/password-manager/users/${sub.id}/reinstate`);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ status: 'active', disabledAt: null, reinstatedAt: reinstatedAt.toISOString() });
    const row = await userRow(sub.id);
    expect(row).toMatchObject({ status: 'active', disabledAt: null, lifecycleWarnedAt: null, reinstatedAt });
    expect(await auditOf('user.reinstated', sub.id)).toHaveLength(1);
    expect((await pp.post(`/api/password-manager/users/${sub.id}/reinstate`)).json().code).toBe('user.not_disabled');

    // The last login is over a year old, but the job counts from the reinstatement.
    const deps = { db: db(), clock: t.clock };
    const day = (offset: number) => new Date(reinstatedAt.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    t.clock.set(`${day(180)}T03:00:00Z`);
    await runLifecycle(deps, { asOf: day(180), trigger: 'test', publicUrl: 'http://portico.test' });
    expect((await userRow(sub.id))?.status).toBe('active');
    t.clock.set(`${day(181)}T03:00:00Z`);
    await runLifecycle(deps, { asOf: day(181), trigger: 'test', publicUrl: 'http://portico.test' });
    expect((await userRow(sub.id))?.status).toBe('disabled');
    t.clock.set(reinstatedAt);
  });

  it('refuses to reinstate a deleted ID with the LC-3 message', async () => {
    const {
      pp: owner,
      subs: [gone],
    } = await createProducerTeam(t, 1);
    if (!gone) throw new Error('fixture');
    await db()
      .update(users)
      .set({ status: 'deleted', username: `deleted-${gone.id}`, email: null, passwordHash: null, deletedAt: t.clock.now() })
      .where(eq(users.id, gone.id));
    const client = await clientFor(t, owner);
    const response = await client.post(`/api/password-manager/users/${gone.id}/reinstate`);
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'user.deleted', message: 'A deleted user ID cannot be restored; create a new one.' });
    expect((await userRow(gone.id))?.status).toBe('deleted');
    expect((await client.get('/api/password-manager/users')).json<TUserPage>().total).toBe(0);
    expect((await client.get('/api/password-manager/users?status=deleted')).json<TUserPage>().total).toBe(1);
  });
});

/** A group of its own with its DA (signed in), its ADA and four members with known names, e-mails and last logins. */
async function groupWithFourMembers() {
  const team = await createGroupTeam(t, 0);
  const rows = [
    ['alice.w', 'Alice', 'Walker', 'alice@acme.test', '2026-02-01T10:00:00Z'],
    ['bob.k', 'Bob', 'King', 'bob@acme.test', null],
    ['carol.z', 'Carol', 'Zhang', 'carol@other.test', '2026-01-05T10:00:00Z'],
    ['dave_1', 'Dave', 'Adams', 'dave%@acme.test', '2026-02-20T10:00:00Z'],
  ] as const;
  const groupId = (await userRow(team.da.id))?.groupId ?? null;
  for (const [username, firstName, lastName, email, lastLogin] of rows) {
    await db()
      .insert(users)
      .values({
        portalId: 'employers',
        username,
        role: 'employer-user',
        firstName,
        lastName,
        email,
        groupId,
        lastLoginAt: lastLogin ? new Date(lastLogin) : null,
        createdAt: new Date('2025-12-01T00:00:00Z'),
      });
  }
  return { team, da: await clientFor(t, team.da) };
}

describe('Security Manager (LC-6)', () => {
  const names = (page: TUserPage) => page.items.map((u) => u.username);

  it('Current Users - Search: name, user name or e-mail; sorted; paginated with a total', async () => {
    const { team, da } = await groupWithFourMembers();
    expect(names((await da.get('/api/security-manager/users?q=walker')).json())).toEqual(['alice.w']);
    expect(names((await da.get('/api/security-manager/users?q=ALICE')).json())).toEqual(['alice.w']);
    expect(names((await da.get('/api/security-manager/users?q=other.test')).json())).toEqual(['carol.z']);
    expect(names((await da.get('/api/security-manager/users?q=bob%20king')).json())).toEqual(['bob.k']);
    // LIKE wildcards match themselves.
    expect(names((await da.get('/api/security-manager/users?q=%25')).json())).toEqual(['dave_1']);
    expect(names((await da.get('/api/security-manager/users?q=e_1')).json())).toEqual(['dave_1']);

    expect((await da.get('/api/security-manager/users?pageSize=100')).json<TUserPage>().total).toBe(6); // four users, the DA and the ADA
    expect(names((await da.get('/api/security-manager/users?sort=name&q=acme')).json())).toEqual(['dave_1', 'bob.k', 'alice.w']);
    expect(names((await da.get('/api/security-manager/users?sort=name&dir=desc&q=acme')).json())).toEqual(['alice.w', 'bob.k', 'dave_1']);
    const byLogin = (await da.get('/api/security-manager/users?sort=lastLogin&dir=desc&q=e')).json<TUserPage>();
    // Newest login first (the DA logged in just now), never-used IDs last, by user name.
    expect(names(byLogin)).toEqual([team.da.username, 'dave_1', 'alice.w', 'carol.z', team.ada.username, 'bob.k']);
    const page2 = (await da.get('/api/security-manager/users?sort=username&pageSize=2&page=2')).json<TUserPage>();
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 6 });
    expect(page2.items).toHaveLength(2);
    expect((await da.get('/api/security-manager/users?status=disabled')).json<TUserPage>().total).toBe(0);
  });

  it('a DA creates an Alternate DA but not a DA; the role field cannot raise privileges', async () => {
    const team = await createGroupTeam(t, 0);
    const da = await clientFor(t, team.da);
    const ok = await da.post('/api/security-manager/users', {
      username: 'second.ada',
      firstName: 'S',
      lastName: 'A',
      email: 'sada@acme.test',
      role: 'alternate-delegated-admin',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().user.group.accountNumber).toBe(team.account);
    const before = await db().$count(users);
    const raised = await da.post('/api/security-manager/users', {
      username: 'second.da',
      firstName: 'S',
      lastName: 'D',
      email: 'sda@acme.test',
      role: 'delegated-admin',
    });
    expect(raised.statusCode).toBe(400);
    const ada = await clientFor(t, team.ada);
    const byAda = await ada.post('/api/security-manager/users', {
      username: 'third.ada',
      firstName: 'T',
      lastName: 'A',
      email: 'tada@acme.test',
      role: 'alternate-delegated-admin',
    });
    expect(byAda.statusCode).toBe(403);
    expect(await db().$count(users)).toBe(before);
  });
});
