// The data feed's load (BK-8) on a real database: each kind's good rows, each kind of bad row
// reported with its line and column while the rest loads, idempotent reloads that count what
// changed, references refused by row, duplicate keys across batches, and the run recorded.
import { Readable } from 'node:stream';
import { eq, like, sql } from 'drizzle-orm';
import { executeRows } from '../../db/client.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agencies,
  applicationStatusHistory,
  auditEvents,
  clients,
  employerGroups,
  feedRuns,
  policies,
  premiumPayments,
  producers,
} from '../../db/schema/index.ts';
import { ManualClock } from '../../platform/clock.ts';
import { upsertProducer } from '../imports/producers-import.store.ts';
import type { TDatabase } from '../../db/client.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { importFeed, type TFeedInput, type TFeedProblem, type TFeedReport } from './feed-import.service.ts';

let database: TDatabase;
const clock = new ManualClock('2026-03-02T09:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
  for (const agentUniqueId of ['700000001', '700000002']) {
    await upsertProducer(
      database.db,
      { agentUniqueId, firstName: 'Feed', lastName: 'Producer', email: `${agentUniqueId}@example.test`, agencyName: null, states: ['TX'] },
      clock.now(),
    );
  }
});
afterAll(async () => {
  await database.close();
});

async function load(kind: TFeedInput['kind'], lines: string[], options: { batchRows?: number } = {}): Promise<TFeedReport & { all: TFeedProblem[] }> {
  const all: TFeedProblem[] = [];
  const report = await importFeed(
    { db: database.db, clock, bulk: database.withBulkConnection },
    { kind, csv: Readable.from([lines.join('\r\n')]), source: 'cli', actor: { label: 'test' }, onProblems: (p) => void all.push(...p), ...options },
  );
  return { ...report, all };
}

const counts = (r: TFeedReport) => ({ rowsRead: r.rowsRead, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, failed: r.failed });
const CLIENTS = 'client_id,first_name,last_name,date_of_birth,state,email,phone,zip';

describe('producers (the roster)', () => {
  const ROSTER = 'agent_unique_id,first_name,last_name,email,agency_name,states';
  const producer = async (agentUniqueId: string) => {
    const [row] = await database.db
      .select({ firstName: producers.firstName, states: producers.states, agency: agencies.name })
      .from(producers)
      .leftJoin(agencies, eq(agencies.id, producers.agencyId))
      .where(eq(producers.agentUniqueId, agentUniqueId));
    return row;
  };

  it('loads agencies by name (made once, any case) and appointed states, refusing what it cannot read by line', async () => {
    const report = await load('producers', [
      ROSTER,
      '710000001,Rita,Retail,rita@example.test,Lone Star Agency,TX;il',
      '710000002,Gus,Group,gus@example.test,LONE STAR AGENCY,',
      '710000003,Ned,Nobody,ned@example.test,,',
      '71000000X,Bad,Id,bad@example.test,,TX',
      '710000004,Sam,States,sam@example.test,,TX;CA',
    ]);
    expect(counts(report)).toEqual({ rowsRead: 5, inserted: 3, updated: 0, unchanged: 0, failed: 2 });
    expect(report.all.map((p) => [p.line, p.column, p.reason])).toEqual([
      [5, 'agent_unique_id', 'an Agent Unique ID is 9 digits'],
      [6, 'states', '"CA" is not one of IL, MT, NM, OK, TX'],
    ]);
    expect(await producer('710000001')).toEqual({ firstName: 'Rita', states: ['TX', 'IL'], agency: 'Lone Star Agency' });
    expect(await producer('710000002')).toEqual({ firstName: 'Gus', states: [], agency: 'Lone Star Agency' });
    expect(await producer('710000003')).toEqual({ firstName: 'Ned', states: [], agency: null });
  });

  it('updates by Agent Unique ID, leaving out of it the columns a file does not have', async () => {
    const moved = await load('producers', [ROSTER, '710000003,Ned,Nobody,ned@example.test,Prairie Partners,OK']);
    expect(counts(moved)).toMatchObject({ inserted: 0, updated: 1 });
    const renamed = await load('producers', ['agent_unique_id,first_name,last_name,email', '710000003,Edward,Nobody,ned@example.test']);
    expect(counts(renamed)).toMatchObject({ inserted: 0, updated: 1 });
    expect(await producer('710000003')).toEqual({ firstName: 'Edward', states: ['OK'], agency: 'Prairie Partners' });
    const again = await load('producers', [ROSTER, '710000003,Edward,Nobody,ned@example.test,prairie partners,OK']);
    expect(counts(again)).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });
});

