// Security findings of issue 14 on Producer Services: refused reveals and attachment downloads
// leave audit rows, a sealed account number opens only on its own ticket, a producer never locks
// another producer ID's ticket, and a list cannot be paged past page 10,000.
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows } from '../../db/client.ts';
import { auditEvents, serviceRequestTickets } from '../../db/schema/index.ts';
import type { TAuditAction } from '../../../shared/audit-actions.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createProducerTeam, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { codeOf, fileTicket } from '../../../../test/support/ticket-fixtures.ts';

let t: TTestApp;
let producer: TClient;
let stranger: TClient;
let ps: TClient;
let psId: string;
let hd: TClient;
let hdId: string;
beforeAll(async () => {
  t = await createTestApp();
  producer = await clientFor(t, (await createProducerTeam(t, 0)).pp);
  stranger = await clientFor(t, (await createProducerTeam(t, 0)).pp);
  const [psUser, hdUser] = await Promise.all([createStaff(t, 'producer-services'), createStaff(t, 'help-desk')]);
  [ps, hd] = await Promise.all([clientFor(t, psUser), clientFor(t, hdUser)]);
  [psId, hdId] = [psUser.id, hdUser.id];
});
afterAll(async () => {
  await t.close();
});

const P = '/api/producer-services/tickets';
const S = '/api/staff/service-requests';

/** The audit rows of an action on a ticket number, newest first. */
async function auditRows(action: TAuditAction, number: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.targetLabel, number)))
    .orderBy(desc(auditEvents.id));
}

describe('refused reveals (finding 1)', () => {
  it('audits a refused reveal with its reason, answering as before: 403 to the help desk, 404 without an account number', async () => {
    const eft = await fileTicket(t, producer, 'eft');
    expect(codeOf(await hd.post(`${S}/${eft.number}/reveal`))).toEqual({ status: 403, code: 'auth.forbidden' });
    const [forbidden] = await auditRows('service_request.account_reveal_refused', eft.number);
    expect(forbidden).toMatchObject({ actorUserId: hdId, portalId: 'producers', details: { reason: 'forbidden', ticketId: eft.id, actorRole: 'help-desk' } });

    const contact = await fileTicket(t, producer, 'contact-info');
    expect(codeOf(await ps.post(`${S}/${contact.number}/reveal`))).toEqual({ status: 404, code: 'ticket.not_found' });
    const [noNumber] = await auditRows('service_request.account_reveal_refused', contact.number);
    expect(noNumber).toMatchObject({ actorUserId: psId, details: { reason: 'no_account_number', ticketId: contact.id } });

    // No such ticket: the same 403 to the help desk (it learns nothing), 404 to producer services.
    const unknown = 'SR-2026-999997';
    expect(codeOf(await hd.post(`${S}/${unknown}/reveal`))).toEqual({ status: 403, code: 'auth.forbidden' });
    expect(codeOf(await ps.post(`${S}/${unknown}/reveal`))).toEqual({ status: 404, code: 'ticket.not_found' });
    const refusals = await auditRows('service_request.account_reveal_refused', unknown);
    expect(refusals.map((r) => [r.actorUserId, r.portalId, r.details.reason])).toEqual([
      [psId, null, 'not_found'],
      [hdId, null, 'forbidden'],
    ]);
    expect(await auditRows('service_request.account_revealed', eft.number)).toEqual([]);
    expect(JSON.stringify(await t.database.db.select().from(auditEvents))).not.toContain('123456789');
  });
});

