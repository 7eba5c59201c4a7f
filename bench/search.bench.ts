// npm run bench:search — the retail producer's client search (BK-3, issue 16 §5) on a database
// loaded with `portico seed --size N` (`--size 50000` gives about 5,000,000 clients): PostgreSQL when
// BENCH_DATABASE_URL or DATABASE_URL is set, else the embedded PGlite of the data directory in
// BENCH_DATA_DIR or DATA_DIR (the one the seed was run with, as in
// `DATA_DIR=/tmp/book portico seed --size 5000` then `BENCH_DATA_DIR=/tmp/book npm run bench:search`).
// For the producer with the largest book and for a small one, each quick search and five advanced
// searches: the p95 through HTTP (the real app, listening, a signed-in retail producer in the chosen
// state), the p95 of the same SQL the store sends, replayed beside the app (on PostgreSQL on a pg
// pool of its own with the app's session settings; on PGlite on the app's own instance, one
// connection in this process: HTTP and SQL are measured one after the other on both),
// and the p95 of GET /api/book/states, which does the route's own lookups (the producer, the chosen
// state) and nothing else. Goals: HTTP p95 < 50 ms and ≤ 1.5 × (SQL + bare route). The
// EXPLAIN (ANALYZE, BUFFERS) of each search is printed. The bench adds two retail users and leaves
// the data as it found it otherwise. BENCH_SECONDS per measurement (default 2).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite, type QueryOptions } from '@electric-sql/pglite';
import pg from 'pg';
import type { TClientSearch } from '../src/shared/book-schemas.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, PGLITE_EXTENSIONS, POSTGRES_SESSION_OPTIONS, wrapPglite, type TDatabase } from '../src/server/db/client.ts';
import { acquireDataDirLock } from '../src/server/db/data-dir-lock.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { searchClients, type TBookScope } from '../src/server/features/book/book.store.ts';
import { createUser } from '../src/server/features/user-admin/user-accounts.service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { isAppError } from '../src/server/platform/errors.ts';
import { captureQueries, httpP95, p95Of } from './latency.ts';

const URL_TEXT = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
const DATA_DIR = process.env.BENCH_DATA_DIR || process.env.DATA_DIR;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const PASSWORD = 'Retail26x';
const GOAL_MS = 50;
const GOAL_RATIO = 1.5;

interface TProducer {
  label: string;
  agentId: string;
  state: string;
  policies: number;
}

/** A statement the store sent, and a replay of it exactly as sent (same text, values and driver options). */
interface TStatement {
  text: string;
  values: unknown[];
  replay: () => Promise<unknown>;
}

/**
 * The database under test, and raw SQL on it beside the app: on PostgreSQL a pg pool of its own with
 * the app's session settings (JIT off, so the ratio compares like with like), on PGlite the app's
 * own instance. Everything below runs the same on both.
 */
