// A database made by an earlier release gets the settings a later one added (the upload limits and
// the Group POR notice of issue 14), with their defaults, and keeps every setting staff changed.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import { PORTAL_DEFINITIONS } from '../../shared/portals.ts';
import type { TDatabase } from './client.ts';
import { migrateDatabase } from './migrate.ts';
import { portals } from './schema/index.ts';

let database: TDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

it('fills new policy and text keys with their defaults without touching edited ones', async () => {
  await database.db
    .update(portals)
    .set({
      policy: sql`(${portals.policy} - 'maxUploadBytes' - 'maxFilesPerRequest') || '{"lockoutThreshold": 5}'::jsonb`,
      texts: sql`(${portals.texts} - 'porNotice') || '{"locked": "Edited by staff."}'::jsonb`,
    })
    .where(eq(portals.id, 'producers'));
  await migrateDatabase(database);
  const [row] = await database.db.select().from(portals).where(eq(portals.id, 'producers'));
  expect(row?.policy).toMatchObject({ maxUploadBytes: 10 * 1024 * 1024, maxFilesPerRequest: 5, lockoutThreshold: 5 });
  expect(row?.texts).toMatchObject({ porNotice: PORTAL_DEFINITIONS.producers.texts.porNotice, locked: 'Edited by staff.' });
  expect(PORTAL_DEFINITIONS.producers.texts.porNotice).toBe('At this time, there is a hold on under 65 Producer of Record transfer requests.');
});
