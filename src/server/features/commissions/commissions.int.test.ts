// Commissions (BK-5) over HTTP on a real database: statement lines load through the feed (bad rows
// refused by line), the summary and statements add up to the cent, a statement pages its lines and
// downloads as CSV and PDF (its text read back), a sub-user sees them only once the Primary Producer
// allows it, and every route has its 401, 403, 400 and 404.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCommissionReport, TCommissionSummary, TStatement, TStatementList } from '../../../shared/commission-schemas.ts';
import { clientFor, createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { pdfPages } from '../../../../test/support/pdf-text.ts';
import { codeOf } from '../../../../test/support/ticket-fixtures.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { importFeed } from '../feed/feed-import.service.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
let other: Awaited<ReturnType<typeof createProducerTeam>>;
let pp: TClient;
let sub: TClient;
let stranger: TClient;
let retail: TClient;
let employer: TClient;
let staff: TClient;

const HEADER =
  'agent_unique_id,period,line_number,account_number,group_number,account_name,original_effective_date,producer_effective_date,cancel_date,product_name,line_of_business,funding_type,calculation_method,contracts,premium_basis,rate,split_percent,transaction_type,amount';

function line(agent: string, period: string, n: number, fields: { line?: string; type?: string; amount: string; account?: string }) {
  const lob = fields.line ?? 'group-medical';
  return `${agent},${period},${n},${fields.account ?? `G-${n}`},${fields.account ?? `G-${n}`},"Acme, Inc.",2024-01-01,2024-01-01,,Blue Choice PPO,${lob},fully-insured,percent-of-premium,12,10000.00,5.0000,100,${fields.type ?? 'renewal'},${fields.amount}`;
}

async function load(rows: string[]) {
  return importFeed(
    { ...t.deps, bulk: t.database.withBulkConnection },
    { kind: 'commissions', csv: Readable.from([[HEADER, ...rows].join('\n')]), source: 'cli', actor: { label: 'test' } },
  );
}

beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 1);
  other = await createProducerTeam(t, 0);
  pp = await clientFor(t, team.pp);
  const [firstSub] = team.subs;
  if (!firstSub) throw new Error('fixture');
  sub = await clientFor(t, firstSub);
  stranger = await clientFor(t, other.pp);
  const retailUser = await createRetailUser(t);
  retail = await clientFor(t, retailUser);
  employer = await clientFor(t, (await createGroupTeam(t, 0)).da);
  staff = await clientFor(t, await createStaff(t, 'help-desk'));
  const a = team.agentId;
  const report = await load([
    // Three statements for the team's ID (2025-11, 2026-01, 2026-02) and one for the other ID.
    line(a, '2025-11', 1, { amount: '100.10' }),
    line(a, '2026-01', 1, { amount: '500.00', type: 'new' }),
    line(a, '2026-01', 2, { amount: '250.25', line: 'group-dental' }),
    line(a, '2026-02', 1, { amount: '1000.01' }),
    line(a, '2026-02', 2, { amount: '-120.50', type: 'chargeback' }),
    line(a, '2026-02', 3, { amount: '333.33', line: 'group-life', type: 'adjustment' }),
    line(other.agentId, '2026-02', 1, { amount: '9999.99' }),
  ]);
  expect(report.failed).toBe(0);
});
afterAll(async () => {
  await t.close();
});

describe('the feed', () => {
  it('refuses bad commission rows by line, and a reload replaces a line by its number', async () => {
    const a = team.agentId;
    const report = await load([
      line(a, '2026-13', 1, { amount: '1.00' }),
      line('999999999', '2026-02', 9, { amount: '1.00' }),
      line(a, '2026-02', 9, { amount: '1.00', type: 'bonus' }),
      `${a},2026-02,10,G-1,,Acme,,,,PPO,group-medical,,percent-of-premium,,,,,new,1.00`,
      `${a},2026-02,11,G-1,,Acme,,,,PPO,group-medical,,flat,,,,0,new,1.00`,
    ]);
    expect(report.failed).toBe(5);
    expect(report.problems.map((p) => p.column).sort()).toEqual(['agent_unique_id', 'period', 'rate', 'split_percent', 'transaction_type']);
  });
});

