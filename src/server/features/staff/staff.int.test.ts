// The staff console: user search across portals with actions, the audit log, portal settings with
// validation and per-key audit, the lifecycle report.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, portals, users } from '../../db/schema/index.ts';
import type { TAuditPage, TPortalSettings, TUserPage } from '../../../shared/user-admin-schemas.ts';
import { createTestApp, loginRequest, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';

let t: TTestApp;
let hd: TClient;
let sa: TClient;
let producers: Awaited<ReturnType<typeof createProducerTeam>>;
let group: Awaited<ReturnType<typeof createGroupTeam>>;
beforeAll(async () => {
  t = await createTestApp();
  producers = await createProducerTeam(t, 1);
  group = await createGroupTeam(t, 1);
  hd = await clientFor(t, await createStaff(t, 'help-desk'));
  sa = await clientFor(t, await createStaff(t, 'security-admin'));
});
afterAll(async () => {
  await t.close();
});
const db = () => t.database.db;

describe('user search across portals', () => {
  it('filters by portal, producer ID, group, status and text', async () => {
    const retail = await createRetailUser(t);
    const all = (await hd.get('/api/staff/users?pageSize=100')).json<TUserPage>();
    expect(new Set(all.items.map((u) => u.portal))).toEqual(new Set(['producers', 'employers', 'retail']));
    expect((await hd.get('/api/staff/users?portal=retail')).json<TUserPage>().items.map((u) => u.id)).toEqual([retail.id]);
    expect(
      (await hd.get(`/api/staff/users?producer=${producers.agentId}&sort=username`))
        .json<TUserPage>()
        .items.map((u) => u.id)
        .sort(),
    ).toEqual([producers.pp.id, ...producers.subs.map((s) => s.id)].sort());
    expect((await hd.get(`/api/staff/users?group=${group.account}`)).json<TUserPage>().total).toBe(3);
    expect((await hd.get(`/api/staff/users?q=${retail.username}`)).json<TUserPage>().total).toBe(1);
    expect((await hd.get('/api/staff/users?group=NOPE')).json<TUserPage>().total).toBe(0);
  });

  it('help desk reinstates, unlocks and resets a business user; the actions are listed per row', async () => {
    const member = group.users[0];
    if (!member) throw new Error('fixture');
    await db().update(users).set({ status: 'disabled', disabledAt: t.clock.now() }).where(eq(users.id, member.id));
    const row = (await hd.get(`/api/staff/users/${member.id}`)).json();
    expect(row.actions).toEqual(['reinstate']);
    expect((await hd.post(`/api/staff/users/${member.id}/reinstate`)).json().user.status).toBe('active');
    for (let i = 0; i < 3; i++) await loginRequest(t, 'employers', member.username, 'wrong password!');
    expect((await hd.get(`/api/staff/users/${member.id}`)).json().actions).toEqual(['reset_password', 'unlock']);
    expect((await hd.post(`/api/staff/users/${member.id}/unlock`)).statusCode).toBe(200);
    expect((await hd.post(`/api/staff/users/${member.id}/password-reset`)).statusCode).toBe(200);
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.reinstated'), eq(auditEvents.targetUserId, member.id)));
    expect(audit?.details).toMatchObject({ actorRole: 'help-desk', actorPortal: 'staff' });
    expect(audit?.portalId).toBe('employers');
  });
});

describe('audit log', () => {
  it('searches by user (name or id, as actor or target), action or family, portal and dates; newest first', async () => {
    const sub = producers.subs[0];
    if (!sub) throw new Error('fixture');
    t.clock.set('2026-03-03T08:00:00Z');
    await loginRequest(t, 'producers', sub.username, 'wrong password!');
    t.clock.set('2026-03-04T08:00:00Z');
    await loginRequest(t, 'producers', sub.username, sub.password);
    t.clock.set('2026-03-02T09:00:00Z');

    const byName = (await hd.get(`/api/staff/audit?user=${sub.username.toUpperCase()}`)).json<TAuditPage>();
    expect(byName.items.map((e) => e.action).slice(0, 2)).toEqual(['login.success', 'login.failure']);
    expect(byName.items[0]).toMatchObject({ portal: 'producers', target: { id: sub.id, label: sub.username }, ipAddress: '127.0.0.1' });
    const byId = (await hd.get(`/api/staff/audit?user=${sub.id}`)).json<TAuditPage>();
    expect(byId.total).toBe(byName.total);
    expect((await hd.get(`/api/staff/audit?user=${sub.id}&action=login.failure`)).json<TAuditPage>().total).toBe(1);
    expect((await hd.get(`/api/staff/audit?user=${sub.id}&action=login.`)).json<TAuditPage>().total).toBe(2);
    expect((await hd.get(`/api/staff/audit?user=${sub.id}&from=2026-03-04&to=2026-03-04`)).json<TAuditPage>().items.map((e) => e.action)).toEqual([
      'login.success',
    ]);
    expect((await hd.get(`/api/staff/audit?user=${sub.id}&to=2026-03-03`)).json<TAuditPage>().items.map((e) => e.action)).not.toContain('login.success');
    expect((await hd.get(`/api/staff/audit?user=${sub.id}&portal=employers`)).json<TAuditPage>().total).toBe(0);
    const paged = (await hd.get(`/api/staff/audit?user=${sub.id}&pageSize=1&page=2`)).json<TAuditPage>();
    expect(paged).toMatchObject({ page: 2, pageSize: 1, total: byId.total });
    expect(paged.items[0]?.action).toBe('login.failure');
  });

  it("shows the help desk only the business portals' events; the security administrator sees the staff portal too", async () => {
    const admin = await createStaff(t, 'security-admin');
    await loginRequest(t, 'staff', admin.username, 'wrong password!');
    const forHelpDesk = (await hd.get(`/api/staff/audit?user=${admin.username}`)).json<TAuditPage>();
    expect(forHelpDesk.total).toBe(0);
    expect((await hd.get(`/api/staff/audit?user=${admin.username}&portal=staff`)).json<TAuditPage>().total).toBe(0);
    expect((await hd.get('/api/staff/audit?pageSize=100')).json<TAuditPage>().items.map((e) => e.portal)).not.toContain('staff');
    const forSecurity = (await sa.get(`/api/staff/audit?user=${admin.username}`)).json<TAuditPage>();
    expect(forSecurity.items.map((e) => e.action)).toContain('login.failure');
  });
});

describe('portal settings', () => {
  it('the security administrator changes settings; each change is audited with before and after', async () => {
    const [stored] = await db().select().from(portals).where(eq(portals.id, 'producers'));
    const exemptBefore = stored?.policy.lifecycleExemptRoles;
    const response = await sa.patch('/api/staff/portals/producers/settings', {
      policy: { lockoutThreshold: 5, lockoutMinutes: 30, lifecycleExemptRoles: ['primary-producer', 'producer-user'] },
      texts: { disabled: 'Call your Primary Producer.' },
    });
    expect(response.statusCode).toBe(200);
    const settings = response.json<TPortalSettings>();
    expect(settings).toMatchObject({
      id: 'producers',
      editable: true,
      policy: { lockoutThreshold: 5, lifecycleExemptRoles: ['primary-producer', 'producer-user'] },
      texts: { disabled: 'Call your Primary Producer.' },
    });
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, 'portal.settings_changed'));
    expect(audit).toMatchObject({ portalId: 'producers', targetLabel: 'portal producers' });
    expect(audit?.details).toEqual({
      changes: {
        'policy.lockoutThreshold': { before: 3, after: 5 },
        'policy.lifecycleExemptRoles': { before: exemptBefore, after: ['primary-producer', 'producer-user'] },
        'texts.disabled': {
          before: 'This user ID no longer has access to the system. Please contact your security administrator for more information.',
          after: 'Call your Primary Producer.',
        },
      },
    });
    // The new threshold governs logins at once.
    const sub = producers.subs[0];
    if (!sub) throw new Error('fixture');
    for (let i = 0; i < 4; i++) expect((await loginRequest(t, 'producers', sub.username, 'nope nope nope')).json().code).toBe('auth.invalid_credentials');
    expect((await loginRequest(t, 'producers', sub.username, 'nope nope nope')).json().code).toBe('auth.locked');
    expect((await sa.patch('/api/staff/portals/producers/settings', { policy: { lifecycleExemptRoles: exemptBefore } })).statusCode).toBe(200);
  });

  it('refuses settings that do not fit together, changing nothing', async () => {
    const [before] = await db().select().from(portals).where(eq(portals.id, 'employers'));
    const cases: [Record<string, unknown>, string][] = [
      [{ deleteAfterDays: 180 }, 'policy.deleteAfterDays'],
      [{ disableAfterDays: 500 }, 'policy.deleteAfterDays'],
      [{ sessionIdleMinutes: 800, sessionAbsoluteMinutes: 700 }, 'policy.sessionIdleMinutes'],
      [{ lifecycleExemptRoles: ['delegated-admin', 'help-desk'] }, 'policy.lifecycleExemptRoles'],
      [{ selfRegistration: true }, 'policy.selfRegistration'],
      [{ lifecycleWarningDays: 60, disableAfterDays: 60, deleteAfterDays: 400 }, 'policy.lifecycleWarningDays'],
    ];
    for (const [policy, field] of cases) {
      const response = await sa.patch('/api/staff/portals/employers/settings', { policy });
      expect({ policy, status: response.statusCode, code: response.json().code }).toEqual({ policy, status: 400, code: 'settings.invalid' });
      expect(response.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    expect((await sa.patch('/api/staff/portals/employers/settings', { policy: { passwordProfile: 'weak' } })).statusCode).toBe(400);
    const [after] = await db().select().from(portals).where(eq(portals.id, 'employers'));
    expect(after).toEqual(before);
  });

  it('a change to the same values is not a change', async () => {
    const count = await db().$count(auditEvents, eq(auditEvents.action, 'portal.settings_changed'));
    expect((await sa.patch('/api/staff/portals/retail/settings', { policy: { lockoutMinutes: 30 } })).statusCode).toBe(200);
    expect(await db().$count(auditEvents, eq(auditEvents.action, 'portal.settings_changed'))).toBe(count);
  });

  it('help desk reads every portal, including the staff console', async () => {
    const response = await hd.get('/api/staff/portals/staff/settings');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: 'staff', editable: false });
  });
});

