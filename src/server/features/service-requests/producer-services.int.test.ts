// The producer's side of service requests (SR-2 … SR-4): each type files with good input and
// refuses bad input, tickets are the producer ID's (another ID's answer 404), the open list sorts
// and pages, reply and cancel, the EFT number never in clear, the SEP affirmation once a year and
// only after the SEP course.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, portalDocuments, serviceRequestTickets } from '../../db/schema/index.ts';
import { storeDocument } from '../uploads/uploads.service.ts';
import { TICKET_TYPE_IDS } from '../../../shared/service-request-types.ts';
import type { TTicketDetail, TTicketPage } from '../../../shared/service-request-schemas.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createProducerTeam, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { completeSepTraining } from '../../../../test/support/resource-fixtures.ts';
import { codeOf, fileTicket, goodRequest, mailTo, TINY_PDF, uploadFile } from '../../../../test/support/ticket-fixtures.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
let other: Awaited<ReturnType<typeof createProducerTeam>>;
let pp: TClient;
let sub: TClient;
let stranger: TClient;
beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 1);
  other = await createProducerTeam(t, 0);
  pp = await clientFor(t, team.pp);
  const [firstSub] = team.subs;
  if (!firstSub) throw new Error('fixture');
  sub = await clientFor(t, firstSub);
  stranger = await clientFor(t, other.pp);
});
afterAll(async () => {
  await t.close();
});

const TICKETS = '/api/producer-services/tickets';

describe('filing', () => {
  it('files every ticketed type with good input: a number at once, Submitted, its fields, a "received" e-mail', async () => {
    for (const type of TICKET_TYPE_IDS) {
      const extra = type === 'book-transfer' ? { receivingAgentId: other.agentId } : {};
      const ticket = await fileTicket(t, pp, type, extra);
      expect({ type, number: ticket.number }).toEqual({ type, number: expect.stringMatching(/^SR-2026-\d{6}$/) });
      expect(ticket).toMatchObject({ type, status: 'submitted', statusLabel: 'Submitted', producerAgentId: team.agentId, canCancel: true, canReply: true });
      expect(ticket.fields.length).toBeGreaterThan(0);
      expect(ticket.messages.map((m) => m.body)).toEqual(['Submitted']);
    }
    const mail = await mailTo(t, `${team.pp.username}@example.test`);
    expect(mail.filter((m) => m.kind === 'service_request_filed')).toHaveLength(TICKET_TYPE_IDS.length);
    expect(mail[0]?.textBody).toContain('/producers/producer-services/tickets/SR-2026-');
    expect(await t.database.db.$count(auditEvents, eq(auditEvents.action, 'service_request.filed'))).toBeGreaterThanOrEqual(TICKET_TYPE_IDS.length);
  });

  it('shows money as dollars and the Group POR summary as name and account', async () => {
    const dispute = await fileTicket(t, pp, 'commission-dispute');
    const detail = (await pp.get(`${TICKETS}/${dispute.number}`)).json<TTicketDetail>();
    expect(detail.fields).toContainEqual({ label: 'Amount Expected', value: '$1,234.50' });
    expect(detail.fields).toContainEqual({ label: 'Difference', value: '$234.50' });
    expect(detail.summary).toBe('Account G-1001, February 2026 statement');
    expect((await fileTicket(t, pp, 'group-por')).summary).toBe('Acme Corp (G-1001)');
  });

  it('refuses bad input with 400 and the field', async () => {
    const file = await uploadFile(t, pp);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...goodRequest('commission-dispute'), statementMonth: '2026-04' }, 'statementMonth'],
      [{ ...goodRequest('commission-dispute'), amountPaid: 'lots' }, 'amountPaid'],
      [{ ...goodRequest('group-por'), attachments: [] }, 'attachments'],
      [{ ...goodRequest('group-por'), lineOfBusiness: 'boats', attachments: [file] }, 'lineOfBusiness'],
      [{ ...goodRequest('eft'), routingNumber: '011000016', attachments: [file] }, 'routingNumber'],
      [{ ...goodRequest('eft'), confirmAccountNumber: '999', attachments: [file] }, 'confirmAccountNumber'],
      [{ ...goodRequest('eft'), effectiveDate: '2026-03-01', attachments: [file] }, 'effectiveDate'],
      [{ ...goodRequest('contact-info'), zip: '6060' }, 'zip'],
      [{ ...goodRequest('contact-info'), attachments: [file] }, 'attachments'],
      [{ ...goodRequest('book-transfer', team.agentId), attachments: [file] }, 'receivingAgentId'],
      [{ ...goodRequest('book-transfer', '999999999'), attachments: [file] }, 'receivingAgentId'],
      [{ ...goodRequest('book-transfer', other.agentId), effectiveDate: '2026-03-01', attachments: [file] }, 'effectiveDate'],
      [{ ...goodRequest('book-transfer', other.agentId), effectiveDate: '2026-04-02', attachments: [file] }, 'effectiveDate'],
      [{ ...goodRequest('eo-coverage'), expirationDate: '2025-12-31', attachments: [file] }, 'expirationDate'],
      [{ ...goodRequest('eo-coverage'), attachments: [] }, 'attachments'],
      [{ ...goodRequest('sep-affirmation'), planYear: 2027 }, 'planYear'],
      [{ ...goodRequest('sep-affirmation'), affirmed: false }, 'affirmed'],
      [{ type: 'password' }, 'type'],
    ];
    for (const [body, field] of cases) {
      const response = await pp.post(TICKETS, body);
      expect({ body, ...codeOf(response) }).toEqual({ body, status: 400, code: 'request.invalid' });
      expect({ body, fields: response.json().fields.map((f: { field: string }) => f.field) }).toEqual({ body, fields: expect.arrayContaining([field]) });
    }
  });

  it("refuses a file that is not the user's own or not uploaded", async () => {
    const theirs = await uploadFile(t, stranger);
    const response = await pp.post(TICKETS, { ...goodRequest('group-por'), attachments: [theirs] });
    expect(codeOf(response)).toEqual({ status: 400, code: 'upload.not_found' });
    expect(await t.database.db.$count(serviceRequestTickets, eq(serviceRequestTickets.summary, 'nothing'))).toBe(0);
  });

  it('keeps the EFT account number only sealed and shows ••••6789; never in the audit, the e-mail or the log', async () => {
    const ticket = await fileTicket(t, pp, 'eft');
    const [row] = await t.database.db.select().from(serviceRequestTickets).where(eq(serviceRequestTickets.number, ticket.number));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain('000123456789');
    expect(stored).not.toContain('confirmAccountNumber');
    expect(row?.details).toMatchObject({ accountLast4: '6789', accountNumberSealed: expect.stringMatching(/^v2\./) });
    const detail = (await pp.get(`${TICKETS}/${ticket.number}`)).json<TTicketDetail>();
    expect(detail.fields).toContainEqual({ label: 'Account Number', value: '••••6789' });
    expect(JSON.stringify(detail)).not.toContain('123456789');
    expect(detail.canReveal).toBe(false);
    const audit = await t.database.db.select().from(auditEvents);
    expect(JSON.stringify(audit)).not.toContain('123456789');
    expect(JSON.stringify(await mailTo(t, `${team.pp.username}@example.test`))).not.toContain('123456789');
  });

  it("affirms SEP training once per user and plan year, only once the plan year's SEP course is completed (BK-6)", async () => {
    const first = await fileTicket(t, sub, 'sep-affirmation');
    const again = await sub.post(TICKETS, goodRequest('sep-affirmation'));
    expect(codeOf(again)).toEqual({ status: 409, code: 'sep.already_affirmed' });
    expect(again.json().message).toContain(first.number);
    // A colleague's completion is not the stranger's: each affirms the training they took.
    const untrained = await stranger.post(TICKETS, goodRequest('sep-affirmation'));
    expect(codeOf(untrained)).toEqual({ status: 400, code: 'request.invalid' });
    expect(untrained.json().fields).toEqual([
      { field: 'planYear', message: 'Complete the SEP training course for plan year 2026 first (Training materials), then affirm it.' },
    ]);
    await completeSepTraining(t, stranger, 2026);
    expect((await stranger.post(TICKETS, goodRequest('sep-affirmation'))).statusCode).toBe(201);
  });
});

