// LC-1 … LC-3 with the clock moved: day 180 vs 181, 400 vs 401, exemptions, never-used and
// reinstated IDs, dry runs, idempotence, concurrent runs, warnings.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, lifecycleRuns, loginAttempts, outboxMessages, sessions, users } from '../../db/schema/index.ts';
import { TEXTS, type TPortalId, type TRole } from '../../../shared/portals.ts';
import { createTestApp, createTestUser, loginRequest, logInAs, type TTestApp } from '../../../../test/support/app.ts';
import { reportUpcomingLifecycle, runLifecycle, type TLifecycleResult } from './lifecycle.service.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const deps = () => ({ db: t.database.db, clock: t.clock });
/** Runs as the daily job would: on the as-of day itself (the clock stamps what it changes). */
const run = (asOf: string, dryRun = false) => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(asOf)) t.clock.set(`${asOf}T03:00:00Z`);
  return runLifecycle(deps(), { asOf, dryRun, trigger: 'test', publicUrl: 'http://portico.test' });
};

async function aged(
  portalId: TPortalId,
  role: TRole | undefined,
  times: { lastLogin?: string | null; created?: string; reinstated?: string; status?: 'active' | 'disabled' },
) {
  const u = await createTestUser(t, { portalId, ...(role ? { role } : {}) });
  await t.database.db
    .update(users)
    .set({
      lastLoginAt: times.lastLogin === undefined ? new Date('2026-01-01T10:00:00Z') : times.lastLogin === null ? null : new Date(times.lastLogin),
      createdAt: new Date(times.created ?? '2024-01-01T10:00:00Z'),
      reinstatedAt: times.reinstated ? new Date(times.reinstated) : null,
      status: times.status ?? 'active',
    })
    .where(eq(users.id, u.id));
  return u;
}
const statusOf = async (id: string) => (await t.database.db.select({ status: users.status }).from(users).where(eq(users.id, id)))[0]?.status;
const counts = (r: TLifecycleResult, portal: TPortalId) => (r.skipped ? undefined : r.portals.find((p) => p.portalId === portal)?.counts);

describe('disabling after more than 180 days (LC-1)', () => {
  it('keeps an ID at day 180 and disables it at day 181, ending its sessions; login then shows ID-3', async () => {
    const u = await aged('producers', 'producer-user', { lastLogin: '2026-01-01T10:00:00Z' });
    await logInAs(t, u); // a session, which also sets last_login_at; put it back
    await t.database.db
      .update(users)
      .set({ lastLoginAt: new Date('2026-01-01T10:00:00Z') })
      .where(eq(users.id, u.id));
    await run('2026-06-30');
    expect(await statusOf(u.id)).toBe('active');
    const result = await run('2026-07-01');
    expect(counts(result, 'producers')?.disabled).toBeGreaterThanOrEqual(1);
    expect(await statusOf(u.id)).toBe('disabled');
    expect(await t.database.db.$count(sessions, eq(sessions.userId, u.id))).toBe(0);
    expect(await t.database.db.$count(auditEvents, and(eq(auditEvents.action, 'user.disabled'), eq(auditEvents.targetUserId, u.id)))).toBe(1);
    expect((await loginRequest(t, 'producers', u.username, u.password)).json()).toEqual({ code: 'auth.disabled', message: TEXTS.disabled });
    expect((await loginRequest(t, 'producers', u.username, 'wrong-password')).json().message).toBe(TEXTS.loginFailed);
  });

  it('exempts Primary Producers and Delegated Administrators, not Alternate DAs', async () => {
    const pp = await aged('producers', 'primary-producer', { lastLogin: '2025-01-01T10:00:00Z' });
    const da = await aged('employers', 'delegated-admin', { lastLogin: '2025-01-01T10:00:00Z' });
    const ada = await aged('employers', 'alternate-delegated-admin', { lastLogin: '2025-01-01T10:00:00Z' });
    await run('2026-07-01');
    expect(await statusOf(pp.id)).toBe('active');
    expect(await statusOf(da.id)).toBe('active');
    expect(await statusOf(ada.id)).toBe('disabled');
  });

  it('counts a never-used ID from its creation and a reinstated ID from its reinstatement', async () => {
    const never = await aged('employers', 'employer-user', { lastLogin: null, created: '2026-02-01T08:00:00Z' });
    const reinstated = await aged('producers', 'producer-user', { lastLogin: '2025-01-01T10:00:00Z', reinstated: '2026-03-01T09:00:00Z' });
    await run('2026-07-31'); // creation + 180 days
    expect(await statusOf(never.id)).toBe('active');
    await run('2026-08-01');
    expect(await statusOf(never.id)).toBe('disabled');
    expect(await statusOf(reinstated.id)).toBe('active');
    await run('2026-08-29'); // reinstatement + 181 days
    expect(await statusOf(reinstated.id)).toBe('disabled');
  });

  it('leaves the retail portal alone (its lifecycle is off by default)', async () => {
    const r = await aged('retail', undefined, { lastLogin: '2024-01-01T10:00:00Z' });
    await run('2026-07-01');
    expect(await statusOf(r.id)).toBe('active');
  });
});

