// Update my contact info starts from what is on file: the roster's e-mail, then the address of the
// producer ID's last resolved contact-info request, never another producer ID's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TContactOnFile, TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createProducerTeam, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { codeOf, fileTicket } from '../../../../test/support/ticket-fixtures.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
let pp: TClient;
let sub: TClient;
let stranger: TClient;
let ps: TClient;
beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 1);
  const other = await createProducerTeam(t, 0);
  const [firstSub] = team.subs;
  if (!firstSub) throw new Error('fixture');
  [pp, sub, stranger, ps] = await Promise.all([
    clientFor(t, team.pp),
    clientFor(t, firstSub),
    clientFor(t, other.pp),
    clientFor(t, await createStaff(t, 'producer-services')),
  ]);
});
afterAll(async () => {
  await t.close();
});

const URL = '/api/producer-services/contact-info';

async function resolve(number: string): Promise<void> {
  const url = `/api/staff/service-requests/${number}/status`;
  expect((await ps.post(url, { status: 'in-progress' })).statusCode).toBe(200);
  expect((await ps.post(url, { status: 'resolved', note: 'Roster updated.' })).json<TTicketDetail>().status).toBe('resolved');
}

describe('contact information on file', () => {
  it("starts from the roster's e-mail alone", async () => {
    expect((await pp.get(URL)).json<TContactOnFile>()).toEqual({
      street: '',
      street2: '',
      city: '',
      state: '',
      zip: '',
      phone: '',
      email: `p${team.agentId}@example.test`,
      fromTicket: null,
    });
  });

  it('is the last resolved contact-info request of the producer ID, for each of its users; an open or cancelled one does not count', async () => {
    const first = await fileTicket(t, pp, 'contact-info', { street: '1 First St', email: 'first@example.test' });
    await resolve(first.number);
    const open = await fileTicket(t, sub, 'contact-info', { street: '2 Pending Ave' });
    const cancelled = await fileTicket(t, sub, 'contact-info', { street: '3 Withdrawn Rd' });
    expect((await sub.post(`/api/producer-services/tickets/${cancelled.number}/cancel`, {})).statusCode).toBe(200);
    for (const client of [pp, sub]) {
      expect((await client.get(URL)).json<TContactOnFile>()).toMatchObject({
        street: '1 First St',
        city: 'Chicago',
        state: 'IL',
        zip: '60601',
        phone: '(312) 555-0100',
        email: 'first@example.test',
        fromTicket: { number: first.number },
      });
    }
    t.clock.advance({ minutes: 1 });
    await resolve(open.number);
    expect((await pp.get(URL)).json<TContactOnFile>()).toMatchObject({ street: '2 Pending Ave', fromTicket: { number: open.number } });
  });

  it("never shows another producer ID's address", async () => {
    expect((await stranger.get(URL)).json<TContactOnFile>().fromTicket).toBeNull();
  });

  it('is for producers only, with no query string', async () => {
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
    expect(codeOf(await ps.get(URL)).status).toBe(403);
    expect(codeOf(await pp.get(`${URL}?x=1`))).toEqual({ status: 400, code: 'request.invalid' });
  });
});
