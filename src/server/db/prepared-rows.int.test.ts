// executePreparedRows: named prepared statements on PostgreSQL, one trip into PGlite.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../../../test/support/db.ts';
import { executePreparedRows, executeRows, toDate, type TDatabase } from './client.ts';
import { agencies } from './schema/index.ts';

let database: TDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('executePreparedRows', () => {
  it("takes the engine's fast path (pglite-fallback.int.test.ts covers PGlite without it)", () => {
    expect(database.fastPath).toBe(testEngine() === 'pglite' ? 'pglite-one-trip' : 'pg-prepared');
  });

  it('passes text, numbers, booleans, nulls and dates, and returns typed rows', async () => {
    const at = new Date('2026-11-25T10:00:00.000Z');
    const types = {
      name: 'test_types',
      text: `select $1::text as t, $2::int as n, $3::boolean as b, $4::text as z,
      $5::timestamptz as at, '{"k":1}'::jsonb as j`,
    };
    for (const n of [1, 2, 3]) {
      // the second and later calls reuse the prepared statement
      const [row] = await executePreparedRows<{ t: string; n: number; b: boolean; z: null; at: Date | string; j: unknown }>(database.db, types, [
        `a'b${n}`,
        n,
        n > 1,
        null,
        at,
      ]);
      expect(row).toMatchObject({ t: `a'b${n}`, n, b: n > 1, z: null, j: { k: 1 } });
      expect(toDate(row?.at)).toEqual(at);
    }
    if (testEngine() === 'pglite') {
      // one session: the statement it prepared is there to see
      const statements = await executeRows<{ name: string }>(database.db, sql`select name from pg_prepared_statements where name = 'test_types'`);
      expect(statements).toEqual([{ name: 'test_types' }]);
    }
  });

  it('rejects a failing statement with the database error and stays usable', async () => {
    const divide = { name: 'test_divide', text: 'select 1 / $1::int as x' };
    const failure: unknown = await executePreparedRows(database.db, divide, [0]).catch((e: unknown) => e);
    const reason = failure instanceof Error && failure.cause instanceof Error ? failure.cause : failure; // pg's own error, or drizzle's wrapping it
    expect(String(reason)).toMatch(/division by zero/);
    expect((reason as { code?: unknown }).code).toBe('22012'); // the SQLSTATE callers branch on
    const [row] = await executePreparedRows<{ x: number }>(database.db, divide, [1]);
    expect(row?.x).toBe(1);
  });

  it('reads many rows with long, non-ASCII, empty and null values', async () => {
    const values = {
      name: 'test_values',
      text: `select n, repeat('é€', $1::int) as long, '' as empty, null::text as nothing,
      'Zoë ☃' as short from generate_series(1, 40) as n`,
    };
    const rows = await executePreparedRows<{ n: number; long: string; empty: string; nothing: null; short: string }>(database.db, values, [100_000]);
    expect(rows).toHaveLength(40); // about 10 MB in all: more than one buffer of the engine's output
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(rows.every((r) => r.long === 'é€'.repeat(100_000) && r.empty === '' && r.nothing === null && r.short === 'Zoë ☃')).toBe(true);
  });

  it('runs inside a transaction it is given, seeing its uncommitted rows', async () => {
    let seen = -1;
    await database.db
      .transaction(async (tx) => {
        await tx.insert(agencies).values({ name: 'Agency In Transaction', createdAt: new Date() });
        const [row] = await executePreparedRows<{ n: number }>(tx, { name: 'test_in_tx', text: 'select count(*)::int as n from agencies where name = $1' }, [
          'Agency In Transaction',
        ]);
        seen = row?.n ?? -1;
        tx.rollback();
      })
      .catch(() => 'rolled back');
    expect(seen).toBe(1);
  });

  it('binds parameters in a transaction through drizzle, by their numbers, typed as outside one', async () => {
    const at = new Date('2026-11-25T10:00:00.000Z');
    const statement = {
      name: 'test_tx_params',
      text: `select $2::int as n, $1::text || $1::text as twice, $3::timestamptz as at, $4::json as j, '$$' as dollars`,
    };
    const rows = await database.db.transaction((tx) =>
      executePreparedRows<{ n: number; twice: string; at: Date | string; j: unknown; dollars: string }>(tx, statement, ["o'", 4, at, '{"k":[1]}']),
    );
    expect(rows).toMatchObject([{ n: 4, twice: "o'o'", j: { k: [1] }, dollars: '$$' }]);
    expect(toDate(rows[0]?.at)).toEqual(at);
    await expect(database.db.transaction((tx) => executePreparedRows(tx, { name: 'test_tx_missing', text: 'select $2::int' }, [1]))).rejects.toThrow(
      /\$2 with 1 parameters/,
    );
  });

  it("never runs inside another caller's open transaction", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const rolledBack = database.db
      .transaction(async (tx) => {
        await tx.insert(agencies).values({ name: 'Uncommitted Agency', createdAt: new Date() });
        inserted();
        await gate;
        tx.rollback();
      })
      .catch(() => 'rolled back');
    await insertedYet;
    const counted = executePreparedRows<{ n: number }>(
      database.db,
      { name: 'test_isolation', text: 'select count(*)::int as n from agencies where name = $1' },
      ['Uncommitted Agency'],
    );
    setTimeout(release, 50);
    expect(await rolledBack).toBe('rolled back');
    expect((await counted)[0]?.n).toBe(0);
    const [after] = await executeRows<{ n: number }>(database.db, sql`select count(*)::int as n from agencies where name = ${'Uncommitted Agency'}`);
    expect(after?.n).toBe(0);
  });
});

describe('executePreparedRows under concurrency', () => {
  it('prepares a statement once when its first calls arrive together', async () => {
    const rows = await Promise.all(
      Array.from({ length: 6 }, (_, i) => executePreparedRows<{ n: number }>(database.db, { name: 'test_together', text: 'select $1::int as n' }, [i])),
    );
    expect(rows.map((r) => r[0]?.n)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps a statement prepared after its first execution failed', async () => {
    const tenBy = { name: 'test_first_fails', text: 'select 10 / $1::int as x' };
    const failed = await executePreparedRows(database.db, tenBy, [0]).catch(() => 'failed');
    expect(failed).toBe('failed');
    const [row] = await executePreparedRows<{ x: number }>(database.db, tenBy, [5]);
    expect(row?.x).toBe(2);
  });
});

describe('executePreparedRows after a migration', () => {
  it('re-prepares a statement whose function came back with other result columns', async () => {
    const call = { name: 'test_stale', text: 'select * from test_stale_fn($1)' };
    await executeRows(database.db, sql.raw('create function test_stale_fn(x int) returns table (a int) language sql as $$ select x $$'));
    for (let i = 0; i < 3; i++) expect(await executePreparedRows(database.db, call, [i])).toEqual([{ a: i }]);
    await executeRows(database.db, sql.raw('drop function test_stale_fn(int)'));
    await executeRows(database.db, sql.raw('create function test_stale_fn(x int) returns table (a int, b int) language sql as $$ select x, x * 2 $$'));
    for (let i = 0; i < 3; i++) expect(await executePreparedRows(database.db, call, [i])).toEqual([{ a: i, b: i * 2 }]);
  });
});
