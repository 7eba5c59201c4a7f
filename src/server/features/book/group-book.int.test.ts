// A group producer's Book of Business (issue 16 §2) over HTTP on a real database: every user of the
// producer ID sees the groups it is producer of record for, searched, sorted, paged and exported;
// a group page with its policies and payments; another producer ID's group is 404; other portals 403.
import { Readable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TEmployerCoverage, TGroupDetail, TGroupPage } from '../../../shared/book-schemas.ts';
import { clientFor, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, createTestUser, type TTestApp } from '../../../../test/support/app.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { importFeed } from '../feed/feed-import.service.ts';
import type { TFeedKindName } from '../feed/feed-kinds.ts';
import { createUser } from '../user-admin/user-accounts.service.ts';

let t: TTestApp;
const ONE = '730000001';
const TWO = '730000002';
const PASSWORD = 'Correct horse 9';

const FEEDS: [TFeedKindName, string[]][] = [
  ['producers', ['agent_unique_id,first_name,last_name,email', `${ONE},Gail,Group,gail@example.test`, `${TWO},Otto,Other,otto@example.test`]],
  [
    'groups',
    [
      'account_number,name,state,producer_agent_unique_id,line_of_business,effective_date,employee_count',
      `G-1,Alpha Foods,TX,${ONE},group-medical,2024-01-01,120`,
      `G-2,Beta Dental Co,TX,${ONE},group-dental,2025-07-01,80`,
      `G-3,Gamma Works,OK,${TWO},group-life,2023-05-01,300`,
    ],
  ],
  [
    'policies',
    [
      'policy_number,group_account_number,line_of_business,plan_name,state,status,effective_date,renewal_date,monthly_premium,writing_agent_id,producer_of_record_agent_id',
      `GP-1,G-1,group-medical,Blue Choice PPO Group,TX,active,2024-01-01,2027-01-01,40000.00,${ONE},${ONE}`,
      `GP-2,G-2,group-dental,BlueCare Dental Group,TX,active,2025-07-01,2026-07-01,1500.50,${ONE},${ONE}`,
      `GP-3,G-3,group-life,Group Life Basic,OK,active,2023-05-01,2026-05-01,900.00,${TWO},${TWO}`,
    ],
  ],
  [
    'payments',
    [
      'policy_number,period,amount_due,due_date,amount_paid,paid_date,status',
      'GP-1,2026-02,40000.00,2026-02-01,40000.00,2026-01-30,paid',
      'GP-1,2026-03,40000.00,2026-03-01,,,past-due',
      'GP-2,2026-03,1500.50,2026-03-01,1500.50,2026-02-27,paid',
    ],
  ],
];

let primary: TClient;
let subUser: TClient;
let other: TClient;

async function producerUser(agentId: string, username: string, role: 'primary-producer' | 'producer-user') {
  await createUser(t.deps, { portalId: 'producers', username, password: PASSWORD, role, producerAgentId: agentId, actor: { label: 'test' } });
  return clientFor(t, { portalId: 'producers', username, password: PASSWORD });
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [kind, lines] of FEEDS) {
    const report = await importFeed(
      { ...t.deps, bulk: t.database.withBulkConnection },
      { kind, csv: Readable.from([lines.join('\n')]), source: 'cli', actor: { label: 'test' } },
    );
    expect(report.failed, JSON.stringify(report.problems)).toBe(0);
  }
  primary = await producerUser(ONE, 'gail.pp', 'primary-producer');
  subUser = await producerUser(ONE, 'gail.sub', 'producer-user');
  other = await producerUser(TWO, 'otto.pp', 'primary-producer');
});
afterAll(async () => {
  await t.close();
});

