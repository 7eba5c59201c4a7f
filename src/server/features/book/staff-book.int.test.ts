// Staff read any producer's book, read-only (issue 16 §4), over HTTP on a real database: finding a
// producer, their retail book in a state the query names (the same answers the producer gets), the
// group book of a producer ID, the audit rows of a client's page and of the exports, and the access
// matrix: 401 without a session, 403 for producers and employers, 400 for bad input or a state the
// producer is not appointed in, 404 for an unknown producer, client or group.
import { Readable } from 'node:stream';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TClientDetail, TClientPage, TGroupDetail, TGroupPage } from '../../../shared/book-schemas.ts';
import type { TStaffProducerList } from '../../../shared/staff-book-schemas.ts';
import { clientFor, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, createTestUser, type TTestApp } from '../../../../test/support/app.ts';
import { auditEvents } from '../../db/schema/index.ts';
import { importFeed } from '../feed/feed-import.service.ts';
import type { TFeedKindName } from '../feed/feed-kinds.ts';
import { createUser } from '../user-admin/user-accounts.service.ts';

let t: TTestApp;
const ANN = '740000001'; // retail, TX and IL
const GAIL = '740000002'; // group producer of G-1
const PASSWORD = 'Kp4xw9Qz';
const BOOK = `/api/staff/book/producers/${ANN}`;

const FEEDS: [TFeedKindName, string[]][] = [
  ['producers', ['agent_unique_id,first_name,last_name,email,states', `${ANN},Ann,Agent,ann@example.test,TX;IL`, `${GAIL},Gail,Group,gail@example.test,`]],
  [
    'clients',
    [
      'client_id,first_name,last_name,date_of_birth,state',
      'S-1,Eleanor,Whitaker,1955-03-14,TX',
      'S-2,Maria,Gonzalez,1988-07-21,TX',
      'S-4,Ida,Illinois,1960-01-01,IL',
    ],
  ],
  [
    'groups',
    [
      'account_number,name,state,producer_agent_unique_id,line_of_business,effective_date,employee_count',
      `SG-1,Alpha Foods,TX,${GAIL},group-medical,2024-01-01,120`,
    ],
  ],
  [
    'policies',
    [
      'policy_number,client_id,group_account_number,line_of_business,plan_name,state,status,effective_date,renewal_date,monthly_premium,writing_agent_id,producer_of_record_agent_id',
      `SP-1,S-1,,medicare-supplement,Plan G,TX,active,2025-03-20,2026-03-20,189.50,${ANN},`,
      `SP-4,S-4,,vision,Vision Basic,IL,active,2024-06-01,2026-06-01,12.00,${ANN},`,
      `SGP-1,,SG-1,group-medical,Blue Choice PPO Group,TX,active,2024-01-01,2027-01-01,40000.00,${GAIL},${GAIL}`,
    ],
  ],
  [
    'applications',
    [
      'application_number,client_id,line_of_business,plan_name,state,status,status_date,submitted_date,agent_unique_id,policy_number',
      `SA-2,S-2,major-medical,Gold PPO,TX,received,2026-02-20,2026-02-20,${ANN},`,
    ],
  ],
  [
    'payments',
    [
      'policy_number,period,amount_due,due_date,amount_paid,paid_date,status',
      'SP-1,2026-03,189.50,2026-03-01,,,past-due',
      'SGP-1,2026-03,40000.00,2026-03-01,,,past-due',
    ],
  ],
];

let ann: TClient;
let gail: TClient;
let helpDesk: TClient;
let helpDeskName: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const [kind, lines] of FEEDS) {
    const report = await importFeed(
      { ...t.deps, bulk: t.database.withBulkConnection },
      { kind, csv: Readable.from([lines.join('\n')]), source: 'cli', actor: { label: 'test' } },
    );
    expect(report.failed, JSON.stringify(report.problems)).toBe(0);
  }
  await createUser(t.deps, {
    portalId: 'retail',
    username: 'ann.staffbook',
    password: PASSWORD,
    role: 'retail-producer',
    producerAgentId: ANN,
    actor: { label: 'test' },
  });
  ann = await clientFor(t, { portalId: 'retail', username: 'ann.staffbook', password: PASSWORD });
  await createUser(t.deps, {
    portalId: 'producers',
    username: 'gail.staffbook',
    password: PASSWORD,
    role: 'primary-producer',
    producerAgentId: GAIL,
    actor: { label: 'test' },
  });
  gail = await clientFor(t, { portalId: 'producers', username: 'gail.staffbook', password: PASSWORD });
  const staffUser = await createStaff(t, 'help-desk');
  helpDeskName = staffUser.username;
  helpDesk = await clientFor(t, staffUser);
  // The producer's own session works in Texas.
  const chosen = await t.app.inject({
    method: 'PUT',
    url: '/api/book/state',
    headers: { cookie: ann.session.cookie, 'x-csrf-token': ann.session.csrfToken },
    payload: { state: 'TX' },
  });
  expect(chosen.statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const ROUTES = [
  '/api/staff/book/producers?q=Agent',
  BOOK,
  `${BOOK}/summary?state=TX`,
  `${BOOK}/clients?state=TX`,
  `${BOOK}/clients.csv?state=TX`,
  `${BOOK}/clients/S-1?state=TX`,
  `${BOOK}/applications?state=TX`,
  `/api/staff/book/producers/${GAIL}/groups`,
  `/api/staff/book/producers/${GAIL}/groups.csv`,
  `/api/staff/book/producers/${GAIL}/groups/SG-1`,
];

const latestAudit = async (action: 'book.client_viewed' | 'book.clients_exported' | 'book.groups_exported', actorLabel: string) =>
  (
    await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.actorLabel, actorLabel)))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1)
  )[0];

