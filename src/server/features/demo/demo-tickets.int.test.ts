// `seed --demo` leaves the demo producer ID a ticket in each state, files where the type needs them.
import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serviceRequestTickets, uploads } from '../../db/schema/index.ts';
import type { TResource, TSepTraining } from '../../../shared/resource-schemas.ts';
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
  expect(await t.database.db.$count(uploads, isNotNull(uploads.ticketId))).toBe(2);
  const linda = await clientFor(t, { portalId: 'producers', username: 'lkim', password: 'Producer#2026' });
  const open = (await linda.get('/api/producer-services/tickets')).json<TTicketPage>();
  expect(open.total).toBe(3);
  const eft = open.items.find((i) => i.type === 'eft');
  const detail = (await linda.get(`/api/producer-services/tickets/${eft?.number}`)).json();
  expect(detail.fields).toContainEqual({ label: 'Account Number', value: '••••6789' });
  expect(detail.attachments).toHaveLength(1);
});

it("publishes forms and courses; Marcus has taken this year's SEP course, Linda has not (BK-6)", async () => {
  const year = t.clock.now().getUTCFullYear();
  const marcus = await clientFor(t, { portalId: 'producers', username: 'mreyes', password: 'Producer#2026' });
  const linda = await clientFor(t, { portalId: 'producers', username: 'lkim', password: 'Producer#2026' });
  const sepOf = async (client: typeof marcus) => (await client.get('/api/resources/sep-training')).json<TSepTraining>().find((y) => y.planYear === year);
  expect((await sepOf(marcus))?.completedAt).not.toBeNull();
  expect(await sepOf(linda)).toMatchObject({ course: { title: `SEP Training ${year}` }, completedAt: null });
  const forms = (await linda.get('/api/resources/forms')).json<TResource[]>().map((f) => f.title);
  expect(forms).toContain('Group Dental Enrollment Form');
  expect(forms).not.toContain('Texas Medicare Supplement Application');
  expect(forms).not.toContain(`Producer Appointment Request (${year - 1})`);
});