const accounts = async (client: TClient, query = '') => {
  const r = await client.get(`/api/book/groups?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<TGroupPage>().items.map((g) => g.accountNumber);
};

describe('access', () => {
  it('answers 401 without a session and 403 to staff, retail producers and employers', async () => {
    const routes = ['/api/book/groups', '/api/book/groups.csv', '/api/book/groups/G-1'];
    for (const url of routes) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    const outsiders = [
      await clientFor(t, await createStaff(t, 'producer-services')),
      await clientFor(t, await createTestUser(t, { portalId: 'retail' })),
      await clientFor(t, await createTestUser(t, { portalId: 'employers', role: 'delegated-admin' })),
    ];
    for (const outsider of outsiders) for (const url of routes) expect((await outsider.get(url)).statusCode, url).toBe(403);
  });

  it("answers 404 for another producer ID's group, and 400 for bad input", async () => {
    for (const id of ['G-3', 'G-404']) {
      const r = await primary.get(`/api/book/groups/${id}`);
      expect([r.statusCode, r.json().code], id).toEqual([404, 'book.group_not_found']);
    }
    expect((await other.get('/api/book/groups/G-1')).statusCode).toBe(404);
    expect((await primary.get('/api/book/groups/G%201')).statusCode).toBe(400);
    expect((await primary.get('/api/book/groups?sort=size')).statusCode).toBe(400);
    expect((await primary.get('/api/book/groups?pastDue=yes')).statusCode).toBe(400);
  });
});

describe("the producer ID's groups", () => {
  it('lists them for every user of the producer ID, with policies, premium and payment status', async () => {
    const page = (await primary.get('/api/book/groups')).json<TGroupPage>();
    expect(page.total).toBe(2);
    expect(page.items[0]).toEqual({
      accountNumber: 'G-1',
      name: 'Alpha Foods',
      state: 'TX',
      lineOfBusiness: 'group-medical',
      effectiveDate: '2024-01-01',
      employeeCount: 120,
      policies: 1,
      monthlyPremiumCents: 4_000_000,
      pastDue: true,
    });
    expect(await accounts(subUser)).toEqual(['G-1', 'G-2']);
    expect(await accounts(other)).toEqual(['G-3']);
  });

  it('searches by name or account number, line and past-due premium; sorts and pages', async () => {
    expect(await accounts(primary, 'q=dental')).toEqual(['G-2']);
    expect(await accounts(primary, 'q=G-1')).toEqual(['G-1']);
    expect(await accounts(primary, 'q=%25')).toEqual([]);
    expect(await accounts(primary, 'line=group-dental')).toEqual(['G-2']);
    expect(await accounts(primary, 'pastDue=true')).toEqual(['G-1']);
    expect(await accounts(primary, 'sort=employees&dir=asc')).toEqual(['G-2', 'G-1']);
    const beyond = (await primary.get('/api/book/groups?page=3&pageSize=1')).json<TGroupPage>();
    expect([beyond.items, beyond.total]).toEqual([[], 2]);
  });

  it("shows a group's policies with their payment history", async () => {
    const group = (await subUser.get('/api/book/groups/G-1')).json<TGroupDetail>();
    expect(group).toMatchObject({ accountNumber: 'G-1', name: 'Alpha Foods', employeeCount: 120 });
    expect(group.policies.map((p) => [p.policyNumber, p.paymentStatus, p.payments.map((pay) => pay.period)])).toEqual([
      ['GP-1', 'past-due', ['2026-03', '2026-02']],
    ]);
  });

  it('exports the search as CSV and audits it', async () => {
    const r = await primary.get('/api/book/groups.csv?sort=employees&dir=desc');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="groups-${ONE}-2026-03-02.csv"`);
    expect(r.body.split('\r\n')).toEqual([
      '\uFEFFAccount Number,Group Name,State,Line of Business,Effective Date,Employees,Policies,Monthly Premium,Premium Status',
      'G-1,Alpha Foods,TX,Group Medical,2024-01-01,120,1,"$40,000.00",Past due',
      'G-2,Beta Dental Co,TX,Group Dental,2025-07-01,80,1,"$1,500.50",Current',
      '',
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'book.groups_exported'))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(audit).toMatchObject({ actorLabel: 'gail.pp', portalId: 'producers', targetLabel: `groups of ${ONE}` });
    expect(audit?.details).toMatchObject({ count: 2, completed: true });
  });
});

describe("an employer group's own coverage (issue 16 §3)", () => {
  const employer = async (group: string, username: string, role: 'delegated-admin' | 'employer-user') => {
    await createUser(t.deps, { portalId: 'employers', username, password: PASSWORD, role, groupAccountNumber: group, actor: { label: 'test' } });
    return clientFor(t, { portalId: 'employers', username, password: PASSWORD });
  };

  it('shows every user of the group its policies, premium payments and producer of record, and only its own', async () => {
    for (const client of [await employer('G-1', 'alpha.da', 'delegated-admin'), await employer('G-1', 'alpha.user', 'employer-user')]) {
      const coverage = (await client.get('/api/book/coverage')).json<TEmployerCoverage>();
      expect(coverage).toMatchObject({ accountNumber: 'G-1', name: 'Alpha Foods', producerOfRecord: { agentId: ONE, name: 'Gail Group', agency: null } });
      expect(coverage.policies.map((p) => [p.policyNumber, p.paymentStatus, p.payments.length])).toEqual([['GP-1', 'past-due', 2]]);
    }
    const gamma = (await (await employer('G-3', 'gamma.user', 'employer-user')).get('/api/book/coverage')).json<TEmployerCoverage>();
    expect(gamma.policies.map((p) => p.policyNumber)).toEqual(['GP-3']);
  });

  it('answers 401 without a session and 403 to the other portals; it takes no parameters', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/book/coverage' })).statusCode).toBe(401);
    expect((await primary.get('/api/book/coverage')).statusCode).toBe(403);
    expect((await (await clientFor(t, await createStaff(t, 'help-desk'))).get('/api/book/coverage')).statusCode).toBe(403);
    const da = await clientFor(t, { portalId: 'employers', username: 'alpha.da', password: PASSWORD });
    expect((await da.get('/api/book/coverage?group=G-3')).statusCode).toBe(400);
  });
});
