// The database a seeded bench (bench:search, bench:commissions) measures: loaded beforehand with
// `portico seed --size N`, PostgreSQL when BENCH_DATABASE_URL or DATABASE_URL is set, else the
// embedded PGlite of the data directory in BENCH_DATA_DIR or DATA_DIR. Beside it the raw SQL the
// ratios are taken against, the app listening on it, and its bench users.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, PGLITE_EXTENSIONS, POSTGRES_SESSION_OPTIONS, wrapPglite, type TDatabase } from '../src/server/db/client.ts';
import { acquireDataDirLock } from '../src/server/db/data-dir-lock.ts';
import { createUser } from '../src/server/features/user-admin/user-accounts.service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { isAppError } from '../src/server/platform/errors.ts';
import type { TPortalId, TRole } from '../src/shared/portals.ts';
import { captureQueries } from './latency.ts';

const URL_TEXT = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
const DATA_DIR = process.env.BENCH_DATA_DIR || process.env.DATA_DIR;

/** A statement the store sent, and a replay of it exactly as sent (same text, values and driver options). */
export interface TStatement {
  text: string;
  values: unknown[];
  replay: () => Promise<unknown>;
}

/**
 * The database under test, and raw SQL on it beside the app: on PostgreSQL a pg pool of its own with
 * the app's session settings (JIT off, so the ratio compares like with like), on PGlite the app's
 * own instance. Everything below runs the same on both.
 */
export interface TEngine {
  name: string;
  /** What the app runs on. */
  database: TDatabase;
  /** The app's DATA_DIR: a scratch directory beside PostgreSQL, the data directory itself with PGlite. */
  dataDir: string;
  rows<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** The statements `work` sends, in order. */
  capture(work: () => Promise<unknown>): Promise<TStatement[]>;
  /** Ends what the engine opened besides `database` (the app closes that). */
  close(): Promise<void>;
}

function usage(bench: string, problem?: string): never {
  console.error(
    `${bench} needs BENCH_DATABASE_URL or DATABASE_URL (PostgreSQL), or BENCH_DATA_DIR or DATA_DIR (PGlite): a database loaded with \`portico seed --size N\`.`,
  );
  if (problem) console.error(problem);
  process.exit(2);
}

/** The seeded database the environment names; `bench` names the caller in the usage line. */
export async function openEngine(bench: string): Promise<TEngine> {
  if (URL_TEXT) {
    const pool = new pg.Pool({ connectionString: URL_TEXT, max: 2, options: POSTGRES_SESSION_OPTIONS });
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
    return {
      name: 'PostgreSQL',
      database: await openDatabase({ databaseUrl: URL_TEXT, dataDir }),
      dataDir,
      async rows<T extends pg.QueryResultRow>(text: string, values?: unknown[]) {
        return (await pool.query<T>(text, values)).rows;
      },
      capture: async (work) =>
        (await captureQueries(work)).map(({ config, values }) => ({ text: config.text, values: values ?? [], replay: () => pool.query(config, values) })),
      async close() {
        await pool.end();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (!DATA_DIR) return usage(bench);
  const dataDir = resolve(DATA_DIR);
  if (!existsSync(join(dataDir, 'pglite'))) return usage(bench, `${dataDir} holds no PGlite database.`);
  // As openDatabase opens it, but keeping the instance: the app and the raw SQL share it.
  const lock = acquireDataDirLock(dataDir);
  const client = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: PGLITE_EXTENSIONS });
  return {
    name: 'PGlite (file-backed, in this process)',
    database: wrapPglite(client, () => lock.release()),
    dataDir,
    async rows<T>(text: string, values?: unknown[]) {
      return (await client.query<T>(text, values)).rows;
    },
    capture: (work) => capturePglite(client, work),
    close: async () => {},
  };
}

/** The statements `work` sends through PGlite's query(text, params, options), as drizzle's driver calls it. */
async function capturePglite(client: PGlite, work: () => Promise<unknown>): Promise<TStatement[]> {
  const captured: TStatement[] = [];
  const query = client.query.bind(client);
  const recording = (text: string, params: unknown[] = [], options?: QueryOptions) => {
    captured.push({ text, values: params, replay: () => query(text, params, options) });
    return query(text, params, options);
  };
  Object.assign(client, { query: recording }); // on the instance, over the prototype's method
  try {
    await work();
  } finally {
    delete (client as { query?: unknown }).query;
  }
  return captured;
}

/** The app on the engine's database, listening on a free port, as deployed: the request log on, written nowhere. */
export async function listeningApp(engine: TEngine): Promise<{ port: number; base: string; close: () => Promise<void> }> {
  const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: engine.dataDir, DATABASE_URL: URL_TEXT, LOG_LEVEL: 'info' });
  const app = await buildApp({ config, database: engine.database, logStream: { write: () => {} } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** A user of the producer for the bench, created once (a rerun finds it there). */
export async function benchUser(
  db: TDatabase['db'],
  input: { bench: string; portalId: TPortalId; role: TRole; agentId: string; password: string },
): Promise<string> {
  const username = `${input.bench.replace(':', '.')}.${input.agentId}`;
  try {
    await createUser(
      { db, clock: systemClock },
      { portalId: input.portalId, username, password: input.password, role: input.role, producerAgentId: input.agentId, actor: { label: input.bench } },
    );
  } catch (error) {
    if (!isAppError(error) || !['user.username_taken', 'user.producer_has_account'].includes(error.code)) throw error;
  }
  return username;
}

/** Signs in through the portal's login route: the session cookie and its CSRF token. */
export async function signIn(base: string, input: { portal: string; username: string; password: string }): Promise<{ cookie: string; csrfToken: string }> {
  const login = await fetch(`${base}/api/portals/${input.portal}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: input.username, password: input.password }),
  });
  if (!login.ok) throw new Error(`login of ${input.username} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** The plan PostgreSQL (or PGlite) chose for a statement, run: EXPLAIN (ANALYZE, BUFFERS) without the planning lines. */
export async function explained(engine: TEngine, statement: TStatement): Promise<string> {
  const plan = await engine.rows<Record<string, string>>(`explain (analyze, buffers) ${statement.text}`, statement.values);
  return plan
    .map((row) => `      ${Object.values(row)[0]}`)
    .filter((line) => !/^\s+(Planning|Buffers: shared hit=\d+$)/.test(line))
    .join('\n');
}
