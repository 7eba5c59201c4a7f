// Owed versus paid (issue 17 §3) on a real database: a planted short pay, a missing month, a line
// paid after the policy ended and a chargeback never reversed are found, each with its amounts, and
// nothing else (a reversed chargeback, lines paid in full, another producer's policies).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReconciliation } from '../../../shared/commission-schemas.ts';
import { clientFor, createGroupTeam, createRetailUser, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { loadFeedRows } from '../../../../test/support/feed-fixtures.ts';
import type { TFeedKindName } from '../feed/feed-kinds.ts';
import { executeRows } from '../../db/client.ts';
import { sql } from 'drizzle-orm';

let t: TTestApp;
let retail: TClient;
let employer: TClient;
let agent: string;

const OTHER = '730009999';
const LINE_HEADER =
  'agent_unique_id,period,line_number,account_number,group_number,account_name,original_effective_date,producer_effective_date,cancel_date,product_name,line_of_business,funding_type,calculation_method,contracts,premium_basis,rate,split_percent,transaction_type,amount';

function feeds(a: string): [TFeedKindName, string[]][] {
  const line = (period: string, n: number, account: string, type: string, amount: string) =>
    `${a},${period},${n},${account},,Client ${account},2025-06-01,2025-06-01,,Plan,${account === 'P-2' ? 'dental' : 'medicare-supplement'},,percent-of-premium,1,200.00,20,100,${type},${amount}`;
  return [
    ['producers', ['agent_unique_id,first_name,last_name,email', `${OTHER},Otto,Other,otto@example.test`]],
    [
      'clients',
      [
        'client_id,first_name,last_name,date_of_birth,state',
        'R-1,Ann,One,1950-01-01,TX',
        'R-2,Bob,Two,1950-01-01,TX',
        'R-3,Cy,Three,1950-01-01,TX',
        'R-9,Di,Nine,1950-01-01,TX',
      ],
    ],
    [
      'policies',
      [
        'policy_number,client_id,line_of_business,plan_name,state,status,effective_date,termination_date,monthly_premium,writing_agent_id,producer_of_record_agent_id',
        `P-1,R-1,medicare-supplement,Plan G,TX,active,2025-06-01,,200.00,${a},${a}`,
        `P-2,R-2,dental,Dental PPO,TX,terminated,2024-01-01,2026-03-01,100.00,${a},${a}`,
        `P-3,R-3,medicare-supplement,Plan G,TX,active,2025-06-01,,200.00,${a},${a}`,
        `P-9,R-9,medicare-supplement,Plan G,TX,active,2025-06-01,,200.00,${OTHER},${OTHER}`,
        `P-4,R-3,medicare-supplement,Plan G,TX,active,2025-06-15,,200.00,${a},${a}`,
      ],
    ],
    [
      'payments',
      [
        'policy_number,period,amount_due,due_date,amount_paid,paid_date,status',
        // April's premium is in, April's statement is not yet: not judged (the newest statement is March's).
        ...['2026-01', '2026-02', '2026-03', '2026-04'].map((p) => `P-1,${p},200.00,${p}-01,200.00,${p}-01,paid`),
        ...['2026-01', '2026-02'].map((p) => `P-2,${p},100.00,${p}-01,100.00,${p}-01,paid`),
        ...['2026-01', '2026-02'].map((p) => `P-3,${p},200.00,${p}-01,200.00,${p}-01,paid`),
        ...['2026-01', '2026-02'].map((p) => `P-9,${p},200.00,${p}-01,200.00,${p}-01,paid`),
        'P-4,2026-01,200.00,2026-01-01,200.00,2026-01-01,paid',
      ],
    ],
    [
      'commission-schedules',
      [
        'line_of_business,state,business_type,effective_from,effective_to,rate_percent',
        'medicare-supplement,TX,new,2024-01-01,,20',
        'medicare-supplement,TX,renewal,2024-01-01,,10',
        'dental,TX,new,2024-01-01,,12',
        'dental,TX,renewal,2024-01-01,,8',
      ],
    ],
    [
      'commissions',
      [
        LINE_HEADER,
        line('2026-01', 1, 'P-1', 'new', '40.00'),
        line('2026-02', 1, 'P-1', 'new', '30.00'), // short by 10.00
        // 2026-03: nothing for P-1, 40.00 missing.
        line('2026-01', 2, 'P-2', 'renewal', '8.00'),
        line('2026-02', 2, 'P-2', 'renewal', '8.00'),
        line('2026-02', 3, 'P-2', 'chargeback', '-8.00'), // premium paid since, never reversed
        line('2026-03', 2, 'P-2', 'renewal', '8.00'), // the policy ended on 2026-03-01
        line('2026-01', 3, 'P-3', 'new', '40.00'),
        line('2026-01', 4, 'P-3', 'chargeback', '-5.00'), // reversed by the adjustment below
        line('2026-02', 4, 'P-3', 'new', '40.00'),
        line('2026-02', 5, 'P-3', 'adjustment', '5.00'),
        // P-4: half of the commission is this producer's (a split): not judged against the full rate.
        `${a},2026-01,5,P-4,,Client P-4,2025-06-15,2025-06-15,,Plan,medicare-supplement,,percent-of-premium,1,200.00,20,50,new,20.00`,
        `${OTHER},2026-01,1,P-9,,Client P-9,2025-06-01,2025-06-01,,Plan,medicare-supplement,,percent-of-premium,1,200.00,20,100,new,1.00`,
      ],
    ],
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  const user = await createRetailUser(t);
  retail = await clientFor(t, user);
  employer = await clientFor(t, (await createGroupTeam(t, 0)).da);
  const [row] = await executeRows<{ agent_unique_id: string }>(
    t.database.db,
    sql`select p.agent_unique_id from users u join producers p on p.id = u.producer_id where u.id = ${user.id}`,
  );
  agent = row?.agent_unique_id ?? '';
  for (const [kind, rows] of feeds(agent)) {
    await loadFeedRows(t, kind, rows);
  }
});
afterAll(async () => {
  await t.close();
});

describe('owed versus paid', () => {
  it('finds each planted discrepancy with its amounts, and nothing else', async () => {
    const result = (await retail.get('/api/commissions/reconciliation?year=2026')).json<TReconciliation>();
    expect(result.discrepancies.map((d) => [d.kind, d.period, d.accountNumber, d.owedCents, d.paidCents, d.differenceCents])).toEqual([
      ['short-pay', '2026-02', 'P-1', 4_000, 3_000, 1_000],
      ['unreversed-chargeback', '2026-02', 'P-2', null, -800, 800],
      ['missing', '2026-03', 'P-1', 4_000, 0, 4_000],
      ['paid-after-termination', '2026-03', 'P-2', 0, 800, -800],
    ]);
    expect(result.totals).toEqual([
      { kind: 'short-pay', count: 1, differenceCents: 1_000 },
      { kind: 'missing', count: 1, differenceCents: 4_000 },
      { kind: 'paid-after-termination', count: 1, differenceCents: -800 },
      { kind: 'unreversed-chargeback', count: 1, differenceCents: 800 },
    ]);
    expect(result.differenceCents).toBe(5_000);
    expect(result.judgedThrough).toBe('2026-03');
    // Owed: P-1 3 × 40.00, P-2 2 × 8.00, P-3 2 × 40.00, P-4 40.00; paid on those months: 40 + 30 + 0, 8 + 8, 40 + 45, 20.
    expect([result.owedCents, result.paidCents]).toEqual([25_600, 19_100]);
    expect(result.discrepancies[0]?.detail).toBe('First-year commission at 20% of $200.00 premium received; the statement paid $30.00.');
  });

  it('defaults to the year of the newest statement; another year has nothing; bad years are 400; other portals 403', async () => {
    expect((await retail.get('/api/commissions/reconciliation')).json<TReconciliation>().year).toBe(2026);
    const before = (await retail.get('/api/commissions/reconciliation?year=2025')).json<TReconciliation>();
    expect([before.judgedThrough, before.discrepancies]).toEqual(['2025-12', []]);
    expect((await retail.get('/api/commissions/reconciliation?year=2027')).json<TReconciliation>()).toMatchObject({ judgedThrough: null, owedCents: 0 });
    for (const url of ['/api/commissions/reconciliation?year=26', '/api/commissions/reconciliation?year=x', '/api/commissions/reconciliation?month=1']) {
      expect((await retail.get(url)).statusCode, url).toBe(400);
    }
    expect((await employer.get('/api/commissions/reconciliation')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/commissions/reconciliation' })).statusCode).toBe(401);
  });
});