interface TEngine {
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

function usage(problem?: string): never {
  console.error(
    'bench:search needs BENCH_DATABASE_URL or DATABASE_URL (PostgreSQL), or BENCH_DATA_DIR or DATA_DIR (PGlite): a database loaded with `portico seed --size N`.',
  );
  if (problem) console.error(problem);
  process.exit(2);
}

async function openEngine(): Promise<TEngine> {
  if (URL_TEXT) {
    const pool = new pg.Pool({ connectionString: URL_TEXT, max: 2, options: POSTGRES_SESSION_OPTIONS });
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-search-'));
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
  if (!DATA_DIR) return usage();
  const dataDir = resolve(DATA_DIR);
  if (!existsSync(join(dataDir, 'pglite'))) return usage(`${dataDir} holds no PGlite database.`);
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

async function pickProducers(engine: TEngine): Promise<TProducer[]> {
  // The largest book: the writing agent and state with the most individual policies.
  const [large] = await engine.rows<{ agent: string; state: string; policies: string }>(
    `select writing_agent_id as agent, state, count(*) as policies from policies where client_id is not null
       group by writing_agent_id, state order by count(*) desc limit 1`,
  );
  // A small book: the first synthetic producer with a book near the median of 100 clients.
  const [small] = await engine.rows<{ agent: string; state: string; policies: string }>(
    `select writing_agent_id as agent, state, count(*) as policies from policies
       where client_id is not null and writing_agent_id between '300000000' and '300000099'
       group by writing_agent_id, state having count(*) between 60 and 200 order by writing_agent_id limit 1`,
  );
  if (!large || !small) throw new Error('The database has no synthetic book: load one with `portico seed --size N` first.');
  return [
    { label: 'large book', agentId: large.agent, state: large.state, policies: Number(large.policies) },
    { label: 'small book', agentId: small.agent, state: small.state, policies: Number(small.policies) },
  ];
}

/** The five advanced searches, made from what this producer's book holds. */
async function advancedSearches(engine: TEngine, producer: TProducer): Promise<[string, Partial<TClientSearch>][]> {
  const [sample] = await engine.rows<{ last_name: string; date_of_birth: string; policy_number: string; line: string }>(
    `select c.last_name, c.date_of_birth::text as date_of_birth, p.policy_number, p.line_of_business as line
       from policies p join clients c on c.client_id = p.client_id
       where p.writing_agent_id = $1 and p.state = $2 and p.status = 'active' order by p.policy_number limit 1`,
    [producer.agentId, producer.state],
  );
  if (!sample) throw new Error(`producer ${producer.agentId} has no active policy in ${producer.state}`);
  // One letter changed in the middle: a near spelling, not a prefix.
  const name = sample.last_name;
  const middle = Math.floor(name.length / 2);
  const misspelled = `${name.slice(0, middle)}${name[middle] === 'e' ? 'a' : 'e'}${name.slice(middle + 1)}`;
  return [
    ['name prefix', { name: name.slice(0, 3) }],
    ['misspelled name', { name: misspelled }],
    ['date of birth', { dateOfBirth: sample.date_of_birth }],
    ['policy number', { number: sample.policy_number }],
    ['status + line + date range', { status: 'active', line: sample.line as TClientSearch['line'], effectiveFrom: '2020-01-01', effectiveTo: '2030-12-31' }],
  ];
}

async function retailUser(db: Parameters<typeof createUser>[0]['db'], producer: TProducer): Promise<string> {
  const username = `bench.search.${producer.agentId}`;
  try {
    await createUser(
      { db, clock: systemClock },
      { portalId: 'retail', username, password: PASSWORD, role: 'retail-producer', producerAgentId: producer.agentId, actor: { label: 'bench:search' } },
    );
  } catch (error) {
    // A rerun: the user is there already.
    if (!isAppError(error) || !['user.username_taken', 'user.producer_has_account'].includes(error.code)) throw error;
  }
  return username;
}

async function signInInState(base: string, username: string, state: string): Promise<string> {
  const login = await fetch(`${base}/api/portals/retail/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`login of ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const chosen = await fetch(`${base}/api/book/state`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ state }),
  });
  if (!chosen.ok) throw new Error(`choosing ${state} failed: ${chosen.status} ${await chosen.text()}`);
  return cookie;
}

const ms = (value: number) => value.toFixed(2).padStart(8);

async function main(): Promise<void> {
  const engine = await openEngine();
  const { database } = engine;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  let missed = 0;
  try {
    await migrateDatabase(database);
    const [{ clients } = { clients: '0' }] = await engine.rows<{ clients: string }>(`select count(*) as clients from clients`);
    console.log(
      `Client search benchmark: ${Number(clients).toLocaleString('en-US')} clients, ${engine.name}; p95 of ${SECONDS} s of sequential requests each` +
        ` (goal: HTTP < ${GOAL_MS} ms and ≤ ${GOAL_RATIO} × (SQL + bare route))`,
    );
    const producers = await pickProducers(engine);
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: engine.dataDir, DATABASE_URL: URL_TEXT, LOG_LEVEL: 'info' });
    // As deployed: the request log on, written nowhere.
    app = await buildApp({ config, database, logStream: { write: () => {} } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    const today = systemClock.now().toISOString().slice(0, 10);
    for (const producer of producers) {
      const cookie = await signInInState(base, await retailUser(database.db, producer), producer.state);
      const scope: TBookScope = { agentId: producer.agentId, state: producer.state, today };
      await httpP95({ port, path: '/api/book/states', cookie, seconds: 1 }); // warm-up
      const bare = await httpP95({ port, path: '/api/book/states', cookie, seconds: SECONDS });
      console.log(
        `\n${producer.label}: producer ${producer.agentId} in ${producer.state}, ${producer.policies.toLocaleString('en-US')} policies; bare route p95 ${ms(bare)} ms`,
      );
      console.log(`${'search'.padEnd(28)} ${'total'.padStart(6)} ${'HTTP p95'.padStart(8)} ${'SQL p95'.padStart(8)} ${'ratio'.padStart(6)}  goal`);
      const searches: [string, Partial<TClientSearch>][] = [
        ...(['pending-applications', 'renewing-soon', 'past-due', 'new-business'] as const).map((quick): [string, Partial<TClientSearch>] => [
          `quick: ${quick}`,
          { quick },
        ]),
        ...(await advancedSearches(engine, producer)),
      ];
      for (const [title, filters] of searches) {
        const query: TClientSearch = { name: undefined, number: undefined, sort: 'name', dir: 'asc', page: 1, pageSize: 25, ...filters };
        const path = `/api/book/clients?${new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)])).toString()}`;
        let total = 0;
        const statements = await engine.capture(async () => {
          total = (await searchClients(database.db, scope, query))[0]?.total ?? 0;
        });
        const http = await httpP95({ port, path, cookie, seconds: SECONDS });
        // As the store sends them: together.
        const sqlMs = await p95Of(() => Promise.all(statements.map((statement) => statement.replay())), SECONDS);
        const ratio = http / (sqlMs + bare);
        const ok = http < GOAL_MS && ratio <= GOAL_RATIO;
        if (!ok) missed++;
        console.log(`${title.padEnd(28)} ${String(total).padStart(6)} ${ms(http)} ${ms(sqlMs)} ${ratio.toFixed(2).padStart(6)}  ${ok ? 'OK' : 'MISSED'}`);
        for (const statement of statements) {
          const plan = await engine.rows<Record<string, string>>(`explain (analyze, buffers) ${statement.text}`, statement.values);
          console.log(
            plan
              .map((row) => `      ${Object.values(row)[0]}`)
              .filter((line) => !/^\s+(Planning|Buffers: shared hit=\d+$)/.test(line))
              .join('\n'),
          );
        }
      }
    }
    console.log(
      `\nload average while measuring: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (${availableParallelism()} cores)`,
    );
    console.log(missed === 0 ? 'every search met both goals' : `${missed} search(es) missed a goal`);
    if (missed > 0) process.exitCode = 1;
  } finally {
    await app?.close();
    if (!app) await database.close();
    await engine.close();
  }
}

await main();
