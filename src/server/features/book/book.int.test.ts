// A retail producer's book over HTTP (BK-1 … BK-4) on a real database: the state chosen per
// session, the welcome counts, every quick search and advanced filter, a client's page, and the
// access matrix: 401 without a session, 403 for other portals, 400 for bad input, 409 before a
// state is chosen, and 404 for a client that is another producer's or in another state.
import { Readable } from 'node:stream';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TApplicationPage, TBookSummary, TClientDetail, TClientPage } from '../../../shared/book-schemas.ts';
import { clientFor, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, createTestUser, type TTestApp } from '../../../../test/support/app.ts';
import { importFeed } from '../feed/feed-import.service.ts';
import type { TFeedKindName } from '../feed/feed-kinds.ts';
import { createUser } from '../user-admin/user-accounts.service.ts';
import { auditEvents } from '../../db/schema/index.ts';

let t: TTestApp;
const ANN = '720000001'; // appointed in TX and IL
const BEN = '720000002'; // TX only
const PASSWORD = 'Kp4xw9Qz';

const FEEDS: [TFeedKindName, string[]][] = [
  ['producers', ['agent_unique_id,first_name,last_name,email,states', `${ANN},Ann,Agent,ann@example.test,TX;IL`, `${BEN},Ben,Broker,ben@example.test,TX`]],
  [
    'clients',
    [
      'client_id,first_name,last_name,date_of_birth,state',
      'K-1,Eleanor,Whitaker,1955-03-14,TX',
      'K-2,Harold,Whitaker,1953-11-02,TX',
      'K-3,Maria,Gonzalez,1988-07-21,TX',
      'K-4,Ida,Illinois,1960-01-01,IL',
      'K-5,Bob,Other,1970-05-05,TX',
      'K-6,Sam,Both,1965-09-09,TX',
    ],
  ],
  [
    'policies',
    [
      'policy_number,client_id,line_of_business,plan_name,state,status,effective_date,renewal_date,monthly_premium,writing_agent_id,producer_of_record_agent_id',
      `P-1,K-1,medicare-supplement,Plan G,TX,active,2025-03-20,2026-03-20,189.50,${ANN},`,
      `P-2,K-2,dental,Dental Plus,TX,active,2026-03-01,2027-03-01,40.25,${ANN},`,
      `P-4,K-4,vision,Vision Basic,IL,active,2024-06-01,2026-06-01,12.00,${BEN},${ANN}`,
      `P-5,K-5,dental,Dental Plus,TX,active,2024-01-01,2027-01-01,40.25,${BEN},`,
      `P-6,K-6,major-medical,Silver HMO,TX,cancelled,2023-01-01,,300.00,${ANN},`,
      `P-7,K-6,vision,Vision Basic,TX,active,2025-01-01,2027-01-01,12.00,${BEN},`,
    ],
  ],
  [
    'applications',
    [
      'application_number,client_id,line_of_business,plan_name,state,status,status_date,submitted_date,agent_unique_id,policy_number',
      `A-1,K-1,medicare-supplement,Plan G,TX,in-review,2025-03-01,2025-02-20,${ANN},`,
      `A-3,K-3,major-medical,Gold PPO,TX,received,2026-02-20,2026-02-20,${ANN},`,
    ],
  ],
  [
    'applications',
    [
      'application_number,client_id,line_of_business,plan_name,state,status,status_date,submitted_date,agent_unique_id,policy_number',
      `A-1,K-1,medicare-supplement,Plan G,TX,issued,2025-03-15,2025-02-20,${ANN},P-1`,
      `A-3,K-3,major-medical,Gold PPO,TX,pending-information,2026-02-25,2026-02-20,${ANN},`,
    ],
  ],
  [
    'payments',
    [
      'policy_number,period,amount_due,due_date,amount_paid,paid_date,status',
      'P-1,2026-01,189.50,2026-01-01,189.50,2025-12-28,paid',
      'P-1,2026-02,189.50,2026-02-01,189.50,2026-01-30,paid',
      'P-1,2026-03,189.50,2026-03-01,,,past-due',
      'P-2,2026-03,40.25,2026-03-01,,,grace',
      'P-7,2026-03,12.00,2026-03-01,,,past-due',
      // A cancelled policy's last unpaid premium is not a premium the client still owes.
      'P-6,2026-03,300.00,2026-03-01,,,past-due',
    ],
  ],
];