describe('deleting after more than 400 days (LC-1, LC-3)', () => {
  it('keeps a disabled ID at day 400, deletes it at day 401 into a tombstone, and frees the user name', async () => {
    const u = await aged('producers', 'producer-user', { lastLogin: '2025-06-01T10:00:00Z', status: 'disabled' });
    await run('2026-07-06'); // 400 days after 2025-06-01
    expect(await statusOf(u.id)).toBe('disabled');
    await run('2026-07-07');
    const [row] = await t.database.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ status: 'deleted', passwordHash: null, email: null, firstName: '', lastName: '', challengeAnswerHash: null });
    expect(row?.username).toBe(`deleted-${u.id}`);
    expect(await t.database.db.$count(auditEvents, eq(auditEvents.targetUserId, u.id))).toBeGreaterThanOrEqual(2); // created, deleted: the trail stays
    expect((await loginRequest(t, 'producers', u.username, u.password)).json()).toEqual({ code: 'auth.invalid_credentials', message: TEXTS.loginFailed });
    const again = await createTestUser(t, { portalId: 'producers', username: u.username });
    expect(again.id).not.toBe(u.id);
  });

  it('does not disable and delete in the same run', async () => {
    const u = await aged('employers', 'employer-user', { lastLogin: '2025-01-01T10:00:00Z' });
    await run('2026-07-01');
    expect(await statusOf(u.id)).toBe('disabled');
    await run('2026-07-02');
    expect(await statusOf(u.id)).toBe('deleted');
  });
});

describe('runs (LC-2)', () => {
  it('dry run reports who would be affected and changes nothing; a real run is idempotent and recorded', async () => {
    const a = await aged('employers', 'employer-user', { lastLogin: '2025-09-01T10:00:00Z' });
    const before = await t.database.db.$count(auditEvents);
    const dry = await run('2026-12-01', true);
    expect(dry.skipped).toBe(false);
    const emp = !dry.skipped ? dry.portals.find((p) => p.portalId === 'employers') : undefined;
    expect(emp?.counts.disabled).toBeGreaterThanOrEqual(1);
    expect(emp?.samples?.disabled).toContain(a.username);
    expect(await statusOf(a.id)).toBe('active');
    expect(await t.database.db.$count(auditEvents)).toBe(before);
    await run('2026-12-01');
    expect(await statusOf(a.id)).toBe('disabled');
    const second = await run('2026-12-01');
    expect(counts(second, 'employers')).toEqual({ deleted: 0, disabled: 0, warned: 0 });
    expect(await t.database.db.$count(lifecycleRuns)).toBeGreaterThanOrEqual(3);
  });

  it('does the work once when two runs start together', async () => {
    const group = await Promise.all([1, 2, 3].map(() => aged('producers', 'producer-user', { lastLogin: '2026-05-01T10:00:00Z' })));
    const results = await Promise.all([run('2026-12-15'), run('2026-12-15')]);
    const disabled = results.reduce((n, r) => n + (counts(r, 'producers')?.disabled ?? 0), 0);
    expect(disabled).toBeGreaterThanOrEqual(3);
    for (const u of group) {
      expect(await statusOf(u.id)).toBe('disabled');
      expect(await t.database.db.$count(auditEvents, and(eq(auditEvents.action, 'user.disabled'), eq(auditEvents.targetUserId, u.id)))).toBe(1);
    }
  });

  it('forgets the failure counters of unknown user names 30 days after their last attempt', async () => {
    t.clock.set('2029-01-01T10:00:00Z');
    await loginRequest(t, 'retail', 'nobody-at-all', 'guess1');
    const counters = () => t.database.db.$count(loginAttempts, eq(loginAttempts.username, 'nobody-at-all'));
    expect(await counters()).toBe(1);
    await run('2029-01-30');
    expect(await counters()).toBe(1);
    await run('2029-02-01');
    expect(await counters()).toBe(0);
  });

  it('deletes expired sessions and e-mail sent more than 7 days ago', async () => {
    const u = await createTestUser(t, { portalId: 'producers' });
    t.clock.set('2029-03-01T10:00:00Z');
    await logInAs(t, u);
    const { enqueueEmail } = await import('../../platform/outbox/enqueue.ts');
    await enqueueEmail(t.database.db, { kind: 'test', to: 'old@example.test', subject: 's', text: 'temporary password: x', html: 'x' }, t.clock.now());
    await t.database.db.update(outboxMessages).set({ status: 'sent', sentAt: t.clock.now() }).where(eq(outboxMessages.toAddress, 'old@example.test'));
    await run('2029-03-05');
    expect(await t.database.db.$count(outboxMessages, eq(outboxMessages.toAddress, 'old@example.test'))).toBe(1);
    expect(await t.database.db.$count(sessions, eq(sessions.userId, u.id))).toBe(0); // 12 h absolute timeout passed
    await run('2029-03-09');
    expect(await t.database.db.$count(outboxMessages, eq(outboxMessages.toAddress, 'old@example.test'))).toBe(0);
  });

  it('refuses a malformed --as-of', async () => {
    await expect(run('2026-02-30')).rejects.toMatchObject({ code: 'request.invalid' });
    await expect(run('yesterday')).rejects.toMatchObject({ code: 'request.invalid' });
  });
});

