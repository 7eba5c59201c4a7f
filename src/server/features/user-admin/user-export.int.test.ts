// "Download All Users" (LC-6): contents, escaping, formula neutralising, streaming in batches, audit.
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema/index.ts';
import { parse as parseCsv } from 'csv-parse/sync';
import { USER_CSV_COLUMNS } from '../../../shared/user-admin-schemas.ts';
import { createTestApp, logInAs, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createGroupTeam, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { actorOf } from './user-admin.service.ts';
import { exportUsers } from './user-export.service.ts';
import { resolveSession } from '../identity/sessions.service.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const groupIdOf = async (userId: string) => (await db().select({ g: users.groupId }).from(users).where(eq(users.id, userId)))[0]?.g ?? null;

function parse(body: string): string[][] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  return parseCsv(body, { bom: true });
}

async function lastExportAudit(actorId: string) {
  const [row] = await db()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'user.exported'), eq(auditEvents.actorUserId, actorId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe('Download All Users', () => {
  let team: Awaited<ReturnType<typeof createGroupTeam>>;
  let da: TClient;
  beforeAll(async () => {
    team = await createGroupTeam(t, 1);
    da = await clientFor(t, team.da);
    const groupId = await groupIdOf(team.da.id);
    await db()
      .insert(users)
      .values([
        {
          portalId: 'employers',
          username: 'tricky',
          role: 'employer-user',
          firstName: 'Smith, "Jr"',
          lastName: '=HYPERLINK("http://evil.test","click")',
          email: '+1@acme.test',
          groupId,
          lastLoginAt: new Date('2026-02-03T04:05:06Z'),
          createdAt: new Date('2025-12-01T00:00:00Z'),
        },
        {
          portalId: 'employers',
          username: 'multi.line',
          role: 'employer-user',
          firstName: '@first',
          lastName: 'line1\nline2',
          email: null,
          groupId,
          status: 'disabled',
          createdAt: new Date('2025-12-02T00:00:00Z'),
        },
        {
          portalId: 'employers',
          username: 'gone',
          role: 'employer-user',
          firstName: '',
          lastName: '',
          groupId,
          status: 'deleted',
          createdAt: new Date('2025-12-02T00:00:00Z'),
        },
      ]);
    // Another group's users never appear.
    await createGroupTeam(t, 2);
  });

  it('is a CSV attachment with every user of the group, last login dates, escaped and formula-safe', async () => {
    const response = await da.get('/api/security-manager/users.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="users-group-${team.account}-2026-03-02.csv"`);
    expect(response.headers['content-length']).toBeUndefined(); // streamed
    const [header, ...rows] = parse(response.body);
    expect(header).toEqual([...USER_CSV_COLUMNS]);
    const byName = new Map(rows.map((r) => [r[0], r]));
    expect([...byName.keys()].sort()).toEqual([team.da.username, team.ada.username, team.users[0]?.username, 'multi.line', 'tricky'].sort());
    expect(byName.get('tricky')).toEqual([
      'tricky',
      'Smith, "Jr"',
      '\'=HYPERLINK("http://evil.test","click")',
      "'+1@acme.test",
      'Employer User',
      'Active',
      '2026-02-03 04:05:06',
      '2025-12-01 00:00:00',
    ]);
    expect(byName.get('multi.line')).toEqual(['multi.line', "'@first", 'line1\nline2', '', 'Employer User', 'Disabled', '', '2025-12-02 00:00:00']);
    expect(byName.get(team.da.username)?.slice(4, 7)).toEqual(['Delegated Administrator', 'Active', '2026-03-02 09:00:00']);
    expect(response.body).toContain('"Smith, ""Jr"""');
    expect(response.body.split('\r\n').length).toBe(rows.length + 2);

    const audit = await lastExportAudit(team.da.id);
    expect(audit).toMatchObject({ portalId: 'employers', targetLabel: `group ${team.account}`, ipAddress: '127.0.0.1' });
    expect(audit?.details).toMatchObject({ count: 5, completed: true });
  });

  it('streams thousands of rows in batches, in user-name order, each once', async () => {
    const groupId = await groupIdOf(team.da.id);
    await db().execute(sql`
      insert into users (portal_id, username, role, first_name, last_name, email, group_id, created_at, last_login_at)
      select 'employers', 'bulk' || lpad(g::text, 5, '0'), 'employer-user', 'First' || g, 'Last' || g, 'bulk' || g || '@acme.test', ${groupId},
        '2026-01-01T00:00:00Z'::timestamptz, case when g % 2 = 0 then '2026-02-01T00:00:00Z'::timestamptz end
      from generate_series(1, 12000) g`);
    const response = await da.get('/api/security-manager/users.csv');
    const rows = parse(response.body).slice(1);
    expect(rows).toHaveLength(12005);
    const bulk = rows.map((r) => r[0] ?? '').filter((u) => u.startsWith('bulk'));
    expect(bulk).toHaveLength(12000);
    expect(new Set(bulk).size).toBe(12000);
    expect(bulk).toEqual([...bulk].sort());
    expect(rows.find((r) => r[0] === 'bulk00002')?.[6]).toBe('2026-02-01 00:00:00');
    expect((await lastExportAudit(team.da.id))?.details).toMatchObject({ count: 12005, completed: true });

    // The service yields one chunk per batch: memory holds one batch, whatever the total.
    const lookup = await resolveSession(db(), t.clock, decodeURIComponent(da.session.cookie.split('=')[1] ?? ''));
    if (lookup.kind !== 'valid') throw new Error('session');
    const result = await exportUsers({ db: db(), clock: t.clock }, { actor: actorOf(lookup.session), batchSize: 1000 });
    let chunks = 0;
    let lines = 0;
    for await (const chunk of result.chunks) {
      chunks++;
      lines += chunk.split('\r\n').length - 1;
    }
    expect(chunks).toBe(1 + 13); // the header, then 13 batches of at most 1000
    expect(lines).toBe(12006);
  });

  it('records an export the client abandons, with what was sent', async () => {
    const lookup = await resolveSession(db(), t.clock, decodeURIComponent(da.session.cookie.split('=')[1] ?? ''));
    if (lookup.kind !== 'valid') throw new Error('session');
    const result = await exportUsers({ db: db(), clock: t.clock }, { actor: actorOf(lookup.session), batchSize: 500 });
    await result.chunks.next();
    await result.chunks.next();
    await result.chunks.return(undefined);
    expect((await lastExportAudit(team.da.id))?.details).toMatchObject({ count: 500, completed: false });
  });

  it('staff export: the filters narrow it; help desk never gets staff accounts', async () => {
    const hd = await clientFor(t, await createStaff(t, 'help-desk'));
    const response = await hd.get(`/api/staff/users.csv?portal=employers&group=${team.account}&q=tricky`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="users-employers-group-${team.account}-2026-03-02.csv"`);
    expect(
      parse(response.body)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['tricky']);
    const staffOnly = parse((await hd.get('/api/staff/users.csv?portal=staff')).body);
    expect(staffOnly).toHaveLength(1); // the header: staff accounts are outside the help desk's scope
    const ps = await clientFor(t, await createStaff(t, 'producer-services'));
    expect((await ps.get('/api/staff/users.csv')).statusCode).toBe(403);
  });

  it('an Alternate DA downloads too; an employer user cannot', async () => {
    const ada = await clientFor(t, team.ada);
    expect((await ada.get('/api/security-manager/users.csv')).statusCode).toBe(200);
    const member = team.users[0];
    if (!member) throw new Error('fixture');
    const { cookie } = await logInAs(t, member);
    const refused = await t.app.inject({ method: 'GET', url: '/api/security-manager/users.csv', headers: { cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.forbidden');
  });
});
