// npm run bench:tickets — Existing Request Tickets (SR-4) and the staff queue (SR-5) over
// 1,000,000 tickets of 50,000 producer IDs on PostgreSQL (DATABASE_URL). For each sort, direction
// and page (1 and 50): the p95 through HTTP (the real app, listening, a signed-in user), the p95
// of the same SQL the store runs (replayed as it sends it, on a pg pool here), and the p95 of a trivial
// authenticated route of the same portal. Goals: HTTP p95 < 20 ms and HTTP ≤ 1.5 × (SQL + bare).
// BENCH_TICKETS=100000 for a quick run, BENCH_SECONDS per measurement (default 2).
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type TDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { searchTickets, type TTicketFilter, type TTicketSort } from '../src/server/features/service-requests/ticket-search.store.ts';
import { createUser } from '../src/server/features/user-admin/user-accounts.service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { captureQueries, httpP95, sqlP95, type TCapturedQuery } from './latency.ts';
import { BIG_PRODUCER_AGENT_ID, loadRoster, loadTickets } from './tickets-data.ts';

const BASE_URL = process.env.DATABASE_URL;
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const PRODUCERS = Number(process.env.BENCH_PRODUCERS ?? 50_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
/** BENCH_EXPLAIN=1 prints each statement's EXPLAIN ANALYZE (to find why a goal is missed). */
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const DB_NAME = 'portico_bench_tickets';
const PASSWORD = 'Correct horse 9 bench';
const SORTS: TTicketSort[] = ['date', 'number', 'type', 'status'];
const PAGE_SIZE = 25;
const GOAL_MS = 20;
const GOAL_RATIO = 1.5;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

async function prepare(database: TDatabase): Promise<void> {
  await migrateDatabase(database);
  const t0 = performance.now();
  const deps = { db: database.db, clock: systemClock };
  await loadRoster(database.db, { producers: PRODUCERS });
  const actor = { label: 'bench' };
  const staff = await createUser(deps, { portalId: 'staff', username: 'bench.ps', password: PASSWORD, role: 'producer-services', actor });
  await createUser(deps, {
    portalId: 'producers',
    username: 'bench.pp',
    password: PASSWORD,
    role: 'producer-user',
    producerAgentId: BIG_PRODUCER_AGENT_ID,
    actor,
  });
  await loadTickets(database.db, { tickets: TICKETS, producers: PRODUCERS, staffUserId: staff.id });
  // As a live table would be: vacuumed (visibility map, for index-only counts) and analysed.
  await database.db.execute(sql`vacuum (analyze) service_request_tickets, users, producers`);
  console.log(`  loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function logIn(base: string, portal: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/portals/${portal}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

interface TList {
  title: string;
  path: string;
  /** Extra query-string filters of the route. */
  query: string;
  filter: TTicketFilter;
  cookie: string;
  barePath: string;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
const ms = (value: number) => value.toFixed(2);

async function explain(pool: pg.Pool, queries: readonly TCapturedQuery[], title: string): Promise<void> {
  for (const query of queries) {
    const plan = await pool.query<Record<string, string>>({ text: `explain (analyze, buffers) ${query.config.text}` }, query.values);
    console.log(`--- ${title}\n${plan.rows.map((row) => Object.values(row)[0]).join('\n')}`);
  }
}

/** One table per list; returns how many rows missed a goal. */
async function measureList(env: { db: TDatabase['db']; port: number; pool: pg.Pool }, list: TList): Promise<number> {
  const { port } = env;
  const bare = await httpP95({ port, path: list.barePath, cookie: list.cookie, seconds: SECONDS });
  console.log(`\n${list.title} — bare route ${list.barePath}: p95 ${ms(bare)} ms`);
  console.log(
    `${'sort'.padEnd(7)} ${'dir'.padEnd(4)} ${pad('page', 4)} ${pad('HTTP p95', 9)} ${pad('SQL p95', 8)} ${pad('bare p95', 8)} ${pad('ratio', 6)}  goal`,
  );
  let missed = 0;
  for (const sort of SORTS) {
    for (const dir of ['asc', 'desc'] as const) {
      for (const page of [1, 50]) {
        const path = `${list.path}?${list.query}sort=${sort}&dir=${dir}&page=${page}&pageSize=${PAGE_SIZE}`;
        const queries = await captureQueries(() => searchTickets(env.db, list.filter, { sort, dir, page, pageSize: PAGE_SIZE }));
        if (EXPLAIN) await explain(env.pool, queries, `${list.title} ${sort} ${dir} page ${page}`);
        const http = await httpP95({ port, path, cookie: list.cookie, seconds: SECONDS });
        const sqlMs = await sqlP95(env.pool, queries, SECONDS);
        const ratio = http / (sqlMs + bare);
        const ok = http < GOAL_MS && ratio <= GOAL_RATIO;
        if (!ok) missed++;
        console.log(
          `${sort.padEnd(7)} ${dir.padEnd(4)} ${pad(page, 4)} ${pad(ms(http), 9)} ${pad(ms(sqlMs), 8)} ${pad(ms(bare), 8)} ${pad(ratio.toFixed(2), 6)}  ${ok ? 'OK' : 'MISSED'}`,
        );
      }
    }
  }
  return missed;
}

async function main(): Promise<void> {
  if (!BASE_URL) {
    console.error('bench:tickets needs DATABASE_URL (a PostgreSQL server), e.g. postgres://root@127.0.0.1:5432/test');
    process.exit(2);
  }
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${DB_NAME}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  console.log(
    `Ticket lists benchmark: ${TICKETS.toLocaleString('en-US')} tickets over ${PRODUCERS.toLocaleString('en-US')} producer IDs, PostgreSQL;` +
      ` p95 of ${SECONDS} s of sequential requests each (goal: HTTP < ${GOAL_MS} ms and ≤ ${GOAL_RATIO} × (SQL + bare route))`,
  );
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await prepare(database);
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: url.toString(), LOG_LEVEL: 'info' });
    // As deployed: the request log on, written nowhere.
    app = await buildApp({ config, database, logStream: { write: () => {} } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const base = `http://127.0.0.1:${port}`;
    const producerCookie = await logIn(base, 'producers', 'bench.pp');
    const staffCookie = await logIn(base, 'staff', 'bench.ps');
    const [big] = await pool
      .query<{ open: string }>(`select count(*) as open from service_request_tickets where producer_id = 1 and closed_at is null`)
      .then((r) => r.rows);
    console.log(`  the signed-in producer ID ${BIG_PRODUCER_AGENT_ID} has ${big?.open ?? 0} open tickets`);
    const env = { db: database.db, port, pool };
    // Warm-up: JIT, connection pool, plan caches.
    await httpP95({ port, path: '/api/producer-services/tickets', cookie: producerCookie, seconds: 2 });
    let missed = await measureList(env, {
      title: "Producer's open tickets: GET /api/producer-services/tickets",
      path: '/api/producer-services/tickets',
      query: '',
      filter: { producerId: 1, status: 'open' },
      cookie: producerCookie,
      barePath: '/api/producer-services/settings',
    });
    missed += await measureList(env, {
      title: 'Staff queue, Submitted Group POR changes: GET /api/staff/service-requests?status=submitted&type=group-por',
      path: '/api/staff/service-requests',
      query: 'status=submitted&type=group-por&',
      filter: { status: 'submitted', type: 'group-por' },
      cookie: staffCookie,
      barePath: '/api/staff/service-requests/assignees',
    });
    console.log(
      `\nload average while measuring: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (${availableParallelism()} cores)`,
    );
    console.log(`${missed === 0 ? 'every row met both goals' : `${missed} row(s) missed a goal`}`);
    if (missed > 0) process.exitCode = 1;
  } finally {
    await app?.close();
    if (!app) await database.close();
    await pool.end();
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