describe('clients', () => {
  it('loads good rows, reports each bad one by line and column, and keeps memory of keys across batches', async () => {
    const report = await load(
      'clients',
      [
        `\uFEFF${CLIENTS.toUpperCase()}`,
        'C-1,Ana,Alvarez,1960-04-02,TX,ana@example.test,(512) 555-0101,78701',
        'C-2,"Bo ""Bud""",Brown,1971-12-31,IL,,,',
        'C-3,Cy,Cole,1980-02-30,TX,,,',
        'C-4,Di,Diaz,1990-01-01,XX,,,',
        'C-5,,Evans,1990-01-01,TX,,,',
        'C-1,Ann,Alvarez,1960-04-02,TX,,,',
        'C-6,Fay,"Fox\nJr.",1955-06-15,OK,,,',
        'C-7,Gus,Gray,1949-07-07,NM,not-an-email,555,1234',
      ],
      { batchRows: 2 },
    );
    expect(counts(report)).toEqual({ rowsRead: 8, inserted: 2, updated: 0, unchanged: 0, failed: 6 });
    expect(report.all.map((p) => [p.line, p.column, p.reason])).toEqual(
      expect.arrayContaining([
        [4, 'date_of_birth', 'no such date'],
        [5, 'state', 'must be a US state code such as TX'],
        [6, 'first_name', 'is required'],
        [7, 'client_id', 'the same client_id as line 2'],
        // A quoted line break: the row is reported at the line it starts on, and names refuse line breaks.
        [8, 'last_name', expect.stringMatching(/^Remove the control character/)],
        [10, 'email', 'not an e-mail address'],
        [10, 'phone', 'use a 10-digit phone number'],
        [10, 'zip', 'use a 5-digit ZIP code (or ZIP+4)'],
      ]),
    );
    const [ana] = await database.db.select().from(clients).where(eq(clients.clientId, 'C-1'));
    expect(ana).toMatchObject({ firstName: 'Ana', phone: '5125550101', dateOfBirth: '1960-04-02' });
    const [bo] = await database.db.select().from(clients).where(eq(clients.clientId, 'C-2'));
    expect(bo).toMatchObject({ firstName: 'Bo "Bud"', email: null, zip: null });
  });

  it('reloads idempotently, counting the changed rows only', async () => {
    const same = await load('clients', [CLIENTS, 'C-1,Ana,Alvarez,1960-04-02,TX,ana@example.test,5125550101,78701', 'C-2,"Bo ""Bud""",Brown,1971-12-31,IL,,,']);
    expect(counts(same)).toEqual({ rowsRead: 2, inserted: 0, updated: 0, unchanged: 2, failed: 0 });
    const changed = await load('clients', [CLIENTS, 'C-1,Ana,Alvarez-Ruiz,1960-04-02,TX,ana@example.test,5125550101,78701', 'C-8,Hal,Hill,1966-06-06,TX,,,']);
    expect(counts(changed)).toEqual({ rowsRead: 2, inserted: 1, updated: 1, unchanged: 0, failed: 0 });
  });

  it('refreshes the planner statistics of a table a large load wrote (PGlite has no autovacuum)', async () => {
    const rows = Array.from({ length: 1_000 }, (_, i) => `S-${i},Sam,Stats,1970-01-01,TX,,,`);
    expect(counts(await load('clients', [CLIENTS, ...rows]))).toMatchObject({ inserted: 1_000, failed: 0 });
    const [stats] = await executeRows<{ reltuples: number }>(database.db, sql`select reltuples::float8 as reltuples from pg_class where relname = 'clients'`);
    expect(Number(stats?.reltuples)).toBeGreaterThanOrEqual(1_000);
  });

  it('refuses a header with unknown or missing columns by name, loading nothing', async () => {
    const unknown = await load('clients', [`${CLIENTS},ssn`, 'C-9,Ida,Irwin,1970-01-01,TX,,,,123-45-6789']);
    expect(unknown.error).toMatch(/^unknown column\(s\) "ssn"; the clients columns are client_id,first_name/);
    expect(unknown.all).toEqual([{ line: 1, column: '', value: '', reason: unknown.error }]);
    const missing = await load('clients', ['client_id,first_name', 'C-9,Ida']);
    expect(missing.error).toMatch(/^the header lacks the column\(s\) last_name, date_of_birth, state;/);
    expect(await database.db.$count(clients, eq(clients.clientId, 'C-9'))).toBe(0);
    const [run] = await database.db.select().from(feedRuns).where(eq(feedRuns.id, missing.runId));
    expect(run).toMatchObject({ status: 'failed', kind: 'clients', source: 'cli', error: missing.error });
  });

  it('reports what the CSV reader cannot read, with its line, and loads the rows before it', async () => {
    const report = await load('clients', [CLIENTS, 'C-10,Jo,Jones,1970-01-01,TX,,,', 'C-11,Kai,"King,1970-01-01,TX,,,']);
    expect(report.all).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/^not readable as CSV: Quote Not Closed/) })]);
    expect(report.inserted).toBe(1);
  });
});