describe('statement totals', () => {
  it('follow a reload: a line that changes type or amount moves its total, and no total is left behind', async () => {
    const fresh = await createProducerTeam(t, 0);
    const owner = await clientFor(t, fresh.pp);
    const a = fresh.agentId;
    expect((await load([line(a, '2026-02', 1, { amount: '10.00' }), line(a, '2026-02', 2, { amount: '5.00', type: 'new' })])).failed).toBe(0);
    const before = (await owner.get('/api/commissions/statements/2026-02')).json<TStatement>();
    expect(before.byType.map((x) => [x.transactionType, x.totalCents, x.lines]).sort()).toEqual([
      ['new', 500, 1],
      ['renewal', 1_000, 1],
    ]);
    expect((await load([line(a, '2026-02', 2, { amount: '7.00' })])).updated).toBe(1);
    const after = (await owner.get('/api/commissions/statements/2026-02')).json<TStatement>();
    expect(after.byType.map((x) => [x.transactionType, x.totalCents, x.lines])).toEqual([['renewal', 1_700, 2]]);
    expect(after.byLine.map((x) => [x.lineOfBusiness, x.totalCents, x.lines])).toEqual([['group-medical', 1_700, 2]]);
    expect((await owner.get('/api/commissions/statements')).json<TStatementList>().items).toEqual([{ period: '2026-02', totalCents: 1_700, lines: 2 }]);
    const report = (await owner.get('/api/commissions/report?from=2026-02&to=2026-02')).json<TCommissionReport>();
    expect([report.totalCents, report.lines]).toEqual([1_700, 2]);
  });
});

describe('summary and statements (BK-5)', () => {
  it('the summary: the last statement, the year to date, and twelve months ending with it, to the cent', async () => {
    const summary = (await pp.get('/api/commissions/summary')).json<TCommissionSummary>();
    expect(summary.lastStatement).toEqual({ period: '2026-02', totalCents: 100_001 - 12_050 + 33_333, lines: 3 });
    expect(summary.year).toBe(2026);
    expect(summary.yearToDateCents).toBe(50_000 + 25_025 + 100_001 - 12_050 + 33_333);
    expect(summary.lastTwelveMonths.map((m) => m.period)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(summary.lastTwelveMonths.map((m) => m.totalCents)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 10_010, 0, 75_025, 121_284]);
    expect((await stranger.get('/api/commissions/summary')).json<TCommissionSummary>().lastStatement?.totalCents).toBe(999_999);
    expect((await retail.get('/api/commissions/summary')).json<TCommissionSummary>()).toEqual({
      lastStatement: null,
      yearToDateCents: 0,
      year: null,
      lastTwelveMonths: [],
    });
  });

  it('lists the statements newest first, and one statement with its totals by line and type and its lines paged', async () => {
    expect((await pp.get('/api/commissions/statements')).json<TStatementList>().items.map((s) => [s.period, s.totalCents])).toEqual([
      ['2026-02', 121_284],
      ['2026-01', 75_025],
      ['2025-11', 10_010],
    ]);
    const statement = (await pp.get('/api/commissions/statements/2026-02?pageSize=50')).json<TStatement>();
    expect(statement).toMatchObject({ period: '2026-02', totalCents: 121_284, lines: 3, total: 3, page: 1, pageSize: 50 });
    expect(statement.producer.agentUniqueId).toBe(team.agentId);
    expect(statement.byLine.reduce((sum, row) => sum + row.totalCents, 0)).toBe(statement.totalCents);
    expect(statement.byType.reduce((sum, row) => sum + row.totalCents, 0)).toBe(statement.totalCents);
    expect(statement.byType.find((row) => row.transactionType === 'chargeback')?.totalCents).toBe(-12_050);
    expect(statement.items.map((l) => [l.lineNumber, l.amountCents, l.rate, l.splitPercent])).toEqual([
      [1, 100_001, '5.0000', '100.0000'],
      [2, -12_050, '5.0000', '100.0000'],
      [3, 33_333, '5.0000', '100.0000'],
    ]);
    expect((await pp.get('/api/commissions/statements/2026-02?page=2&pageSize=50')).json<TStatement>().items).toEqual([]);
  });

  it('downloads the statement as CSV and as PDF (its text read back), each audited', async () => {
    const csv = await pp.get('/api/commissions/statements/2026-02/csv');
    expect(csv.statusCode).toBe(200);
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]).toBe(HEADER.split(',').slice(2).join(','));
    expect(rows.slice(1).map((r) => r.split(',').at(-1))).toEqual(['1000.01', '-120.50', '333.33']);

    const pdf = await pp.get('/api/commissions/statements/2026-02/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(pdf.rawPayload);
    expect(pages).toHaveLength(1);
    const text = pages[0] ?? '';
    for (const expected of [
      'Commission Statement 2026-02',
      team.agentId,
      'Account/Policy',
      '$1,000.01',
      '-$120.50',
      'Group Life: $333.33',
      'Statement total: $1,212.84',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'commissions.statement_downloaded'));
    expect(audit.map((a) => (a.details as { format: string }).format).sort()).toEqual(['csv', 'pdf']);
  });

  it('a long statement repeats its header row on every page and numbers the pages', async () => {
    const a = team.agentId;
    await load(Array.from({ length: 120 }, (_, i) => line(a, '2025-06', i + 1, { amount: '10.00' })));
    const pages = await pdfPages((await pp.get('/api/commissions/statements/2025-06/pdf')).rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('Account/Policy');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages.at(-1)).toContain('Statement total: $1,200.00');
  });
});

