// One database handle for both engines: embedded PGlite (default) or a PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { withPgliteBulk, withPostgresBulk, type TBulkConnection } from './bulk.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { missingPgliteInternals, queryInOneTrip } from './pglite-one-trip.ts';
import { queryPrepared } from './postgres-prepared.ts';

export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];
/** A handle usable by stores: the database itself or an open transaction. */
export type TDbOrTx = TDb | TTx;

/**
 * How `executePreparedRows` runs outside a transaction: PGlite's one trip through its internals,
 * PGlite's public `query()` when those internals are missing (an upgrade changed them), or
 * node-postgres's named prepared statements.
 */
export type TFastPath = 'pglite-one-trip' | 'pglite-public-query' | 'pg-prepared';

export interface TDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: TDb;
  readonly fastPath: TFastPath;
  /** Runs `work` holding a cluster-wide lock (advisory lock on PostgreSQL; PGlite is single-process). */
  withExclusiveLock: <T>(name: string, work: (db: TDb) => Promise<T>) => Promise<T>;
  /** A connection of its own for bulk loads: COPY and set-based statements, a transaction per batch (bulk.ts). */
  withBulkConnection: <T>(work: (connection: TBulkConnection) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

export interface TDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL pool size; the default suits a 2-core machine. */
  poolSize?: number;
}

export const PGLITE_EXTENSIONS = { citext, pg_trgm };

type TDirectQuery = (name: string, text: string, params: readonly unknown[]) => Promise<unknown[]>;
/** Each database handle's driver-level query for `executePreparedRows` (not for transactions). */
const directQueries = new WeakMap<TDbOrTx, TDirectQuery>();

export async function openDatabase(options: TDatabaseOptions): Promise<TDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(join(options.dataDir, 'pglite'), options.dataDir);
}

async function openPglite(pgDataDir: string, lockDir: string): Promise<TDatabase> {
  mkdirSync(pgDataDir, { recursive: true });
  const lock = acquireDataDirLock(lockDir);
  try {
    const client = await PGlite.create({ dataDir: pgDataDir, extensions: PGLITE_EXTENSIONS });
    return wrapPglite(client, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an already-open PGlite (tests load a migrated template into memory). */
export function wrapPglite(client: PGlite, onClose: () => void = () => {}): TDatabase {
  const db = drizzlePglite(client, { schema }) as unknown as TDb;
  const missing = missingPgliteInternals(client);
  const fastPath: TFastPath = missing.length === 0 ? 'pglite-one-trip' : 'pglite-public-query';
  if (fastPath === 'pglite-one-trip') {
    directQueries.set(db, (name, text, values) => queryInOneTrip(client, { name, text, values }));
  } else {
    warnOnce(
      `portico: this PGlite lacks ${missing.join(', ')}; prepared statements run through its public query(), slower (docs/decisions/0016-fenced-login-fast-path.md)`,
    );
    directQueries.set(db, async (_name, text, params) => (await client.query<Record<string, unknown>>(text, [...params])).rows);
  }
  return {
    kind: 'pglite',
    db,
    fastPath,
    withExclusiveLock: (_name, work) => work(db),
    withBulkConnection: (work) => withPgliteBulk(client, work),
    async close() {
      await client.close();
      onClose();
    },
  };
}

/** Settings of every application connection to PostgreSQL (bench:search replays its SQL with them too). */
export const POSTGRES_SESSION_OPTIONS = '-c jit=off';

function openPostgres(url: string, poolSize: number): TDatabase {
  // JIT off (decision 0021): the app's statements are short, and PostgreSQL's cost-based JIT spent
  // 40-60 ms compiling a 30 ms client search of a large book. A user's `options` in the URL comes after.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000, options: POSTGRES_SESSION_OPTIONS });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as TDb;
  directQueries.set(db, (name, text, values) => queryPrepared(pool, { name, text, values }));
  return {
    kind: 'postgres',
    db,
    fastPath: 'pg-prepared',
    async withExclusiveLock(name, work) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(hashtext($1))', [name]);
        try {
          return await work(drizzlePg(client, { schema }));
        } finally {
          await client.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        client.release();
      }
    },
    withBulkConnection: (work) => withPostgresBulk(pool, work),
    close: () => pool.end(),
  };
}

/** Rows of a raw SQL statement; both drivers return `{ rows }`. */
export async function executeRows<T>(db: TDbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** A statement run often enough to prepare: a fixed name for one fixed SQL text with $1… parameters. */
export interface TPreparedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * Rows of a prepared statement on a hot path (sign-in), run by the driver itself, without
 * drizzle's per-query objects (docs/decisions/0010-login-overhead.md; `TDatabase.fastPath`).
 * Timestamps come back as Date and JSON parsed; inside a transaction the statement goes through
 * drizzle's public `execute`, unnamed, where timestamps are text: read them with `toDate`.
 */
export async function executePreparedRows<T>(db: TDbOrTx, statement: TPreparedStatement, params: readonly unknown[]): Promise<T[]> {
  const direct = directQueries.get(db);
  if (direct) return (await direct(statement.name, statement.text, params)) as T[];
  return executeRows<T>(db, withParameters(statement.text, params));
}

/**
 * A statement's text with its $1… placeholders bound to `params`, as drizzle SQL. The texts are
 * fixed in the code: a `$n` inside one of their string literals would be taken for a parameter.
 */
export function withParameters(text: string, params: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let from = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    const place = Number(match[1]) - 1;
    if (place < 0 || place >= params.length) throw new RangeError(`withParameters: $${match[1]} with ${params.length} parameters`);
    chunks.push(sql.raw(text.slice(from, match.index)), sql`${params[place]}`);
    from = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(from)));
  return sql.join(chunks);
}

let warned = false;
/** One warning line per process (this layer has no logger; it runs before the server's). */
function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  console.warn(message);
}

/** Raw rows carry timestamps as text (drizzle leaves parsing to its own mapping); this reads either. */
export function toDate(value: Date | string | null | undefined): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(value);
}
