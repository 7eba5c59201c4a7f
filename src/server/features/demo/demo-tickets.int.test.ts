// `seed --demo` leaves the demo producer ID a ticket in each state, files where the type needs them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serviceRequestTickets, uploads } from '../../db/schema/index.ts';
import type { TTicketPage } from '../../../shared/service-request-schemas.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor } from '../../../../test/support/admin-fixtures.ts';
import { seedDemoData } from './demo.service.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

it('seeds tickets Submitted, In Progress, Pending Producer Response, Resolved and Cancelled for 000600501', async () => {
  expect(await seedDemoData({ ...t.deps, bulk: t.database.withBulkConnection, publicUrl: 'http://localhost:3000' })).toBe(true);
  const rows = await t.database.db.select().from(serviceRequestTickets);
  expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'in-progress', 'pending-producer', 'resolved', 'submitted']);
  expect(await t.database.db.$count(uploads)).toBe(2);
  const linda = await clientFor(t, { portalId: 'producers', username: 'lkim', password: 'Producer#2026' });
  const open = (await linda.get('/api/producer-services/tickets')).json<TTicketPage>();
  expect(open.total).toBe(3);
  const eft = open.items.find((i) => i.type === 'eft');
  const detail = (await linda.get(`/api/producer-services/tickets/${eft?.number}`)).json();
  expect(detail.fields).toContainEqual({ label: 'Account Number', value: '••••6789' });
  expect(detail.attachments).toHaveLength(1);
});