describe('an interrupted run', () => {
  it('keeps every committed batch, and a rerun finishes the job without duplicates', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => `I-${i},Ivy,Irons,1970-01-0${i + 1},TX,,,`);
    // The file stops arriving after five rows (a client gone, a killed process): batches of two.
    async function* cutShort() {
      yield `${CLIENTS}\n`;
      for (const row of rows.slice(0, 5)) yield `${row}\n`;
      // The rows arrived and were being loaded when the connection dropped.
      await new Promise((resolve) => setTimeout(resolve, 300));
      throw new Error('connection reset');
    }
    const deps = { db: database.db, clock, bulk: database.withBulkConnection };
    await expect(importFeed(deps, { kind: 'clients', csv: Readable.from(cutShort()), source: 'cli', actor: { label: 'test' }, batchRows: 2 })).rejects.toThrow(
      'connection reset',
    );
    const kept = await database.db.$count(clients, like(clients.clientId, 'I-%'));
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThanOrEqual(5);
    const stopped = await database.db.select().from(feedRuns).where(eq(feedRuns.error, 'the file stopped arriving: connection reset'));
    expect(stopped.map((r) => r.status)).toEqual(['failed']);
    const rerun = await load('clients', [CLIENTS, ...rows], { batchRows: 2 });
    expect(counts(rerun)).toEqual({ rowsRead: 7, inserted: 7 - kept, updated: 0, unchanged: kept, failed: 0 });
    expect(await database.db.$count(clients, like(clients.clientId, 'I-%'))).toBe(7);
  });
});