describe('open tickets of the producer ID (SR-4)', () => {
  it('shows every open ticket of the producer ID to each of its users, sorted both ways and paged', async () => {
    const fresh = await createProducerTeam(t, 1);
    const a = await clientFor(t, fresh.pp);
    const [freshSub] = fresh.subs;
    if (!freshSub) throw new Error('fixture');
    const b = await clientFor(t, freshSub);
    expect((await a.get(TICKETS)).json()).toEqual({ items: [], page: 1, pageSize: 25, total: 0 });
    const filed = [];
    for (const [client, type] of [
      [a, 'contact-info'],
      [b, 'commission-dispute'],
      [a, 'sep-affirmation'],
    ] as const) {
      t.clock.advance({ minutes: 1 });
      filed.push(await fileTicket(t, client, type));
    }
    const page = (await b.get(TICKETS)).json<TTicketPage>();
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.number)).toEqual(filed.map((f) => f.number).reverse());
    expect((await a.get(`${TICKETS}?sort=date&dir=asc`)).json<TTicketPage>().items.map((i) => i.number)).toEqual(filed.map((f) => f.number));
    expect((await a.get(`${TICKETS}?sort=number&dir=asc`)).json<TTicketPage>().items.map((i) => i.number)).toEqual(filed.map((f) => f.number));
    expect((await a.get(`${TICKETS}?sort=type&dir=asc`)).json<TTicketPage>().items.map((i) => i.typeLabel)).toEqual([
      'Commission Dispute',
      'Contact Information Update',
      'SEP Training Affirmation',
    ]);
    expect((await a.get(`${TICKETS}?sort=type&dir=desc`)).json<TTicketPage>().items.map((i) => i.type)).toEqual([
      'sep-affirmation',
      'contact-info',
      'commission-dispute',
    ]);
    const second = (await a.get(`${TICKETS}?pageSize=2&page=2`)).json<TTicketPage>();
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(second.items.map((i) => i.number)).toEqual([filed[0]?.number]);
    // Cancelled leaves the list; another producer ID never sees it.
    expect((await b.post(`${TICKETS}/${filed[0]?.number}/cancel`)).json().status).toBe('cancelled');
    expect((await a.get(`${TICKETS}?sort=status`)).json<TTicketPage>().total).toBe(2);
    expect((await stranger.get(TICKETS)).json<TTicketPage>().items.map((i) => i.number)).not.toContain(filed[1]?.number);
  });

  it("answers 404 for another producer ID's ticket, by number, for every route", async () => {
    const ticket = await fileTicket(t, pp, 'group-por');
    const detail = (await pp.get(`${TICKETS}/${ticket.number}`)).json<TTicketDetail>();
    const upload = detail.attachments[0];
    if (!upload) throw new Error('no attachment');
    for (const response of [
      await stranger.get(`${TICKETS}/${ticket.number}`),
      await stranger.post(`${TICKETS}/${ticket.number}/messages`, { body: 'hello there' }),
      await stranger.post(`${TICKETS}/${ticket.number}/cancel`),
      await stranger.get(`${TICKETS}/${ticket.number}/attachments/${upload.id}`),
      await pp.get(`${TICKETS}/SR-2026-999999`),
    ]) {
      expect(codeOf(response)).toEqual({ status: 404, code: 'ticket.not_found' });
    }
    // Its own file, from another ticket of the same ID: not this ticket's.
    const another = await fileTicket(t, pp, 'eo-coverage');
    expect((await pp.get(`${TICKETS}/${another.number}/attachments/${upload.id}`)).statusCode).toBe(404);
    const download = await sub.get(`${TICKETS}/${ticket.number}/attachments/${upload.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
  });

  it('replies, cancels only while Submitted, and refuses changes to a closed ticket', async () => {
    const ticket = await fileTicket(t, pp, 'contact-info');
    const replied = (await sub.post(`${TICKETS}/${ticket.number}/messages`, { body: 'Also the fax number changed.' })).json<TTicketDetail>();
    expect(replied.messages.map((m) => [m.kind, m.body])).toContainEqual(['message', 'Also the fax number changed.']);
    expect(replied.status).toBe('submitted');
    expect((await pp.post(`${TICKETS}/${ticket.number}/cancel`)).json<TTicketDetail>()).toMatchObject({
      status: 'cancelled',
      canCancel: false,
      canReply: false,
    });
    expect(codeOf(await pp.post(`${TICKETS}/${ticket.number}/cancel`))).toEqual({ status: 409, code: 'ticket.closed' });
    expect(codeOf(await pp.post(`${TICKETS}/${ticket.number}/messages`, { body: 'hello again' }))).toEqual({ status: 409, code: 'ticket.closed' });
    const mail = await mailTo(t, `${team.pp.username}@example.test`);
    expect(mail[0]).toMatchObject({ kind: 'service_request_status', subject: `Request ticket ${ticket.number}: Cancelled` });
    expect(await t.database.db.$count(auditEvents, eq(auditEvents.action, 'service_request.cancelled'))).toBeGreaterThan(0);
  });
});

describe('settings and the Group POR Transfer Form', () => {
  it('gives the notice, the upload limits and the plan years', async () => {
    expect((await pp.get('/api/producer-services/settings')).json()).toEqual({
      porNotice: 'At this time, there is a hold on under 65 Producer of Record transfer requests.',
      maxUploadBytes: 10 * 1024 * 1024,
      maxFilesPerRequest: 5,
      sepPlanYears: [2026],
    });
  });

  it('serves a real PDF as an attachment', async () => {
    const response = await sub.get('/api/producer-services/documents/group-por-transfer-form.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment; filename="group-por-transfer-form.pdf"');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(response.rawPayload.includes('(Group Producer of Record Transfer Form)')).toBe(true);
  });

  it("serves the portal's published form in place of the built-in one", async () => {
    const bytes = Buffer.concat([TINY_PDF, Buffer.from('% carrier form v2\n')]);
    const { id: uploadId } = await storeDocument(t.deps, { bytes, name: 'POR form 2026.pdf', userId: team.pp.id });
    await t.database.db
      .insert(portalDocuments)
      .values({ portalId: 'producers', name: 'group-por-transfer-form', uploadId, updatedAt: t.clock.now(), updatedBy: team.pp.id });
    const response = await pp.get('/api/producer-services/documents/group-por-transfer-form.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(bytes)).toBe(true);
    expect(response.headers['content-disposition']).toContain('POR form 2026.pdf');
    await t.database.db.delete(portalDocuments);
  });
});
