// The 401/403/404/400 matrix of every service-request route: anonymous, another portal, staff
// and producers on each other's doors, no CSRF token, help desk acting, unknown tickets, bad
// addresses, queries and bodies. And the EFT account number never reaches the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createGroupTeam, createProducerTeam, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { codeOf, fileTicket, goodRequest, uploadFile } from '../../../../test/support/ticket-fixtures.ts';

let t: TTestApp;
let producer: TClient;
let employer: TClient;
let ps: TClient;
let hd: TClient;
let number: string;
let uploadId: string;
beforeAll(async () => {
  t = await createTestApp();
  const team = await createProducerTeam(t, 0);
  producer = await clientFor(t, team.pp);
  const group = await createGroupTeam(t, 0);
  employer = await clientFor(t, group.da);
  ps = await clientFor(t, await createStaff(t, 'producer-services'));
  hd = await clientFor(t, await createStaff(t, 'help-desk'));
  const ticket = await fileTicket(t, producer, 'eft');
  number = ticket.number;
  uploadId = ticket.attachments[0]?.id ?? '';
});
afterAll(async () => {
  await t.close();
});

type TRoute = [method: 'GET' | 'POST', url: string, body?: Record<string, unknown>];
const P = '/api/producer-services';
const S = '/api/staff/service-requests';
const producerRoutes = (): TRoute[] => [
  ['GET', `${P}/settings`],
  ['GET', `${P}/contact-info`],
  ['POST', `${P}/tickets`, goodRequest('contact-info')],
  ['GET', `${P}/tickets`],
  ['GET', `${P}/tickets/${number}`],
  ['POST', `${P}/tickets/${number}/messages`, { body: 'hello there' }],
  ['POST', `${P}/tickets/${number}/cancel`, {}],
  ['GET', `${P}/tickets/${number}/attachments/${uploadId}`],
  ['GET', `${P}/documents/group-por-transfer-form.pdf`],
];
const staffRoutes = (): TRoute[] => [
  ['GET', S],
  ['GET', `${S}/assignees`],
  ['GET', `${S}/${number}`],
  ['POST', `${S}/${number}/assign`, { assigneeId: null }],
  ['POST', `${S}/${number}/messages`, { body: 'a note', visibility: 'internal' }],
  ['POST', `${S}/${number}/status`, { status: 'in-progress' }],
  ['POST', `${S}/${number}/reveal`, {}],
  ['GET', `${S}/${number}/attachments/${uploadId}`],
];