describe('the reporting tool', () => {
  it('by month and line of business over the 12 months ending with the newest statement, to the cent', async () => {
    const report = (await pp.get('/api/commissions/report')).json<TCommissionReport>();
    expect([report.from, report.to, report.months.length]).toEqual(['2025-03', '2026-02', 12]);
    expect(report.totalCents).toBe(10_010 + 75_025 + 121_284 + 120_000);
    expect(report.months.find((m) => m.period === '2026-01')?.byLine).toEqual([
      { lineOfBusiness: 'group-dental', totalCents: 25_025 },
      { lineOfBusiness: 'group-medical', totalCents: 50_000 },
    ]);
    expect(report.months.reduce((sum, m) => sum + m.totalCents, 0)).toBe(report.totalCents);
    expect(report.accounts[0]).toMatchObject({ accountNumber: 'G-1', totalCents: 10_010 + 50_000 + 100_001 + 1_000 });
  });

  it('filters by range, line, type and account; the CSV has the lines behind it', async () => {
    const chargebacks = (await pp.get('/api/commissions/report?from=2026-01&to=2026-02&type=chargeback')).json<TCommissionReport>();
    expect([chargebacks.totalCents, chargebacks.lines, chargebacks.months.map((m) => m.period)]).toEqual([-12_050, 1, ['2026-01', '2026-02']]);
    const dental = (await pp.get('/api/commissions/report?from=2025-11&to=2026-02&line=group-dental')).json<TCommissionReport>();
    expect(dental.totalCents).toBe(25_025);
    const account = (await pp.get('/api/commissions/report?from=2026-02&to=2026-02&account=G-3')).json<TCommissionReport>();
    expect(account.totalCents).toBe(33_333);
    const csv = await pp.get('/api/commissions/report/csv?from=2026-01&to=2026-02');
    const rows = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(rows[0]?.startsWith('period,line_number,')).toBe(true);
    expect(rows.slice(1).map((r) => `${r.split(',')[0]}#${r.split(',')[1]}`)).toEqual(['2026-01#1', '2026-01#2', '2026-02#1', '2026-02#2', '2026-02#3']);
  });

  it('refuses a backwards or too long range and unknown filters with 400; another ID sees only its own', async () => {
    for (const url of [
      '/api/commissions/report?from=2026-02&to=2026-01',
      '/api/commissions/report?from=2020-01&to=2026-02',
      '/api/commissions/report?line=pets',
      '/api/commissions/report?type=bonus',
      '/api/commissions/report?from=26-01',
    ]) {
      expect((await pp.get(url)).statusCode, url).toBe(400);
    }
    expect((await stranger.get('/api/commissions/report?from=2026-02&to=2026-02')).json<TCommissionReport>().totalCents).toBe(999_999);
  });
});

