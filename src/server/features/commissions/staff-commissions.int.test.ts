// Staff read any producer's commissions, read-only (issue 17 §3), over HTTP on a real database: the
// summary, the statement list and owed versus paid are the producer's own answers for the Agent
// Unique ID in the address; reading the reconciliation is audited; and the access matrix: 401
// without a session, 403 for producers and employers, 400 for a bad year or Agent Unique ID, 404 for
// a producer the roster does not list, and no route that changes anything.
import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReconciliation } from '../../../shared/commission-schemas.ts';
import { clientFor, createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { executeRows } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { loadFeedRows } from '../../../../test/support/feed-fixtures.ts';
import type { TFeedKindName } from '../feed/feed-kinds.ts';
import { sql } from 'drizzle-orm';

let t: TTestApp;
let retail: TClient;
let primary: TClient;
let employer: TClient;
let helpDesk: TClient;
let helpDeskName: string;
let agent: string;
let team: string;

const LINE_HEADER =
  'agent_unique_id,period,line_number,account_number,group_number,account_name,original_effective_date,producer_effective_date,cancel_date,product_name,line_of_business,funding_type,calculation_method,contracts,premium_basis,rate,split_percent,transaction_type,amount';

/** The retail producer: a short pay in February and nothing paid in March; the team's producer: paid in full. */
function feeds(a: string, b: string): [TFeedKindName, string[]][] {
  const line = (agentId: string, period: string, n: number, account: string, amount: string) =>
    `${agentId},${period},${n},${account},,Client ${account},2025-06-01,2025-06-01,,Plan,medicare-supplement,,percent-of-premium,1,200.00,20,100,new,${amount}`;
  return [
    ['clients', ['client_id,first_name,last_name,date_of_birth,state', 'SC-1,Ann,One,1950-01-01,TX', 'SC-2,Bob,Two,1950-01-01,TX']],
    [
      'policies',
      [
        'policy_number,client_id,line_of_business,plan_name,state,status,effective_date,termination_date,monthly_premium,writing_agent_id,producer_of_record_agent_id',
        `SCP-1,SC-1,medicare-supplement,Plan G,TX,active,2025-06-01,,200.00,${a},${a}`,
        `SCP-2,SC-2,medicare-supplement,Plan G,TX,active,2025-06-01,,200.00,${b},${b}`,
      ],
    ],
    [
      'payments',
      [
        'policy_number,period,amount_due,due_date,amount_paid,paid_date,status',
        ...['2026-01', '2026-02', '2026-03'].map((p) => `SCP-1,${p},200.00,${p}-01,200.00,${p}-01,paid`),
        ...['2026-01', '2026-02', '2026-03'].map((p) => `SCP-2,${p},200.00,${p}-01,200.00,${p}-01,paid`),
      ],
    ],
    ['commission-schedules', ['line_of_business,state,business_type,effective_from,effective_to,rate_percent', 'medicare-supplement,TX,new,2024-01-01,,20']],
    [
      'commissions',
      [
        LINE_HEADER,
        line(a, '2025-12', 1, 'SCP-1', '40.00'),
        line(a, '2026-01', 1, 'SCP-1', '40.00'),
        line(a, '2026-02', 1, 'SCP-1', '30.00'),
        line(b, '2026-01', 1, 'SCP-2', '40.00'),
        line(b, '2026-02', 1, 'SCP-2', '40.00'),
        // March's statements are out (the team's), so the retail producer's March is judged: missing.
        line(b, '2026-03', 1, 'SCP-2', '40.00'),
      ],
    ],
  ];
}

const agentOf = async (userId: string) =>
  (
    await executeRows<{ agent_unique_id: string }>(
      t.database.db,
      sql`select p.agent_unique_id from users u join producers p on p.id = u.producer_id where u.id = ${userId}`,
    )
  )[0]?.agent_unique_id ?? '';

const staffUrl = (agentId: string, what: string) => `/api/staff/commissions/producers/${agentId}/${what}`;

const reconciliationAudits = async (actorLabel: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'commissions.reconciliation_viewed'), eq(auditEvents.actorLabel, actorLabel)))
    .orderBy(desc(auditEvents.occurredAt));

beforeAll(async () => {
  t = await createTestApp();
  const retailUser = await createRetailUser(t);
  retail = await clientFor(t, retailUser);
  agent = await agentOf(retailUser.id);
  const producers = await createProducerTeam(t, 0);
  team = producers.agentId;
  primary = await clientFor(t, producers.pp);
  employer = await clientFor(t, (await createGroupTeam(t, 0)).da);
  const staffUser = await createStaff(t, 'help-desk');
  helpDeskName = staffUser.username;
  helpDesk = await clientFor(t, staffUser);
  for (const [kind, rows] of feeds(agent, team)) {
    await loadFeedRows(t, kind, rows);
  }
});
afterAll(async () => {
  await t.close();
});