describe('policies, applications and payments', () => {
  it('loads individual and group policies; a missing client, group or producer refuses the row, not the batch', async () => {
    await load('groups', [
      'account_number,name,state,producer_agent_unique_id,line_of_business,effective_date,employee_count',
      'G-77,Prairie Foods,TX,700000001,group-medical,2025-01-01,120',
    ]);
    const header =
      'policy_number,client_id,group_account_number,line_of_business,plan_name,state,status,effective_date,renewal_date,termination_date,monthly_premium,writing_agent_id,producer_of_record_agent_id';
    const report = await load('policies', [
      header,
      'P-1,C-1,,medicare-supplement,Plan G,TX,active,2025-01-01,2026-01-01,,189.5,700000001,700000001',
      'P-2,,G-77,group-medical,Blue Choice PPO,TX,active,2025-01-01,,,12000,,700000001',
      'P-3,C-404,,dental,Dental Plus,TX,active,2025-01-01,,,30.00,700000001,',
      'P-4,C-2,,vision,Vision Basic,IL,active,2025-01-01,,,9.99,999999999,',
      'P-5,C-1,G-77,dental,Dental Plus,TX,active,2025-01-01,,,30,,',
      'P-6,C-2,,boats,Boat Plan,IL,active,2025-01-01,,,1.234,,',
    ]);
    expect(counts(report)).toEqual({ rowsRead: 6, inserted: 2, updated: 0, unchanged: 0, failed: 4 });
    expect(report.all.map((p) => [p.line, p.column, p.reason])).toEqual(
      expect.arrayContaining([
        [4, 'client_id', 'no client C-404 is on file'],
        [5, 'writing_agent_id', 'no producer 999999999 is on file'],
        [6, 'client_id', expect.stringMatching(/^name exactly one of client_id/)],
        [7, 'line_of_business', expect.stringMatching(/^must be one of major-medical/)],
        [7, 'monthly_premium', 'use dollars such as 1234.56'],
      ]),
    );
    const rows = await database.db.select({ n: policies.policyNumber, cents: policies.monthlyPremiumCents }).from(policies).orderBy(policies.policyNumber);
    expect(rows).toEqual([
      { n: 'P-1', cents: 18950 },
      { n: 'P-2', cents: 1200000 },
    ]);
  });

  it('appends to an application’s status history when its status changes, and an issued one names its policy', async () => {
    const header = 'application_number,client_id,line_of_business,plan_name,state,status,status_date,submitted_date,agent_unique_id,policy_number';
    await load('applications', [header, 'A-1,C-1,medicare-supplement,Plan G,TX,received,2026-01-05,2026-01-05,700000001,']);
    await load('applications', [header, 'A-1,C-1,medicare-supplement,Plan G,TX,in-review,2026-01-09,2026-01-05,700000001,']);
    const again = await load('applications', [header, 'A-1,C-1,medicare-supplement,Plan G,TX,in-review,2026-01-09,2026-01-05,700000001,']);
    expect(again.unchanged).toBe(1);
    const issued = await load('applications', [
      header,
      'A-1,C-1,medicare-supplement,Plan G,TX,issued,2026-01-20,2026-01-05,700000001,',
      'A-2,C-2,vision,Vision Basic,IL,issued,2026-01-20,2026-01-05,700000001,P-1',
    ]);
    expect(issued.all).toEqual([expect.objectContaining({ line: 2, column: 'policy_number', reason: 'an issued application names its policy' })]);
    const history = await database.db
      .select({ status: applicationStatusHistory.status, date: applicationStatusHistory.statusDate })
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationNumber, 'A-1'))
      .orderBy(applicationStatusHistory.statusDate);
    expect(history).toEqual([
      { status: 'received', date: '2026-01-05' },
      { status: 'in-review', date: '2026-01-09' },
    ]);
  });

  it('keys payments by policy and period; an empty amount paid is zero', async () => {
    const header = 'policy_number,period,amount_due,due_date,amount_paid,paid_date,status';
    const report = await load('payments', [
      header,
      'P-1,2026-01,189.50,2026-01-01,189.50,2025-12-28,paid',
      'P-1,2026-02,189.50,2026-02-01,,,past-due',
      'P-1,2026-01,189.50,2026-01-01,0,,due',
      'P-1,2026-13,189.50,2026-03-01,,,due',
      'P-404,2026-01,10,2026-01-01,,,due',
    ]);
    expect(counts(report)).toEqual({ rowsRead: 5, inserted: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(report.all.map((p) => [p.line, p.column, p.reason])).toEqual(
      expect.arrayContaining([
        [4, 'policy_number+period', 'the same policy_number+period as line 2'],
        [5, 'period', 'use YYYY-MM'],
        [6, 'policy_number', 'no policy P-404 is on file'],
      ]),
    );
    const [february] = await database.db.select().from(premiumPayments).where(eq(premiumPayments.period, '2026-02'));
    expect(february).toMatchObject({ amountPaidCents: 0, paidDate: null, status: 'past-due' });
  });
});

describe('groups', () => {
  it('still loads the account_number,name file, leaving the columns it lacks as they were', async () => {
    const report = await load('groups', ['account_number,name', 'G-77,Prairie Foods Co-op', 'G-78,Lakeside Dental']);
    expect(counts(report)).toEqual({ rowsRead: 2, inserted: 1, updated: 1, unchanged: 0, failed: 0 });
    const [group] = await database.db.select().from(employerGroups).where(eq(employerGroups.accountNumber, 'G-77'));
    expect(group).toMatchObject({ name: 'Prairie Foods Co-op', state: 'TX', producerAgentId: '700000001', employeeCount: 120 });
  });

  it('records each run and audits it', async () => {
    const report = await load('groups', ['account_number,name', 'G-79,Summit Log Homes']);
    const [run] = await database.db.select().from(feedRuns).where(eq(feedRuns.id, report.runId));
    expect(run).toMatchObject({ kind: 'groups', status: 'completed', rowsRead: 1, inserted: 1, actorLabel: 'test' });
    expect(run?.finishedAt).not.toBeNull();
    const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'feed.loaded'));
    expect(audits.some((a) => (a.details as { runId?: string }).runId === report.runId)).toBe(true);
  });
});