describe('attachment downloads (finding 2)', () => {
  it('audits each download by the producer or staff with the upload and file name; a refused one writes nothing', async () => {
    const ticket = await fileTicket(t, producer, 'group-por');
    const upload = ticket.attachments[0];
    if (!upload) throw new Error('no attachment');
    expect((await producer.get(`${P}/${ticket.number}/attachments/${upload.id}`)).statusCode).toBe(200);
    expect((await hd.get(`${S}/${ticket.number}/attachments/${upload.id}`)).statusCode).toBe(200);
    expect((await stranger.get(`${P}/${ticket.number}/attachments/${upload.id}`)).statusCode).toBe(404);
    const other = await fileTicket(t, producer, 'eo-coverage');
    expect((await producer.get(`${P}/${other.number}/attachments/${upload.id}`)).statusCode).toBe(404);
    const rows = await auditRows('service_request.attachment_downloaded', ticket.number);
    expect(rows.map((r) => [r.actorUserId, r.portalId, r.details])).toEqual([
      [hdId, 'producers', expect.objectContaining({ ticketId: ticket.id, uploadId: upload.id, fileName: upload.name, actorPortal: 'staff' })],
      [expect.any(String), 'producers', expect.objectContaining({ ticketId: ticket.id, uploadId: upload.id, fileName: upload.name, actorPortal: 'producers' })],
    ]);
    expect(await auditRows('service_request.attachment_downloaded', other.number)).toEqual([]);
  });
});

describe('the sealed account number (finding 3)', () => {
  it('is sealed bound to its ticket: copied to another ticket it is refused, and the refusal audited', async () => {
    const a = await fileTicket(t, producer, 'eft');
    const b = await fileTicket(t, producer, 'eft', { accountNumber: '000555555555', confirmAccountNumber: '000555555555' });
    const detailsOf = async (id: string) =>
      (await t.database.db.select({ details: serviceRequestTickets.details }).from(serviceRequestTickets).where(eq(serviceRequestTickets.id, id)))[0]
        ?.details ?? {};
    const sealedA = (await detailsOf(a.id)).accountNumberSealed;
    expect(sealedA).toMatch(/^v2\./);
    await t.database.db
      .update(serviceRequestTickets)
      .set({ details: { ...(await detailsOf(b.id)), accountNumberSealed: sealedA } })
      .where(eq(serviceRequestTickets.id, b.id));
    expect((await ps.post(`${S}/${a.number}/reveal`)).json()).toEqual({ accountNumber: '000123456789' });
    const moved = await ps.post(`${S}/${b.number}/reveal`);
    expect(moved.statusCode).toBe(500);
    expect(moved.body).not.toContain('123456789');
    const [refused] = await auditRows('service_request.account_reveal_refused', b.number);
    expect(refused?.details).toMatchObject({ reason: 'sealed_value_refused', ticketId: b.id });
    expect(await auditRows('service_request.account_revealed', b.number)).toEqual([]);
  });
});

describe("another producer ID's ticket (finding 5)", () => {
  /** xmax of the ticket's row: FOR UPDATE writes the locking transaction's id there, and a rollback leaves it. */
  async function xmaxOf(number: string): Promise<string | undefined> {
    const [row] = await executeRows<{ xmax: string }>(t.database.db, sql`select xmax::text as xmax from service_request_tickets where number = ${number}`);
    return row?.xmax;
  }

  it('answers 404 to a reply or cancel, without locking the row', async () => {
    const ticket = await fileTicket(t, producer, 'contact-info');
    // A control: the owner's reply does lock (and so moves xmax).
    const before = await xmaxOf(ticket.number);
    expect((await producer.post(`${P}/${ticket.number}/messages`, { body: 'One more detail.' })).statusCode).toBe(200);
    const afterOwn = await xmaxOf(ticket.number);
    expect(afterOwn).not.toBe(before);
    expect(codeOf(await stranger.post(`${P}/${ticket.number}/messages`, { body: 'hello there' }))).toEqual({ status: 404, code: 'ticket.not_found' });
    expect(codeOf(await stranger.post(`${P}/${ticket.number}/cancel`))).toEqual({ status: 404, code: 'ticket.not_found' });
    expect(await xmaxOf(ticket.number)).toBe(afterOwn);
    expect((await producer.get(`${P}/${ticket.number}`)).json()).toMatchObject({ status: 'submitted' });
  });
});

describe('paging (finding 6)', () => {
  it('refuses a page past 10,000 with a message saying to narrow the search', async () => {
    for (const [client, url] of [
      [producer, P],
      [ps, S],
    ] as const) {
      expect((await client.get(`${url}?page=10000`)).statusCode).toBe(200);
      const deep = await client.get(`${url}?page=10001`);
      expect(codeOf(deep)).toEqual({ status: 400, code: 'request.invalid' });
      expect(deep.body).toContain('At most page 10000: narrow the search.');
    }
  });
});