describe('access', () => {
  it('answers 401 without a session, 403 to producers and employers, and 200 to every staff role', async () => {
    for (const url of ROUTES) expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    const outsiders = [ann, gail, await clientFor(t, await createTestUser(t, { portalId: 'employers', role: 'delegated-admin' }))];
    for (const outsider of outsiders) for (const url of ROUTES) expect((await outsider.get(url)).statusCode, url).toBe(403);
    for (const role of ['help-desk', 'producer-services', 'security-admin'] as const) {
      const staff = await clientFor(t, await createStaff(t, role));
      for (const url of ROUTES) expect((await staff.get(url)).statusCode, `${role} ${url}`).toBe(200);
    }
  });

  it('is read-only: no route changes anything', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `${BOOK}/state`,
      headers: { cookie: helpDesk.session.cookie, 'x-csrf-token': helpDesk.session.csrfToken },
      payload: { state: 'TX' },
    });
    expect(put.statusCode).toBe(404);
  });

  it('answers 400 for bad query values, and for a state the producer is not appointed in, field by field', async () => {
    for (const [url, field] of [
      [`${BOOK}/clients`, 'querystring.state'],
      [`${BOOK}/clients?state=CA`, 'querystring.state'],
      [`${BOOK}/clients?state=TX&quick=everything`, 'querystring.quick'],
      [`${BOOK}/clients?state=TX&effectiveFrom=2026-04-01&effectiveTo=2026-03-01`, 'querystring.effectiveTo'],
      [`${BOOK}/clients.csv?state=TX&line=pets`, 'querystring.line'],
      [`${BOOK}/applications?state=TX&status=lost`, 'querystring.status'],
      [`${BOOK}/summary`, 'querystring.state'],
      [`${BOOK}/clients/S-1`, 'querystring.state'],
      [`${BOOK}?state=TX`, ''],
      [`/api/staff/book/producers/${GAIL}/groups?pastDue=yes`, 'querystring.pastDue'],
      ['/api/staff/book/producers?q=A', 'querystring.q'],
      ['/api/staff/book/producers/12345/groups', 'params.agentId'],
      [`${BOOK}/clients/S%201?state=TX`, 'params.clientId'],
    ] as const) {
      const r = await helpDesk.get(url);
      expect([r.statusCode, r.json().code], url).toEqual([400, 'request.invalid']);
      if (field)
        expect(
          r.json().fields.map((f: { field: string }) => f.field),
          url,
        ).toContain(field);
    }
    for (const url of [
      `${BOOK}/summary?state=MT`,
      `${BOOK}/clients?state=OK`,
      `${BOOK}/clients/S-1?state=NM`,
      `${BOOK}/applications?state=MT`,
      `${BOOK}/clients.csv?state=MT`,
    ]) {
      const r = await helpDesk.get(url);
      expect([r.statusCode, r.json().code, r.json().fields], url).toEqual([
        400,
        'book.state_not_appointed',
        [{ field: 'querystring.state', message: expect.stringContaining('not appointed') }],
      ]);
    }
  });

  it('answers 404 for an unknown producer, a client outside the producer’s book in that state, and another producer ID’s group', async () => {
    for (const url of [
      '/api/staff/book/producers/799999999',
      '/api/staff/book/producers/799999999/clients?state=TX',
      '/api/staff/book/producers/799999999/groups/SG-1',
    ]) {
      const r = await helpDesk.get(url);
      expect([r.statusCode, r.json().code], url).toEqual([404, 'book.producer_not_found']);
    }
    for (const url of [`${BOOK}/clients/S-4?state=TX`, `${BOOK}/clients/S-404?state=TX`, `${BOOK}/clients/S-1?state=IL`]) {
      const r = await helpDesk.get(url);
      expect([r.statusCode, r.json().code], url).toEqual([404, 'book.client_not_found']);
    }
    for (const url of [`${BOOK}/groups/SG-1`, `/api/staff/book/producers/${GAIL}/groups/SG-404`]) {
      const r = await helpDesk.get(url);
      expect([r.statusCode, r.json().code], url).toEqual([404, 'book.group_not_found']);
    }
  });
});

