// A named prepared statement on a PostgreSQL pool: parsed and planned once per connection.
// A connection's prepared plan goes stale when a migration (run by another instance, or by
// `portico migrate` while this server runs) recreates a function the statement calls with other
// result columns: PostgreSQL then refuses it ("cached plan must not change result type"), and pg
// would send the same stale name on that connection forever. Such a connection is dropped and the
// call runs again on a fresh one, which prepares the statement anew.
import type pg from 'pg';

export async function queryPrepared(pool: pg.Pool, name: string, text: string, values: readonly unknown[]): Promise<unknown[]> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      const result = await client.query<Record<string, unknown>>({ name, text, values: [...values] });
      client.release();
      return result.rows;
    } catch (error) {
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
