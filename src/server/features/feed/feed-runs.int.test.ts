// GET /api/staff/feed-runs: the staff console's list of feed runs (BK-8), newest first, for staff
// only: 401 without a session, 403 to a producer, 200 to each staff role.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TFeedRunList } from '../../../shared/feed-schemas.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createProducerTeam, createStaff } from '../../../../test/support/admin-fixtures.ts';
import { importFeed } from './feed-import.service.ts';

let t: TTestApp;
let runId: string;
beforeAll(async () => {
  t = await createTestApp();
  const report = await importFeed(
    { db: t.database.db, clock: t.clock, bulk: t.database.withBulkConnection },
    {
      kind: 'clients',
      csv: Readable.from(['client_id,first_name,last_name,date_of_birth,state\nR-1,Ana,Alvarez,1960-04-02,TX\nR-2,Bo,Brown,1971-02-30,IL\n']),
      source: 'cli',
      actor: { label: 'portico cli' },
    },
  );
  runId = report.runId;
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/staff/feed-runs', () => {
  it('answers 401 without a session and 403 to a producer', async () => {
    expect((await t.app.inject({ url: '/api/staff/feed-runs' })).statusCode).toBe(401);
    const producer = await clientFor(t, (await createProducerTeam(t, 0)).pp);
    expect((await producer.get('/api/staff/feed-runs')).statusCode).toBe(403);
  });

  it('lists the runs with their counts to each staff role', async () => {
    for (const role of ['help-desk', 'producer-services', 'security-admin'] as const) {
      const staff = await clientFor(t, await createStaff(t, role));
      const response = await staff.get('/api/staff/feed-runs');
      expect(response.statusCode).toBe(200);
      const { items } = response.json<TFeedRunList>();
      expect(items.find((run) => run.id === runId)).toMatchObject({
        kind: 'clients',
        source: 'cli',
        actor: 'portico cli',
        status: 'completed',
        rowsRead: 2,
        inserted: 1,
        failed: 1,
        error: null,
        durationMs: 0,
      });
    }
  });
});
