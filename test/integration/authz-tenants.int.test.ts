// Cross-tenant and privilege-raising attempts on the administration APIs: each answers 403 or 404
// and changes nothing — the target row, its sessions, the outbox and the audit trail stay as they were.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages, portals, sessions, users } from '../../src/server/db/schema/index.ts';
import { createUser } from '../../src/server/features/user-admin/user-accounts.service.ts';
import type { TUserPage } from '../../src/shared/user-admin-schemas.ts';
import { createTestApp, loginRequest, type TTestApp } from '../support/app.ts';
import { clientFor, createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TClient, type TFixtureUser } from '../support/admin-fixtures.ts';

let t: TTestApp;
const db = () => t.database.db;

let producerA: Awaited<ReturnType<typeof createProducerTeam>>;
let producerB: Awaited<ReturnType<typeof createProducerTeam>>;
let groupA: Awaited<ReturnType<typeof createGroupTeam>>;
let groupB: Awaited<ReturnType<typeof createGroupTeam>>;
let secondDa: TFixtureUser;
let secondPp: TFixtureUser;
let retail: TFixtureUser;
let staff: { hd: TFixtureUser; ps: TFixtureUser; sa: TFixtureUser };
/** Sessions opened before the targets are locked (a locked account cannot log in). */
const clients = new Map<string, TClient>();
const clientOf = (user: TFixtureUser): TClient => {
  const client = clients.get(user.id);
  if (!client) throw new Error(`no session for ${user.username}`);
  return client;
};

beforeAll(async () => {
  t = await createTestApp();
  producerA = await createProducerTeam(t, 2);
  producerB = await createProducerTeam(t, 1);
  groupA = await createGroupTeam(t, 1);
  groupB = await createGroupTeam(t, 1);
  retail = await createRetailUser(t);
  staff = { hd: await createStaff(t, 'help-desk'), ps: await createStaff(t, 'producer-services'), sa: await createStaff(t, 'security-admin') };
  // A second DA in group A and a second PP of producer A: peers, whom nobody but staff may touch.
  const deps = { db: db(), clock: t.clock };
  const groupAccount = groupA.account;
  secondDa = {
    ...(await createUser(deps, {
      portalId: 'employers',
      username: 'second.da',
      password: 'Correct horse 9',
      role: 'delegated-admin',
      groupAccountNumber: groupAccount,
      email: 'second.da@example.test',
      actor: { label: 'test' },
    })),
    username: 'second.da',
    password: 'Correct horse 9',
    portalId: 'employers',
    role: 'delegated-admin',
  };
  secondPp = {
    ...(await createUser(deps, {
      portalId: 'producers',
      username: 'second.pp',
      password: 'Correct horse 9',
      role: 'primary-producer',
      producerAgentId: producerA.agentId,
      email: 'second.pp@example.test',
      actor: { label: 'test' },
    })),
    username: 'second.pp',
    password: 'Correct horse 9',
    portalId: 'producers',
    role: 'primary-producer',
  };
  for (const user of [producerA.pp, ...producerA.subs, groupA.da, groupA.ada, first(groupA.users), staff.hd, staff.ps, staff.sa]) {
    clients.set(user.id, await clientFor(t, user));
  }
  // Make every target locked and disabled-able: give them something to change.
  await db()
    .update(users)
    .set({ failedAttempts: 3, lockedUntil: new Date('2026-03-02T10:00:00Z') })
    .where(sql`${users.portalId} <> 'staff' or ${users.role} = 'security-admin'`);
});
afterAll(async () => {
  await t.close();
});

const first = <T>(list: T[]): T => {
  const [item] = list;
  if (item === undefined) throw new Error('fixture');
  return item;
};

/** Everything an action could change about a user. */
async function footprint(userId: string) {
  const [row] = await db().select().from(users).where(eq(users.id, userId));
  return {
    row,
    sessions: await db().$count(sessions, eq(sessions.userId, userId)),
    audit: await db().$count(auditEvents, and(eq(auditEvents.targetUserId, userId), sql`${auditEvents.action} not like 'login.%'`)),
    outbox: await db().$count(outboxMessages),
  };
}

const ACTIONS = ['password-reset', 'unlock', 'disable', 'reinstate'] as const;

