// One database handle for both engines: embedded PGlite (default) or a PostgreSQL server.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { queryInOneTrip } from './pglite-one-trip.ts';
import { queryPrepared } from './postgres-prepared.ts';

export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;
export type TTx = Parameters<Parameters<TDb['transaction']>[0]>[0];
/** A handle usable by stores: the database itself or an open transaction. */
export type TDbOrTx = TDb | TTx;

export interface TDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: TDb;
  /** Runs `work` holding a cluster-wide lock (advisory lock on PostgreSQL; PGlite is single-process). */
  withExclusiveLock: <T>(name: string, work: (db: TDb) => Promise<T>) => Promise<T>;
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
  directQueries.set(db, (name, text, params) => queryInOneTrip(client, name, text, params));
  return {
    kind: 'pglite',
    db,
    withExclusiveLock: (_name, work) => work(db),
    async close() {
      await client.close();
      onClose();
    },
  };
}

function openPostgres(url: string, poolSize: number): TDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as TDb;
  directQueries.set(db, (name, text, values) => queryPrepared(pool, name, text, values));
  return {
    kind: 'postgres',
    db,
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
 * drizzle's per-query objects (docs/decisions/0010-login-overhead.md). PostgreSQL parses and plans
 * a named statement once per connection; PGlite, one session, once in all, and takes the call in
 * one trip into its engine (pglite-one-trip.ts). Both drivers return timestamps as Date and JSON
 * parsed; inside a transaction the statement goes through drizzle, where timestamps are text:
 * read them with `toDate`.
 */
export async function executePreparedRows<T>(db: TDbOrTx, statement: TPreparedStatement, params: readonly unknown[]): Promise<T[]> {
  const direct = directQueries.get(db);
  if (direct) return (await direct(statement.name, statement.text, params)) as T[];
  const result: unknown = await db._.session.prepareQuery({ sql: statement.text, params: [...params] }, undefined, statement.name, false).execute();
  return (result as { rows: T[] }).rows;
}

/** Raw rows carry timestamps as text (drizzle leaves parsing to its own mapping); this reads either. */
export function toDate(value: Date | string | null | undefined): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(value);
}
