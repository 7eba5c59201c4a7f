// The staff work queue (SR-5): filters, sort and paging; assign, messages and notes, statuses with
// their e-mails and audit rows; the audited reveal; help desk reads and may not act.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, serviceRequestTickets } from '../../db/schema/index.ts';
import type { TTicketDetail, TTicketPage } from '../../../shared/service-request-schemas.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createProducerTeam, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { codeOf, fileTicket, mailTo } from '../../../../test/support/ticket-fixtures.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
let producer: TClient;
let ps: TClient;
let psId: string;
let sa: TClient;
let saId: string;
let hd: TClient;
let hdId: string;
beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 0);
  producer = await clientFor(t, team.pp);
  const psUser = await createStaff(t, 'producer-services');
  const saUser = await createStaff(t, 'security-admin');
  const hdUser = await createStaff(t, 'help-desk');
  [ps, sa, hd] = await Promise.all([clientFor(t, psUser), clientFor(t, saUser), clientFor(t, hdUser)]);
  [psId, saId, hdId] = [psUser.id, saUser.id, hdUser.id];
});
afterAll(async () => {
  await t.close();
});

const QUEUE = '/api/staff/service-requests';
const filerMail = () => mailTo(t, `${team.pp.username}@example.test`);

describe('status changes and messages', () => {
  it('moves a ticket through its statuses, e-mailing the filer each time, with an audit row and a history line', async () => {
    const ticket = await fileTicket(t, producer, 'contact-info');
    const url = `${QUEUE}/${ticket.number}`;
    t.clock.advance({ minutes: 1 });
    expect((await ps.post(`${url}/status`, { status: 'in-progress' })).json<TTicketDetail>().status).toBe('in-progress');
    expect((await filerMail())[0]).toMatchObject({ kind: 'service_request_status', subject: `Request ticket ${ticket.number}: In Progress` });
    t.clock.advance({ minutes: 1 });
    await ps.post(`${url}/status`, { status: 'pending-producer', note: 'Please confirm the suite number.' });
    const pending = (await filerMail())[0];
    expect(pending?.textBody).toContain('Pending Producer Response');
    expect(pending?.textBody).toContain('Please confirm the suite number.');
    expect(pending?.textBody).toContain(`/producers/producer-services/tickets/${ticket.number}`);
    // The producer replies: back to In Progress.
    t.clock.advance({ minutes: 1 });
    const replied = (await producer.post(`/api/producer-services/tickets/${ticket.number}/messages`, { body: 'Suite 400.' })).json<TTicketDetail>();
    expect(replied.status).toBe('in-progress');
    expect(codeOf(await producer.post(`/api/producer-services/tickets/${ticket.number}/cancel`))).toEqual({ status: 409, code: 'ticket.status_not_allowed' });
    expect(codeOf(await ps.post(`${url}/status`, { status: 'in-progress' }))).toEqual({ status: 409, code: 'ticket.status_not_allowed' });
    expect(codeOf(await ps.post(`${url}/status`, { status: 'resolved' }))).toEqual({ status: 400, code: 'request.invalid' });
    t.clock.advance({ minutes: 1 });
    const resolved = (await sa.post(`${url}/status`, { status: 'resolved', note: 'Address updated on the roster.' })).json<TTicketDetail>();
    expect(resolved).toMatchObject({ status: 'resolved', resolutionNote: 'Address updated on the roster.', canReply: false });
    const [row] = await t.database.db.select().from(serviceRequestTickets).where(eq(serviceRequestTickets.number, ticket.number));
    expect(row?.closedAt).toEqual(t.clock.now());
    expect((await filerMail())[0]?.textBody).toContain('Resolution:\nAddress updated on the roster.');
    expect(codeOf(await ps.post(`${url}/status`, { status: 'in-progress' }))).toEqual({ status: 409, code: 'ticket.closed' });
    expect((await producer.get('/api/producer-services/tickets')).json<TTicketPage>().items.map((i) => i.number)).not.toContain(ticket.number);
    const changes = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'service_request.status_changed'), eq(auditEvents.targetLabel, ticket.number)));
    expect(changes.map((c) => c.details.to)).toEqual(['in-progress', 'pending-producer', 'in-progress', 'resolved']);
    expect(resolved.messages.filter((m) => m.kind === 'status').map((m) => m.body)).toEqual([
      'Submitted',
      'In Progress',
      'Pending Producer Response',
      'In Progress',
      'Resolved',
    ]);
  });

  it('sends a message to the producer by e-mail; an internal note stays with staff', async () => {
    const ticket = await fileTicket(t, producer, 'commission-dispute');
    const url = `${QUEUE}/${ticket.number}/messages`;
    const before = (await filerMail()).length;
    await ps.post(url, { body: 'We are checking the rate table.', visibility: 'producer' });
    const mail = await filerMail();
    expect(mail).toHaveLength(before + 1);
    expect(mail[0]).toMatchObject({ kind: 'service_request_message' });
    expect(mail[0]?.textBody).toContain('We are checking the rate table.');
    const staffView = (await ps.post(url, { body: 'Rate table v7 was loaded late.', visibility: 'internal' })).json<TTicketDetail>();
    expect(await filerMail()).toHaveLength(before + 1);
    expect(staffView.messages.map((m) => m.kind)).toContain('note');
    const producerView = (await producer.get(`/api/producer-services/tickets/${ticket.number}`)).json<TTicketDetail>();
    expect(producerView.messages.map((m) => m.body)).toContain('We are checking the rate table.');
    expect(JSON.stringify(producerView)).not.toContain('Rate table v7');
    expect(await t.database.db.$count(auditEvents, eq(auditEvents.action, 'service_request.message_added'))).toBeGreaterThanOrEqual(2);
  });
});