/** Tries every action (and the detail view) on `target`; each must answer `status` and change nothing. */
async function expectRefused(client: TClient, prefix: string, target: { id: string }, status: 403 | 404, only: readonly string[] = ACTIONS) {
  const before = await footprint(target.id);
  for (const action of only) {
    const response = await client.post(`${prefix}/users/${target.id}/${action}`);
    expect({ action, status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
      action,
      status,
      code: status === 404 ? 'user.not_found' : 'auth.forbidden',
    });
    if (status === 404) expect(response.json<{ message: string }>().message).toBe('There is no such user in this portal.');
  }
  if (status === 404) expect((await client.get(`${prefix}/users/${target.id}`)).statusCode).toBe(404);
  expect(await footprint(target.id)).toEqual(before);
}

describe('Primary Producer', () => {
  let pp: TClient;
  beforeAll(() => {
    pp = clientOf(producerA.pp);
  });

  it("answers 404 for another producer ID's sub-users, and for other portals' users", async () => {
    await expectRefused(pp, '/api/password-manager', first(producerB.subs), 404);
    await expectRefused(pp, '/api/password-manager', producerB.pp, 404);
    await expectRefused(pp, '/api/password-manager', first(groupA.users), 404);
    await expectRefused(pp, '/api/password-manager', retail, 404);
    await expectRefused(pp, '/api/password-manager', staff.sa, 404);
  });

  it('answers 403 on itself and on another Primary Producer of its producer ID', async () => {
    await expectRefused(pp, '/api/password-manager', producerA.pp, 403);
    await expectRefused(pp, '/api/password-manager', secondPp, 403);
  });

  it("never lists another producer ID's users, whatever the search", async () => {
    const page = (await pp.get(`/api/password-manager/users?q=${first(producerB.subs).username}`)).json<TUserPage>();
    expect(page.total).toBe(0);
    const all = (await pp.get('/api/password-manager/users?pageSize=100')).json<TUserPage>();
    expect(all.items.map((u) => u.id).sort()).toEqual(producerA.subs.map((s) => s.id).sort());
  });

  it('cannot smuggle a tenant or a role into a new sub-user', async () => {
    const before = await db().$count(users);
    for (const extra of [
      { role: 'primary-producer' },
      { producerId: 1 },
      { agentUniqueId: producerB.agentId },
      { portalId: 'staff' },
      { groupId: 1 },
      { status: 'active' },
    ]) {
      const response = await pp.post('/api/password-manager/users', { username: 'smuggled', firstName: 'S', lastName: 'M', email: 's@example.test', ...extra });
      expect({ extra, status: response.statusCode }).toEqual({ extra, status: 400 });
    }
    for (const query of ['producer=' + producerB.agentId, 'portal=employers', 'group=' + groupA.account]) {
      expect((await pp.get(`/api/password-manager/users?${query}`)).statusCode).toBe(400);
    }
    expect(await db().$count(users)).toBe(before);
  });

  it('cannot reach another tenant through a body either', async () => {
    const target = first(producerA.subs);
    const before = await footprint(first(producerB.subs).id);
    const mine = await footprint(target.id);
    const response = await pp.post(`/api/password-manager/users/${target.id}/disable`, { userId: first(producerB.subs).id });
    expect(response.statusCode).toBe(400);
    expect(await footprint(first(producerB.subs).id)).toEqual(before);
    expect(await footprint(target.id)).toEqual(mine);
  });
});

describe('sub-users', () => {
  it('a producer-user gets 403 on every Password Manager endpoint, even for its siblings', async () => {
    const [me, sibling] = producerA.subs;
    if (!me || !sibling) throw new Error('fixture');
    const client = clientOf(me);
    expect((await client.get('/api/password-manager/users')).statusCode).toBe(403);
    expect((await client.post('/api/password-manager/users', { username: 'x.y.z', firstName: 'X', lastName: 'Y', email: 'x@example.test' })).statusCode).toBe(
      403,
    );
    await expectRefused(client, '/api/password-manager', sibling, 403);
    await expectRefused(client, '/api/password-manager', me, 403);
  });

  it('an employer user gets 403 on the Security Manager', async () => {
    const client = clientOf(first(groupA.users));
    expect((await client.get('/api/security-manager/users')).statusCode).toBe(403);
    await expectRefused(client, '/api/security-manager', groupA.da, 403);
  });
});