let ann: TClient;
let ben: TClient;

async function retailUser(agentId: string, username: string) {
  await createUser(t.deps, { portalId: 'retail', username, password: PASSWORD, role: 'retail-producer', producerAgentId: agentId, actor: { label: 'test' } });
  return { portalId: 'retail', username, password: PASSWORD };
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
  ann = await clientFor(t, await retailUser(ANN, 'ann.agent'));
  ben = await clientFor(t, await retailUser(BEN, 'ben.broker'));
});
afterAll(async () => {
  await t.close();
});

const put = (client: TClient, state: string, csrf = true) =>
  t.app.inject({
    method: 'PUT',
    url: '/api/book/state',
    headers: { cookie: client.session.cookie, ...(csrf ? { 'x-csrf-token': client.session.csrfToken } : {}) },
    payload: { state },
  });
const ids = async (client: TClient, query: string) => {
  const r = await client.get(`/api/book/clients?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<TClientPage>().items.map((c) => c.clientId);
};

describe('access', () => {
  const routes = ['/api/book/states', '/api/book/summary', '/api/book/clients', '/api/book/clients.csv', '/api/book/clients/K-1', '/api/book/applications'];

  it('answers 401 without a session and 403 to staff and the other portals', async () => {
    for (const url of routes) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: '/api/book/state', payload: { state: 'TX' } })).statusCode).toBe(401);
    const others = [
      await clientFor(t, await createStaff(t, 'security-admin')),
      await clientFor(t, await createTestUser(t, { portalId: 'producers', role: 'primary-producer' })),
    ];
    for (const other of others) {
      for (const url of routes) expect((await other.get(url)).statusCode, url).toBe(403);
    }
  });

  it('refuses a state change without the CSRF token', async () => {
    expect((await put(ann, 'TX', false)).statusCode).toBe(403);
  });
});

describe('state selection (BK-1)', () => {
  it('asks a producer of several states to choose before any view, and keeps the choice for the session only', async () => {
    expect((await ann.get('/api/book/states')).json()).toEqual({ appointed: ['TX', 'IL'], chosen: null });
    const before = await ann.get('/api/book/summary');
    expect([before.statusCode, before.json().code]).toEqual([409, 'book.state_required']);
    expect((await ann.get('/api/book/clients')).json().code).toBe('book.state_required');

    const unknown = await put(ann, 'CA');
    expect([unknown.statusCode, unknown.json().code, unknown.json().fields?.[0]?.field]).toEqual([400, 'request.invalid', 'state']);
    const notAppointed = await put(ann, 'MT');
    expect([notAppointed.statusCode, notAppointed.json().code]).toEqual([400, 'book.state_not_appointed']);
    const chosen = await put(ann, 'TX');
    expect([chosen.statusCode, chosen.json()]).toEqual([200, { appointed: ['TX', 'IL'], chosen: 'TX' }]);

    const secondSession = await clientFor(t, { portalId: 'retail', username: 'ann.agent', password: PASSWORD });
    expect(secondSession.session.cookie).not.toBe(ann.session.cookie);
    expect((await secondSession.get('/api/book/states')).json().chosen).toBeNull();
  });

  it('needs no choice from a producer appointed in one state', async () => {
    expect((await ben.get('/api/book/states')).json()).toEqual({ appointed: ['TX'], chosen: 'TX' });
    expect((await ben.get('/api/book/summary')).statusCode).toBe(200);
  });
});

describe('the book in the chosen state', () => {
  it('counts pending applications, renewals, past-due and grace premiums, new business, and in-force premium by line (BK-2, BK-4)', async () => {
    const summary = (await ann.get('/api/book/summary')).json<TBookSummary>();
    expect(summary).toEqual({
      state: 'TX',
      counts: { pendingApplications: 1, renewingSoon: 1, pastDue: 1, inGrace: 1, newBusiness: 1 },
      inForce: [
        { lineOfBusiness: 'dental', policies: 1, monthlyPremiumCents: 4025 },
        { lineOfBusiness: 'medicare-supplement', policies: 1, monthlyPremiumCents: 18950 },
      ],
    });
  });

  it('lists only the producer’s clients in the state, each quick search and each filter finding its own (BK-3)', async () => {
    expect(await ids(ann, '')).toEqual(['K-6', 'K-3', 'K-1', 'K-2']); // Both, Gonzalez, Whitaker E., Whitaker H.
    expect(await ids(ann, 'quick=pending-applications')).toEqual(['K-3']);
    expect(await ids(ann, 'quick=renewing-soon')).toEqual(['K-1']);
    expect(await ids(ann, 'quick=past-due')).toEqual(['K-1', 'K-2']);
    expect(await ids(ann, 'quick=new-business')).toEqual(['K-2']);
    expect(await ids(ann, 'name=whit')).toEqual(['K-1', 'K-2']);
    expect(await ids(ann, 'name=Whitaker%2C%20El')).toEqual(['K-1']);
    expect(await ids(ann, 'name=Gonzales')).toEqual(['K-3']); // a misspelling
    expect(await ids(ann, 'name=%25')).toEqual([]); // LIKE's wildcard is a character here
    expect(await ids(ann, 'dateOfBirth=1953-11-02')).toEqual(['K-2']);
    expect(await ids(ann, 'number=P-1')).toEqual(['K-1']);
    expect(await ids(ann, 'number=A-3')).toEqual(['K-3']);
    expect(await ids(ann, 'number=P-7')).toEqual([]); // K-6's other policy is Ben's
    expect(await ids(ann, 'status=cancelled')).toEqual(['K-6']);
    expect(await ids(ann, 'status=pending-information')).toEqual(['K-3']);
    expect(await ids(ann, 'line=dental')).toEqual(['K-2']);
    expect(await ids(ann, 'effectiveFrom=2026-03-01&effectiveTo=2026-03-31')).toEqual(['K-2']);
    expect(await ids(ann, 'sort=date-of-birth&dir=desc')).toEqual(['K-3', 'K-6', 'K-1', 'K-2']);
  });

  it('pages with the total, also past the last page', async () => {
    const second = (await ann.get('/api/book/clients?pageSize=3&page=2')).json<TClientPage>();
    expect([second.items.map((c) => c.clientId), second.total]).toEqual([['K-2'], 4]);
    const beyond = (await ann.get('/api/book/clients?pageSize=3&page=9')).json<TClientPage>();
    expect([beyond.items, beyond.total]).toEqual([[], 4]);
  });

  it('describes each client on the list', async () => {
    const [whitaker] = (await ann.get('/api/book/clients?number=K-1')).json<TClientPage>().items;
    expect(whitaker).toEqual({
      clientId: 'K-1',
      firstName: 'Eleanor',
      lastName: 'Whitaker',
      dateOfBirth: '1955-03-14',
      lines: ['medicare-supplement'],
      policies: 1,
      pendingApplications: 0,
      pastDue: true,
    });
  });

  it('refuses bad filters field by field', async () => {
    for (const [query, field] of [
      ['dateOfBirth=1955-02-30', 'dateOfBirth'],
      ['effectiveFrom=2026-04-01&effectiveTo=2026-03-01', 'effectiveTo'],
      ['quick=everything', 'quick'],
      ['line=pets', 'line'],
      ['page=0', 'page'],
      ['colour=blue', ''],
    ] as const) {
      const r = await ann.get(`/api/book/clients?${query}`);
      expect([r.statusCode, r.json().code], query).toEqual([400, 'request.invalid']);
      if (field)
        expect(
          r.json().fields.map((f: { field: string }) => f.field),
          query,
        ).toContain(`querystring.${field}`);
    }
  });

  it('shows a client’s policies with payment history and applications with status history, the producer’s only', async () => {
    const detail = (await ann.get('/api/book/clients/K-1')).json<TClientDetail>();
    expect(detail.policies.map((p) => [p.policyNumber, p.paymentStatus, p.payments.map((pay) => `${pay.period} ${pay.status}`)])).toEqual([
      ['P-1', 'past-due', ['2026-03 past-due', '2026-02 paid', '2026-01 paid']],
    ]);
    expect(detail.applications).toEqual([
      expect.objectContaining({
        applicationNumber: 'A-1',
        status: 'issued',
        policyNumber: 'P-1',
        history: [
          { status: 'in-review', statusDate: '2025-03-01' },
          { status: 'issued', statusDate: '2025-03-15' },
        ],
      }),
    ]);
    const shared = (await ann.get('/api/book/clients/K-6')).json<TClientDetail>();
    expect(shared.policies.map((p) => p.policyNumber)).toEqual(['P-6']);
  });

  it('answers 404 for another producer’s client, a client in another state, and one that does not exist; 400 for a malformed id', async () => {
    for (const id of ['K-5', 'K-4', 'K-404']) {
      const r = await ann.get(`/api/book/clients/${id}`);
      expect([r.statusCode, r.json().code], id).toEqual([404, 'book.client_not_found']);
    }
    expect((await ann.get('/api/book/clients/K%201')).statusCode).toBe(400);
    expect((await ben.get('/api/book/clients/K-1')).statusCode).toBe(404);
    expect((await ben.get('/api/book/clients/K-6')).json<TClientDetail>().policies.map((p) => p.policyNumber)).toEqual(['P-7']);
  });

  it('lists the producer’s applications with status and status date, filtered, sorted and paged (BK-2)', async () => {
    const numbers = async (client: TClient, query: string) => {
      const r = await client.get(`/api/book/applications?${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<TApplicationPage>().items.map((a) => a.applicationNumber);
    };
    expect(await numbers(ann, '')).toEqual(['A-3', 'A-1']); // the latest status change first
    expect(await numbers(ann, 'status=pending')).toEqual(['A-3']);
    expect(await numbers(ann, 'status=issued&sort=client&dir=asc')).toEqual(['A-1']);
    expect(await numbers(ann, 'line=dental')).toEqual([]);
    expect(await numbers(ben, '')).toEqual([]);
    const [maria] = (await ann.get('/api/book/applications?status=pending')).json<TApplicationPage>().items;
    expect(maria).toEqual({
      applicationNumber: 'A-3',
      clientId: 'K-3',
      clientName: 'Maria Gonzalez',
      lineOfBusiness: 'major-medical',
      planName: 'Gold PPO',
      status: 'pending-information',
      statusDate: '2026-02-25',
      submittedDate: '2026-02-20',
      policyNumber: null,
    });
    const beyond = (await ann.get('/api/book/applications?page=5&pageSize=1')).json<TApplicationPage>();
    expect([beyond.items, beyond.total]).toEqual([[], 2]);
    expect((await ann.get('/api/book/applications?status=lost')).statusCode).toBe(400);
  });

  it('exports the search as CSV, every match in the search’s order, and audits it', async () => {
    const r = await ann.get('/api/book/clients.csv?quick=past-due&pageSize=1&page=2');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="clients-TX-past-due-2026-03-02.csv"');
    expect(r.body.split('\r\n')).toEqual([
      '\uFEFFClient ID,Last Name,First Name,Date of Birth,Lines of Business,Policies,Pending Applications,Premium Status',
      'K-1,Whitaker,Eleanor,1955-03-14,Medicare Supplement,1,0,Past due',
      'K-2,Whitaker,Harold,1953-11-02,Dental,1,0,Past due',
      '',
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'book.clients_exported'))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(audit).toMatchObject({ actorLabel: 'ann.agent', portalId: 'retail', targetLabel: `clients of ${ANN} in TX` });
    expect(audit?.details).toMatchObject({ count: 2, completed: true, state: 'TX', filters: { quick: 'past-due' } });
  });

  it('follows the state switch: Illinois shows the Illinois book', async () => {
    expect((await put(ann, 'IL')).statusCode).toBe(200);
    expect(await ids(ann, '')).toEqual(['K-4']);
    expect((await ann.get('/api/book/clients/K-4')).statusCode).toBe(200);
    expect((await ann.get('/api/book/clients/K-1')).statusCode).toBe(404);
    expect((await put(ann, 'TX')).statusCode).toBe(200);
  });
});
