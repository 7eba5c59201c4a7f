// Producer of record at risk (issue 17 §3) on a real database: another producer ID's Group POR
// request for one of the producer's groups, their own ID's Book of Business Transfer naming someone
// else, and a feed load that moves a group to another producer each raise an alert that names no
// other producer; a groups file without the producer column changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPorAlerts } from '../../../shared/commission-schemas.ts';
import { clientFor, createGroupTeam, createProducerTeam, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { fileTicket } from '../../../../test/support/ticket-fixtures.ts';
import { loadFeedRows } from '../../../../test/support/feed-fixtures.ts';
import type { TFeedKindName } from '../feed/feed-kinds.ts';

let t: TTestApp;
let mine: Awaited<ReturnType<typeof createProducerTeam>>;
let theirs: Awaited<ReturnType<typeof createProducerTeam>>;
let pp: TClient;
let sub: TClient;
let other: TClient;

const load = (kind: TFeedKindName, rows: string[]) => loadFeedRows(t, kind, rows);

const alertsOf = async (client: TClient) => {
  const response = await client.get('/api/commissions/por-alerts');
  if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
  return response.json<TPorAlerts>().alerts;
};

beforeAll(async () => {
  t = await createTestApp();
  mine = await createProducerTeam(t, 1);
  theirs = await createProducerTeam(t, 0);
  pp = await clientFor(t, mine.pp);
  const [firstSub] = mine.subs;
  if (!firstSub) throw new Error('fixture');
  sub = await clientFor(t, firstSub);
  other = await clientFor(t, theirs.pp);
  await load('groups', ['account_number,name,state,producer_agent_unique_id', `G-1,Alpha Foods,TX,${mine.agentId}`, `G-2,Beta Works,TX,${mine.agentId}`]);
});
afterAll(async () => {
  await t.close();
});

describe('producer of record at risk', () => {
  it('nothing at first', async () => {
    expect(await alertsOf(pp)).toEqual([]);
  });

  it('another producer ID’s Group POR request for one of the groups, without naming them', async () => {
    await fileTicket(t, other, 'group-por', { accountNumber: 'G-1', accountName: 'Alpha Foods' });
    const alerts = await alertsOf(pp);
    expect(alerts.map((a) => [a.kind, a.accountNumber])).toEqual([['por-request', 'G-1']]);
    expect(JSON.stringify(alerts)).not.toContain(theirs.agentId);
    // Their own request is not an alert for them.
    expect(await alertsOf(other)).toEqual([]);
  });

  it('their own producer ID’s Book of Business Transfer to someone else, with its ticket', async () => {
    const ticket = await fileTicket(t, sub, 'book-transfer', { receivingAgentId: theirs.agentId });
    const transfer = (await alertsOf(pp)).find((a) => a.kind === 'book-transfer');
    expect(transfer?.detail).toContain(ticket.number);
  });

  it('a feed load that names another producer of record; a file without the column changes nothing', async () => {
    await load('groups', ['account_number,name', 'G-2,Beta Works Inc.']);
    expect((await alertsOf(pp)).filter((a) => a.kind === 'por-changed')).toEqual([]);
    await load('groups', ['account_number,name,state,producer_agent_unique_id', `G-2,Beta Works Inc.,TX,${theirs.agentId}`]);
    const changed = (await alertsOf(pp)).filter((a) => a.kind === 'por-changed');
    expect(changed.map((a) => [a.accountNumber, a.accountName])).toEqual([['G-2', 'Beta Works Inc.']]);
    expect(changed[0]?.detail).not.toContain(theirs.agentId);
    // The same load again changes nothing more.
    await load('groups', ['account_number,name,state,producer_agent_unique_id', `G-2,Beta Works Inc.,TX,${theirs.agentId}`]);
    expect((await alertsOf(pp)).filter((a) => a.kind === 'por-changed')).toHaveLength(1);
  });

  it('401 without a session, 403 to employers, 400 with a query', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/commissions/por-alerts' })).statusCode).toBe(401);
    const employer = await clientFor(t, (await createGroupTeam(t, 0)).da);
    expect((await employer.get('/api/commissions/por-alerts')).statusCode).toBe(403);
    expect((await pp.get('/api/commissions/por-alerts?all=1')).statusCode).toBe(400);
  });
});