describe('access', () => {
  const routes = () => [staffUrl(agent, 'summary'), staffUrl(agent, 'statements'), staffUrl(agent, 'reconciliation?year=2026')];

  it('answers 401 without a session, 403 to producers and employers, and 200 to every staff role', async () => {
    for (const url of routes()) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    for (const [who, outsider] of [
      ['retail producer', retail],
      ['primary producer', primary],
      ['employer', employer],
    ] as const) {
      for (const url of routes())
        expect([(await outsider.get(url)).statusCode, (await outsider.get(url)).json().code], `${who} ${url}`).toEqual([403, 'auth.forbidden']);
    }
    for (const role of ['help-desk', 'producer-services', 'security-admin'] as const) {
      const staff = await clientFor(t, await createStaff(t, role));
      for (const url of routes()) expect((await staff.get(url)).statusCode, `${role} ${url}`).toBe(200);
    }
  });

  it('is read-only: no route changes anything', async () => {
    expect((await helpDesk.put(staffUrl(agent, 'reconciliation'), {})).statusCode).toBe(404);
    expect((await helpDesk.post(staffUrl(agent, 'reconciliation'), {})).statusCode).toBe(404);
  });

  it('answers 400 field by field for a bad year or Agent Unique ID', async () => {
    for (const [url, field] of [
      [staffUrl(agent, 'reconciliation?year=26'), 'querystring.year'],
      [staffUrl(agent, 'reconciliation?year=x'), 'querystring.year'],
      [staffUrl(agent, 'reconciliation?year=2101'), 'querystring.year'],
      [staffUrl(agent, 'reconciliation?month=1'), ''],
      [staffUrl(agent, 'summary?year=2026'), ''],
      [staffUrl('12345', 'reconciliation?year=2026'), 'params.agentId'],
      [staffUrl('12345', 'statements'), 'params.agentId'],
    ] as const) {
      const r = await helpDesk.get(url);
      expect([r.statusCode, r.json().code], url).toEqual([400, 'request.invalid']);
      if (field)
        expect(
          r.json().fields.map((f: { field: string }) => f.field),
          url,
        ).toContain(field);
    }
  });

  it('answers 404 for a producer the roster does not list, and audits nothing then', async () => {
    const before = (await reconciliationAudits(helpDeskName)).length;
    for (const what of ['summary', 'statements', 'reconciliation?year=2026', 'reconciliation']) {
      const r = await helpDesk.get(staffUrl('799999999', what));
      expect([r.statusCode, r.json()], what).toEqual([404, { code: 'book.producer_not_found', message: 'No producer has that Agent Unique ID.' }]);
    }
    expect((await reconciliationAudits(helpDeskName)).length).toBe(before);
  });
});

describe("the producer's commissions, as the producer sees them", () => {
  it('answers owed versus paid exactly as the producer’s own, for a year, the default year and a year without lines', async () => {
    for (const query of ['?year=2026', '', '?year=2025', '?year=2024']) {
      const mine = await retail.get(`/api/commissions/reconciliation${query}`);
      const theirs = await helpDesk.get(staffUrl(agent, `reconciliation${query}`));
      expect([mine.statusCode, theirs.statusCode], query).toEqual([200, 200]);
      expect(theirs.json(), query).toEqual(mine.json());
    }
    const result = (await helpDesk.get(staffUrl(agent, 'reconciliation?year=2026'))).json<TReconciliation>();
    expect(result.discrepancies.map((d) => [d.kind, d.period, d.accountNumber, d.owedCents, d.paidCents])).toEqual([
      ['short-pay', '2026-02', 'SCP-1', 4_000, 3_000],
      ['missing', '2026-03', 'SCP-1', 4_000, 0],
    ]);
    // Another producer's: their own answer, not the first one's.
    const other = await helpDesk.get(staffUrl(team, 'reconciliation?year=2026'));
    expect(other.json()).toEqual((await primary.get('/api/commissions/reconciliation?year=2026')).json());
    expect(other.json<TReconciliation>()).toMatchObject({ owedCents: 12_000, paidCents: 12_000, discrepancies: [] });
  });

  it('answers the summary and the statement list as the producer’s own', async () => {
    for (const [own, staff] of [
      ['/api/commissions/summary', staffUrl(agent, 'summary')],
      ['/api/commissions/statements', staffUrl(agent, 'statements')],
    ] as const) {
      const mine = await retail.get(own);
      expect(mine.statusCode, own).toBe(200);
      expect((await helpDesk.get(staff)).json(), staff).toEqual(mine.json());
    }
    expect((await helpDesk.get(staffUrl(agent, 'statements'))).json().items.map((m: { period: string }) => m.period)).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
    ]);
  });

  it('audits staff reading the reconciliation: who, whose, which year; the summary and list are not audited', async () => {
    await helpDesk.get(staffUrl(agent, 'reconciliation?year=2026'));
    const [audit] = await reconciliationAudits(helpDeskName);
    expect(audit).toMatchObject({ portalId: 'staff', targetLabel: `owed versus paid 2026 of ${agent}` });
    expect(audit?.details).toEqual({ agentId: agent, year: 2026, discrepancies: 2 });
    // The default year is the one audited.
    await helpDesk.get(staffUrl(agent, 'reconciliation'));
    expect((await reconciliationAudits(helpDeskName))[0]?.details).toMatchObject({ year: 2026 });
    // The producer's own read is not a staff read.
    const own = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'commissions.reconciliation_viewed'), eq(auditEvents.portalId, 'retail')));
    expect(own[0]?.n).toBe(0);
  });
});