describe('finding a producer', () => {
  it('by Agent Unique ID or the start of a name, with the appointed states and the group count', async () => {
    const byId = (await helpDesk.get(`/api/staff/book/producers?q=${ANN}`)).json<TStaffProducerList>();
    expect(byId.items).toEqual([{ agentId: ANN, firstName: 'Ann', lastName: 'Agent', agency: null, states: ['TX', 'IL'], groups: 0 }]);
    const byName = (await helpDesk.get('/api/staff/book/producers?q=Group%2C%20Ga')).json<TStaffProducerList>();
    expect(byName.items.map((p) => [p.agentId, p.groups])).toEqual([[GAIL, 1]]);
    expect((await helpDesk.get('/api/staff/book/producers?q=799999999')).json<TStaffProducerList>().items).toEqual([]);
    expect((await helpDesk.get('/api/staff/book/producers?q=%25%25')).json<TStaffProducerList>().items).toEqual([]);
    expect((await helpDesk.get(BOOK)).json()).toEqual(byId.items[0]);
  });
});

describe('the retail book, as the producer sees it', () => {
  it('shows the summary, client search, applications and a client’s page equal to the producer’s own, in the state the query names', async () => {
    for (const [own, staff] of [
      ['/api/book/summary', `${BOOK}/summary?state=TX`],
      ['/api/book/clients', `${BOOK}/clients?state=TX`],
      ['/api/book/clients?quick=past-due&sort=client-id&dir=desc', `${BOOK}/clients?state=TX&quick=past-due&sort=client-id&dir=desc`],
      ['/api/book/clients?name=whit&pageSize=1', `${BOOK}/clients?name=whit&pageSize=1&state=TX`],
      ['/api/book/applications?status=pending', `${BOOK}/applications?state=TX&status=pending`],
      ['/api/book/clients/S-1', `${BOOK}/clients/S-1?state=TX`],
    ] as const) {
      const mine = await ann.get(own);
      const theirs = await helpDesk.get(staff);
      expect(mine.statusCode, own).toBe(200);
      expect(theirs.json(), staff).toEqual(mine.json());
    }
    expect((await helpDesk.get(`${BOOK}/clients?state=IL`)).json<TClientPage>().items.map((c) => c.clientId)).toEqual(['S-4']);
    // Staff reading Illinois leaves the producer's own session in Texas.
    expect((await ann.get('/api/book/states')).json().chosen).toBe('TX');
  });

  it('audits a client’s page: who, whose client, which state', async () => {
    const detail = (await helpDesk.get(`${BOOK}/clients/S-1?state=TX`)).json<TClientDetail>();
    expect(detail.policies.map((p) => p.policyNumber)).toEqual(['SP-1']);
    const audit = await latestAudit('book.client_viewed', helpDeskName);
    expect(audit).toMatchObject({ portalId: 'staff', targetLabel: `client S-1 of ${ANN} in TX` });
    expect(audit?.details).toEqual({ agentId: ANN, state: 'TX', clientId: 'S-1' });
  });

  it('exports the search as the producer’s export does, and audits it', async () => {
    const r = await helpDesk.get(`${BOOK}/clients.csv?state=TX&quick=past-due&name=Whitaker`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe('attachment; filename="clients-TX-past-due-2026-03-02.csv"');
    expect(r.body).toBe((await ann.get('/api/book/clients.csv?quick=past-due&name=Whitaker')).body);
    const audit = await latestAudit('book.clients_exported', helpDeskName);
    expect(audit).toMatchObject({ portalId: 'staff', targetLabel: `clients of ${ANN} in TX` });
    expect(audit?.details).toMatchObject({ count: 1, completed: true, state: 'TX', filters: { quick: 'past-due', name: '(given)' } });
  });
});

describe('the group book of a producer ID', () => {
  it('lists the groups and shows a group as the producer ID’s users see them; the export is audited', async () => {
    const theirs = await helpDesk.get(`/api/staff/book/producers/${GAIL}/groups?pastDue=true`);
    expect(theirs.json<TGroupPage>()).toEqual((await gail.get('/api/book/groups?pastDue=true')).json());
    expect(theirs.json<TGroupPage>().items.map((g) => g.accountNumber)).toEqual(['SG-1']);
    const group = (await helpDesk.get(`/api/staff/book/producers/${GAIL}/groups/SG-1`)).json<TGroupDetail>();
    expect(group).toEqual((await gail.get('/api/book/groups/SG-1')).json());
    expect((await helpDesk.get(`${BOOK}/groups`)).json<TGroupPage>()).toMatchObject({ items: [], total: 0 });

    const csv = await helpDesk.get(`/api/staff/book/producers/${GAIL}/groups.csv`);
    expect(csv.body).toBe((await gail.get('/api/book/groups.csv')).body);
    const audit = await latestAudit('book.groups_exported', helpDeskName);
    expect(audit).toMatchObject({ portalId: 'staff', targetLabel: `groups of ${GAIL}` });
    expect(audit?.details).toMatchObject({ count: 1, completed: true });
  });
});
