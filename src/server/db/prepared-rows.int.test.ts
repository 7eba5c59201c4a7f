// executePreparedRows: named prepared statements on PostgreSQL, one trip into PGlite.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/db.ts';
import { executePreparedRows, executeRows, toDate, type TDatabase } from './client.ts';
import { agencies } from './schema/index.ts';

let database: TDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

describe('executePreparedRows', () => {
  it('passes text, numbers, booleans, nulls and dates, and returns typed rows', async () => {
    const at = new Date('2026-11-25T10:00:00.000Z');
    const query = (n: number) => sql`select ${`a'b${n}`}::text as t, ${n}::int as n, ${n > 1}::boolean as b,
      ${null}::text as z, ${at}::timestamptz as at, '{"k":1}'::jsonb as j`;
    for (const n of [1, 2, 3]) { // the second and later calls reuse the prepared statement
      const [row] = await executePreparedRows<{ t: string; n: number; b: boolean; z: null; at: Date | string; j: unknown }>(database.db, 'test_types', query(n));
      expect(row).toMatchObject({ t: `a'b${n}`, n, b: n > 1, z: null, j: { k: 1 } });
      expect(toDate(row?.at)).toEqual(at);
    }
  });

  it('rejects a failing statement with the database error and stays usable', async () => {
    const failure: unknown = await executePreparedRows(database.db, 'test_divide', sql`select 1 / ${0}::int as x`).catch((e: unknown) => e);
    const reason = failure instanceof Error && failure.cause instanceof Error ? failure.cause : failure; // drizzle wraps pg's error
    expect(String(reason)).toMatch(/division by zero/);
    const [row] = await executePreparedRows<{ x: number }>(database.db, 'test_divide', sql`select 1 / ${1}::int as x`);
    expect(row?.x).toBe(1);
  });

  it('never runs inside another caller\'s open transaction', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => { inserted = resolve; });
    const rolledBack = database.db.transaction(async (tx) => {
      await tx.insert(agencies).values({ name: 'Uncommitted Agency', createdAt: new Date() });
      inserted();
      await gate;
      tx.rollback();
    }).catch(() => 'rolled back');
    await insertedYet;
    const counted = executePreparedRows<{ n: number }>(database.db, 'test_isolation', sql`select count(*)::int as n from agencies where name = ${'Uncommitted Agency'}`);
    setTimeout(release, 50);
    expect(await rolledBack).toBe('rolled back');
    expect((await counted)[0]?.n).toBe(0);
    const [after] = await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from agencies where name = ${'Uncommitted Agency'}`);
    expect(after?.n).toBe(0);
  });
});