describe('assigning and revealing', () => {
  it('assigns to oneself or a colleague, refuses anyone else, and unassigns', async () => {
    const ticket = await fileTicket(t, producer, 'sep-affirmation');
    const url = `${QUEUE}/${ticket.number}/assign`;
    expect((await ps.post(url, { assigneeId: psId })).json<TTicketDetail>().assignee?.id).toBe(psId);
    expect((await ps.post(url, { assigneeId: saId })).json<TTicketDetail>().assignee?.id).toBe(saId);
    // The producer is served by Producer Services, not by a named staff user: no staff id leaves.
    const seenByProducer = await producer.get(`/api/producer-services/tickets/${ticket.number}`);
    expect(seenByProducer.json<TTicketDetail>().assignee).toBeNull();
    expect(seenByProducer.body).not.toContain(saId);
    expect(codeOf(await ps.post(url, { assigneeId: hdId }))).toEqual({ status: 400, code: 'request.invalid' });
    expect(codeOf(await ps.post(url, { assigneeId: team.pp.id }))).toEqual({ status: 400, code: 'request.invalid' });
    expect((await sa.get(`${QUEUE}?assignee=me&q=${ticket.number}`)).json<TTicketPage>().total).toBe(1);
    expect((await ps.post(url, { assigneeId: null })).json<TTicketDetail>().assignee).toBeNull();
    expect((await ps.get(`${QUEUE}?assignee=none&q=${ticket.number}`)).json<TTicketPage>().total).toBe(1);
    expect(await t.database.db.$count(auditEvents, eq(auditEvents.action, 'service_request.assigned'))).toBe(3);
    const assignees = (await hd.get(`${QUEUE}/assignees`)).json<{ id: string }[]>().map((a) => a.id);
    expect(assignees).toEqual(expect.arrayContaining([psId, saId]));
    expect(assignees).not.toContain(hdId);
  });

  it('reveals the EFT account number to producer services, audited; never to the help desk', async () => {
    const ticket = await fileTicket(t, producer, 'eft');
    const url = `${QUEUE}/${ticket.number}/reveal`;
    expect((await ps.get(`${QUEUE}/${ticket.number}`)).json<TTicketDetail>().canReveal).toBe(true);
    expect((await hd.get(`${QUEUE}/${ticket.number}`)).json<TTicketDetail>().canReveal).toBe(false);
    expect((await ps.post(url)).json()).toEqual({ accountNumber: '000123456789' });
    expect(codeOf(await hd.post(url))).toEqual({ status: 403, code: 'auth.forbidden' });
    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'service_request.account_revealed'));
    expect(audit).toMatchObject({ actorUserId: psId, targetLabel: ticket.number });
    expect(JSON.stringify(audit)).not.toContain('123456789');
    const other = await fileTicket(t, producer, 'contact-info');
    expect(codeOf(await ps.post(`${QUEUE}/${other.number}/reveal`))).toEqual({ status: 404, code: 'ticket.not_found' });
  });
});

describe('the queue', () => {
  it('filters by status, type, producer ID, dates and text; sorts and pages with the total', async () => {
    const fresh = await createProducerTeam(t, 0);
    const client = await clientFor(t, fresh.pp);
    const a = await fileTicket(t, client, 'contact-info');
    const b = await fileTicket(t, client, 'group-por');
    // Filed on two days (moving the clock that far would end the sessions).
    await t.database.db
      .update(serviceRequestTickets)
      .set({ createdAt: new Date('2026-02-20T15:00:00Z') })
      .where(eq(serviceRequestTickets.id, a.id));
    await ps.post(`${QUEUE}/${b.number}/status`, { status: 'in-progress' });
    const mine = `producer=${fresh.agentId}`;
    const numbers = async (query: string) => (await hd.get(`${QUEUE}?${mine}&${query}`)).json<TTicketPage>().items.map((i) => i.number);
    expect(await numbers('sort=date')).toEqual([b.number, a.number]);
    expect(await numbers('sort=date&dir=asc')).toEqual([a.number, b.number]);
    expect(await numbers('status=submitted')).toEqual([a.number]);
    expect(await numbers('status=open&sort=status&dir=asc')).toEqual([a.number, b.number]);
    expect(await numbers('type=group-por')).toEqual([b.number]);
    expect(await numbers('from=2026-02-21')).toEqual([b.number]);
    expect(await numbers('to=2026-02-20')).toEqual([a.number]);
    expect(await numbers('from=2026-02-20&to=2026-02-20')).toEqual([a.number]);
    expect(await numbers('q=acme')).toEqual([b.number]);
    expect(await numbers(`q=${a.number}`)).toEqual([a.number]);
    expect((await hd.get(`${QUEUE}?${mine}&pageSize=1&page=2`)).json<TTicketPage>()).toMatchObject({ total: 2, page: 2, items: [{ number: a.number }] });
    expect((await hd.get(`${QUEUE}?producer=999999999`)).json<TTicketPage>().total).toBe(0);
  });
});