describe('lifecycle report', () => {
  it('lists IDs the job will disable or delete in the next 30 days', async () => {
    const {
      subs: [soon],
    } = await createProducerTeam(t, 1);
    if (!soon) throw new Error('fixture');
    // Last login 170 days ago: disabled on day 181, within 30 days.
    await db()
      .update(users)
      .set({ lastLoginAt: new Date('2025-09-13T10:00:00Z'), createdAt: new Date('2025-01-01T00:00:00Z') })
      .where(eq(users.id, soon.id));
    const report = (await hd.get('/api/staff/lifecycle/upcoming?portal=producers&pageSize=100')).json();
    expect(report).toMatchObject({ asOf: '2026-03-02', days: 30 });
    const row = report.items.find((i: { userId: string }) => i.userId === soon.id);
    expect(row).toMatchObject({ action: 'disable', portal: 'producers', username: soon.username, lastLoginAt: '2025-09-13T10:00:00.000Z' });
    expect(row.dueOn >= '2026-03-02' && row.dueOn <= '2026-04-01').toBe(true);
    expect((await hd.get('/api/staff/lifecycle/upcoming?days=5&portal=producers')).json().items.some((i: { userId: string }) => i.userId === soon.id)).toBe(
      false,
    );
  });

  it('lists only the users the actor may search: staff accounts for the security administrator alone', async () => {
    const staffBefore = (await sa.get('/api/staff/portals/staff/settings')).json<TPortalSettings>().policy.lifecycleEnabled;
    expect((await sa.patch('/api/staff/portals/staff/settings', { policy: { lifecycleEnabled: true } })).statusCode).toBe(200);
    try {
      const colleague = await createStaff(t, 'producer-services');
      await db()
        .update(users)
        .set({ lastLoginAt: new Date('2025-09-13T10:00:00Z'), createdAt: new Date('2025-01-01T00:00:00Z') })
        .where(eq(users.id, colleague.id));
      const listed = async (client: TClient, query: string) => {
        const response = await client.get(`/api/staff/lifecycle/upcoming?pageSize=100${query}`);
        expect(response.statusCode, query).toBe(200);
        return response.json<{ items: { userId: string }[]; total: number }>();
      };
      // The security administrator sees the staff account, as in its user search.
      expect((await listed(sa, '&portal=staff')).items.map((i) => i.userId)).toContain(colleague.id);
      expect((await listed(sa, '')).items.map((i) => i.userId)).toContain(colleague.id);
      // The help desk's search does not know the account: 404 for it, nothing for portal=staff …
      expect((await hd.get(`/api/staff/users/${colleague.id}`)).statusCode).toBe(404);
      expect((await hd.get('/api/staff/users?portal=staff')).json<TUserPage>()).toMatchObject({ items: [], total: 0 });
      // … and the report answers the same.
      expect(await listed(hd, '&portal=staff')).toMatchObject({ items: [], total: 0 });
      const all = await listed(hd, '');
      expect(all.items.map((i) => i.userId)).not.toContain(colleague.id);
      expect(all.total).toBe((await listed(sa, '')).total - 1);
    } finally {
      expect((await sa.patch('/api/staff/portals/staff/settings', { policy: { lifecycleEnabled: staffBefore } })).statusCode).toBe(200);
    }
  });
});