describe('warnings (LC-2)', () => {
  it('warns once, 14 days before the ID would be disabled, and again after a new period of inactivity', async () => {
    const u = await aged('producers', 'producer-user', { lastLogin: '2027-01-01T10:00:00Z' });
    const email = `${u.username}@example.test`;
    await t.database.db.update(users).set({ email }).where(eq(users.id, u.id));
    const mails = () =>
      t.database.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.toAddress, email), eq(outboxMessages.kind, 'lifecycle_warning')));
    await run('2027-06-16'); // day 166
    expect(await mails()).toHaveLength(0);
    await run('2027-06-17'); // day 167: it would be disabled on day 181, July 1, 14 days from now
    expect(await mails()).toHaveLength(1);
    const [mail] = await mails();
    expect(mail?.subject).toBe('Blue Access for Producers: your user ID will be disabled soon');
    expect(mail?.textBody).toContain(`user ID ${u.username} has not been used`);
    expect(mail?.textBody).toContain('this ID will be disabled on July 1, 2027');
    expect(mail?.htmlBody).toContain(u.username);
    await run('2027-06-20');
    expect(await mails()).toHaveLength(1);
    await t.database.db
      .update(users)
      .set({ lastLoginAt: new Date('2027-06-25T10:00:00Z') })
      .where(eq(users.id, u.id));
    await run('2027-12-08'); // day 166 after the new login
    expect(await mails()).toHaveLength(1);
    await run('2027-12-09'); // day 167
    expect(await mails()).toHaveLength(2);
  });
});

describe('the staff report', () => {
  it('lists IDs due to be disabled or deleted within the next 30 days', async () => {
    const soon = await aged('employers', 'employer-user', { lastLogin: '2028-01-10T10:00:00Z' });
    const later = await aged('employers', 'employer-user', { lastLogin: '2028-03-10T10:00:00Z' });
    const report = await reportUpcomingLifecycle(deps(), {
      asOf: new Date('2028-06-20T12:00:00Z'),
      days: 30,
      scope: { portals: ['employers'] },
      portalId: 'employers',
      page: 1,
      pageSize: 100,
    });
    const names = report.rows.map((r) => r.username);
    expect(names).toContain(soon.username);
    expect(names).not.toContain(later.username);
    expect(report.rows.find((r) => r.username === soon.username)).toMatchObject({ action: 'disable', dueOn: '2028-07-09' });
  });

  it("lists only the reader's scope: its portals, producer ID or group, and roles", async () => {
    const soon = await aged('employers', 'employer-user', { lastLogin: '2028-01-10T10:00:00Z' });
    const names = async (scope: Parameters<typeof reportUpcomingLifecycle>[1]['scope']) =>
      (await reportUpcomingLifecycle(deps(), { asOf: new Date('2028-06-20T12:00:00Z'), days: 30, scope, page: 1, pageSize: 100 })).rows.map((r) => r.username);
    expect(await names({ portals: ['employers'] })).toContain(soon.username);
    expect(await names({ portals: ['producers', 'retail'] })).not.toContain(soon.username);
    const [own] = await t.database.db.select({ groupId: users.groupId }).from(users).where(eq(users.id, soon.id));
    expect(await names({ portals: ['employers'], groupId: own?.groupId ?? -2 })).toContain(soon.username);
    expect(await names({ portals: ['employers'], groupId: -1 })).not.toContain(soon.username);
    expect(await names({ portals: ['employers'], producerId: -1 })).not.toContain(soon.username);
    expect(await names({ portals: ['employers'], roles: ['alternate-delegated-admin'] })).not.toContain(soon.username);
    expect(await names({ portals: ['employers'], roles: ['employer-user'] })).toContain(soon.username);
  });
});