describe('group administrators', () => {
  it("a DA answers 404 for another group's users and the producers portal", async () => {
    const da = clientOf(groupA.da);
    await expectRefused(da, '/api/security-manager', first(groupB.users), 404);
    await expectRefused(da, '/api/security-manager', groupB.ada, 404);
    await expectRefused(da, '/api/security-manager', first(producerA.subs), 404);
    expect((await da.get(`/api/security-manager/users?q=${first(groupB.users).username}`)).json<TUserPage>().total).toBe(0);
  });

  it('a DA may not act on itself or another DA of its group', async () => {
    const da = clientOf(groupA.da);
    await expectRefused(da, '/api/security-manager', groupA.da, 403);
    await expectRefused(da, '/api/security-manager', secondDa, 403);
  });

  it('an ADA may not act on the DA or another ADA, and the DA can still log in', async () => {
    const ada = clientOf(groupA.ada);
    await expectRefused(ada, '/api/security-manager', groupA.da, 403);
    await expectRefused(ada, '/api/security-manager', secondDa, 403);
    await expectRefused(ada, '/api/security-manager', groupA.ada, 403);
    await db().update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, secondDa.id));
    expect((await loginRequest(t, 'employers', secondDa.username, secondDa.password)).statusCode).toBe(200);
  });

  it('an ADA manages employer users of its group', async () => {
    const ada = clientOf(groupA.ada);
    const response = await ada.post(`/api/security-manager/users/${first(groupA.users).id}/unlock`);
    expect(response.statusCode).toBe(200);
  });
});

describe('staff', () => {
  it('help desk: staff accounts are out of reach (404), disabling is not its job (403)', async () => {
    const hd = clientOf(staff.hd);
    // Disabling is refused before any lookup (403 for every target), so only the rest can say 404.
    await expectRefused(hd, '/api/staff', staff.sa, 404, ['password-reset', 'unlock', 'reinstate']);
    await expectRefused(hd, '/api/staff', staff.ps, 404, ['password-reset', 'unlock', 'reinstate']);
    await expectRefused(hd, '/api/staff', staff.sa, 403, ['disable']);
    await expectRefused(hd, '/api/staff', retail, 403, ['disable']);
    expect((await hd.get('/api/staff/users?portal=staff')).json<TUserPage>().total).toBe(0);
    expect((await hd.get(`/api/staff/users?q=${staff.sa.username}`)).json<TUserPage>().total).toBe(0);
  });

  it('help desk and producer services cannot edit portal settings; nothing changes', async () => {
    const [before] = await db().select().from(portals).where(eq(portals.id, 'retail'));
    for (const who of [staff.hd, staff.ps]) {
      const client = clientOf(who);
      const response = await client.patch('/api/staff/portals/retail/settings', { policy: { lockoutThreshold: 5 } });
      expect(response.statusCode).toBe(403);
      const view = await client.get('/api/staff/portals/retail/settings');
      expect(view.statusCode).toBe(200);
      expect(view.json().editable).toBe(false);
    }
    const [after] = await db().select().from(portals).where(eq(portals.id, 'retail'));
    expect(after).toEqual(before);
    expect(await db().$count(auditEvents, eq(auditEvents.action, 'portal.settings_changed'))).toBe(0);
  });

  it('producer services only reads', async () => {
    const ps = clientOf(staff.ps);
    expect((await ps.get(`/api/staff/users/${retail.id}`)).statusCode).toBe(200);
    await expectRefused(ps, '/api/staff', retail, 403);
    expect((await ps.get('/api/staff/audit')).statusCode).toBe(403);
    expect((await ps.get('/api/staff/lifecycle/upcoming')).statusCode).toBe(403);
  });

  it('the security administrator reaches staff accounts, but not its own', async () => {
    const sa = clientOf(staff.sa);
    await expectRefused(sa, '/api/staff', staff.sa, 403);
    expect((await sa.post(`/api/staff/users/${staff.hd.id}/disable`)).statusCode).toBe(200);
    expect((await sa.post(`/api/staff/users/${staff.hd.id}/reinstate`)).statusCode).toBe(200);
  });

  it('business-portal administrators cannot use the staff console, nor staff the business doors', async () => {
    for (const who of [producerA.pp, groupA.da]) {
      const client = clientOf(who);
      for (const url of ['/api/staff/users', '/api/staff/audit', '/api/staff/portals/producers/settings', '/api/staff/lifecycle/upcoming']) {
        expect((await client.get(url)).statusCode).toBe(403);
      }
      await expectRefused(client, '/api/staff', retail, 403);
    }
    const sa = clientOf(staff.sa);
    expect((await sa.get('/api/password-manager/users')).statusCode).toBe(403);
    expect((await sa.post(`/api/security-manager/users/${first(groupA.users).id}/disable`)).statusCode).toBe(403);
  });
});
