// A named prepared statement on a PostgreSQL pool, planned once per connection; one a migration made stale drops its connection and runs again (docs/decisions/0010-login-overhead.md).
import type pg from 'pg';
import type { TNamedStatement } from './pglite-one-trip.ts';

export async function queryPrepared(pool: pg.Pool, { name, text, values }: TNamedStatement): Promise<unknown[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      const result = await client.query<Record<string, unknown>>({ name, text, values: [...values] });
      client.release();
      return result.rows;
    } catch (error) {
      // pg would send the stale name on this connection forever: it is dropped, and a fresh one prepares anew.
      const stale = isStalePreparedStatement(error);
      client.release(stale ? toError(error) : undefined); // an Error destroys the connection
      if (!stale || attempt === 2) throw error;
    }
  }
}

/** PostgreSQL refused a prepared statement whose plan a migration changed, or that is gone. */
export function isStalePreparedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '0A000' || code === '26000'; // cached plan must not change result type; no such statement
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