describe('access', () => {
  it('a sub-user sees commissions once the Primary Producer allows it, and not after it is withdrawn (audited)', async () => {
    const [subUser] = team.subs;
    const url = `/api/producers/users/${subUser?.id}/commission-access`;
    for (const route of [
      '/api/commissions/summary',
      '/api/commissions/statements',
      '/api/commissions/statements/2026-02',
      '/api/commissions/statements/2026-02/csv',
      '/api/commissions/statements/2026-02/pdf',
      '/api/commissions/report',
      '/api/commissions/report/csv',
      '/api/commissions/reconciliation',
      '/api/commissions/por-alerts',
    ]) {
      expect(codeOf(await sub.get(route)), route).toEqual({ status: 403, code: 'commissions.not_allowed' });
    }
    expect((await pp.get(url)).json()).toEqual({ allowed: false });
    expect((await pp.get('/api/producers/commission-access')).json()).toEqual({ allowedUserIds: [] });
    expect((await pp.put(url, { allowed: true })).json()).toEqual({ allowed: true });
    expect((await pp.get('/api/producers/commission-access')).json()).toEqual({ allowedUserIds: [subUser?.id] });
    // Another producer ID's Primary Producer sees their own grants, not these.
    expect((await stranger.get('/api/producers/commission-access')).json()).toEqual({ allowedUserIds: [] });
    expect((await sub.get('/api/commissions/statements')).json<TStatementList>().items).toHaveLength(4);
    expect((await pp.put(url, { allowed: true })).statusCode).toBe(200);
    expect((await pp.put(url, { allowed: false })).json()).toEqual({ allowed: false });
    expect(codeOf(await sub.get('/api/commissions/statements/2026-02'))).toEqual({ status: 403, code: 'commissions.not_allowed' });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'commissions.access_changed'));
    expect(audit.map((a) => (a.details as { allowed: boolean }).allowed)).toEqual([true, false]);
  });

  it('grants only to the own producer ID’s sub-users: another ID’s user is 404, oneself 403', async () => {
    expect(codeOf(await stranger.put(`/api/producers/users/${team.subs[0]?.id}/commission-access`, { allowed: true }))).toEqual({
      status: 404,
      code: 'user.not_found',
    });
    expect(codeOf(await pp.put(`/api/producers/users/${team.pp.id}/commission-access`, { allowed: true }))).toEqual({ status: 403, code: 'auth.forbidden' });
    expect(codeOf(await sub.put(`/api/producers/users/${team.subs[0]?.id}/commission-access`, { allowed: true }))).toEqual({
      status: 403,
      code: 'auth.forbidden',
    });
    expect((await pp.put(`/api/producers/users/${team.subs[0]?.id}/commission-access`, { allowed: 'yes' })).statusCode).toBe(400);
  });

  it('404 for a month without a statement (another ID’s month included), 400 for a bad month or page size', async () => {
    expect(codeOf(await pp.get('/api/commissions/statements/2024-01'))).toEqual({ status: 404, code: 'commissions.statement_not_found' });
    expect(codeOf(await retail.get('/api/commissions/statements/2026-02/pdf'))).toEqual({ status: 404, code: 'commissions.statement_not_found' });
    for (const url of [
      '/api/commissions/statements/2026-2',
      '/api/commissions/statements/2026-02?pageSize=7',
      '/api/commissions/statements/2026-02?page=0',
      '/api/commissions/summary?x=1',
    ]) {
      expect((await pp.get(url)).statusCode, url).toBe(400);
    }
  });

  it('401 without a session, 403 to employers and staff', async () => {
    const urls = [
      '/api/commissions/summary',
      '/api/commissions/statements',
      '/api/commissions/statements/2026-02',
      '/api/commissions/statements/2026-02/csv',
      '/api/commissions/statements/2026-02/pdf',
    ];
    for (const url of urls) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      for (const client of [employer, staff]) expect((await client.get(url)).statusCode, url).toBe(403);
    }
    expect((await t.app.inject({ method: 'PUT', url: `/api/producers/users/${team.subs[0]?.id}/commission-access` })).statusCode).toBe(401);
    expect((await retail.get(`/api/producers/users/${team.subs[0]?.id}/commission-access`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/producers/commission-access' })).statusCode).toBe(401);
    for (const client of [retail, sub, employer, staff]) expect((await client.get('/api/producers/commission-access')).statusCode).toBe(403);
    expect((await pp.get('/api/producers/commission-access?user=1')).statusCode).toBe(400);
  });
});