async function send(client: TClient | undefined, [method, url, body]: TRoute, options: { csrf?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (client) headers.cookie = client.session.cookie;
  if (client && options.csrf !== false) headers['x-csrf-token'] = client.session.csrfToken;
  return t.app.inject({ method, url, headers, ...(method === 'POST' ? { payload: body ?? {} } : {}) });
}

describe('who may call', () => {
  it('answers 401 to the anonymous, 403 to other portals and to POSTs without the CSRF token', async () => {
    for (const route of [...producerRoutes(), ...staffRoutes()]) {
      expect({ route, ...codeOf(await send(undefined, route)) }).toEqual({ route, status: 401, code: 'auth.unauthenticated' });
      expect({ route, ...codeOf(await send(employer, route)) }).toEqual({ route, status: 403, code: 'auth.forbidden' });
      if (route[0] === 'POST') expect({ route, ...codeOf(await send(producer, route, { csrf: false })) }).toMatchObject({ route, status: 403 });
    }
    for (const route of producerRoutes()) expect({ route, ...codeOf(await send(ps, route)) }).toEqual({ route, status: 403, code: 'auth.forbidden' });
    for (const route of staffRoutes()) expect({ route, ...codeOf(await send(producer, route)) }).toEqual({ route, status: 403, code: 'auth.forbidden' });
  });

  it('lets the help desk read the queue, the ticket and its files, but not act', async () => {
    for (const route of staffRoutes()) {
      const response = await send(hd, route);
      expect({ route, status: response.statusCode }).toEqual({ route, status: route[0] === 'GET' ? 200 : 403 });
    }
  });

  it('answers 404 for an unknown ticket or file on every ticket route', async () => {
    const unknown = 'SR-2026-999998';
    const routes = [...producerRoutes(), ...staffRoutes()].filter(([, url]) => url.includes(number));
    for (const [method, url, body] of routes) {
      const route: TRoute = [method, url.replace(number, unknown), body];
      const client = url.startsWith(P) ? producer : ps;
      expect({ route, ...codeOf(await send(client, route)) }).toEqual({ route, status: 404, code: 'ticket.not_found' });
    }
    const otherFile = await uploadFile(t, producer);
    for (const url of [`${P}/tickets/${number}/attachments/${otherFile}`, `${S}/${number}/attachments/${otherFile}`]) {
      expect((await send(url.startsWith(P) ? producer : ps, ['GET', url])).statusCode).toBe(404);
    }
  });

  it('answers 400 for bad addresses, queries and bodies', async () => {
    const cases: [TClient, TRoute][] = [
      [producer, ['GET', `${P}/tickets/not-a-ticket`]],
      [producer, ['GET', `${P}/tickets/${number}/attachments/not-a-uuid`]],
      [producer, ['GET', `${P}/tickets?sort=nonsense`]],
      [producer, ['GET', `${P}/tickets?pageSize=1000`]],
      [producer, ['GET', `${P}/settings?x=1`]],
      [producer, ['POST', `${P}/tickets`, { type: 'contact-info' }]],
      [producer, ['POST', `${P}/tickets/${number}/messages`, { body: '' }]],
      [producer, ['POST', `${P}/tickets/${number}/messages`, { body: 'hi', extra: true }]],
      [producer, ['POST', `${P}/tickets/${number}/cancel`, { reason: 'x' }]],
      [ps, ['GET', `${S}?status=lost`]],
      [ps, ['GET', `${S}?producer=12`]],
      [ps, ['GET', `${S}?assignee=someone`]],
      [ps, ['GET', `${S}?from=2026-13-01`]],
      [ps, ['GET', `${S}/SR-26-1`]],
      [ps, ['POST', `${S}/${number}/assign`, { assigneeId: 'me' }]],
      [ps, ['POST', `${S}/${number}/messages`, { body: 'hi', visibility: 'everyone' }]],
      [ps, ['POST', `${S}/${number}/status`, { status: 'cancelled' }]],
      [ps, ['POST', `${S}/${number}/status`, { status: 'resolved', note: '' }]],
      [ps, ['POST', `${S}/${number}/reveal`, { why: 'curious' }]],
    ];
    for (const [client, route] of cases) expect({ route, ...codeOf(await send(client, route)) }).toEqual({ route, status: 400, code: 'request.invalid' });
  });
});

describe('the log', () => {
  it('never holds the EFT account number', async () => {
    const lines: string[] = [];
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'debug' });
    const app = await buildApp({
      config,
      database: { ...t.database, close: async () => {} },
      clock: t.clock,
      logStream: { write: (line: string) => lines.push(line) },
      fileStore: t.fileStore,
      secretBox: t.secretBox,
    });
    await app.ready();
    const logged = { ...t, app };
    const client = await clientFor(logged, { portalId: 'producers', username: (await createProducerTeam(t, 0)).pp.username, password: 'Correct horse 9' });
    const ticket = await fileTicket(logged, client, 'eft');
    const bad = await client.post(`${P}/tickets`, { ...goodRequest('eft'), confirmAccountNumber: '000123456780', attachments: [] });
    expect(bad.statusCode).toBe(400);
    const staff = await clientFor(logged, await createStaff(t, 'producer-services'));
    expect((await staff.post(`${S}/${ticket.number}/reveal`)).statusCode).toBe(200);
    await app.close();
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.join('\n')).not.toContain('123456789');
  });
});
