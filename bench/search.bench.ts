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
import { availableParallelism, loadavg } from 'node:os';
import type { TClientSearch } from '../src/shared/book-schemas.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { searchClients, type TBookScope } from '../src/server/features/book/book.store.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { httpP95, p95Of } from './latency.ts';
import { benchUser, explained, listeningApp, openEngine, signIn, type TEngine } from './seeded-database.ts';

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

function retailUser(db: TEngine['database']['db'], producer: TProducer): Promise<string> {
  return benchUser(db, { bench: 'bench:search', portalId: 'retail', role: 'retail-producer', agentId: producer.agentId, password: PASSWORD });
}

async function signInInState(base: string, username: string, state: string): Promise<string> {
  const { cookie, csrfToken } = await signIn(base, { portal: 'retail', username, password: PASSWORD });
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
  const engine = await openEngine('bench:search');
  const { database } = engine;
  let app: Awaited<ReturnType<typeof listeningApp>> | undefined;
  let missed = 0;
  try {
    await migrateDatabase(database);
    const [{ clients } = { clients: '0' }] = await engine.rows<{ clients: string }>(`select count(*) as clients from clients`);
    console.log(
      `Client search benchmark: ${Number(clients).toLocaleString('en-US')} clients, ${engine.name}; p95 of ${SECONDS} s of sequential requests each` +
        ` (goal: HTTP < ${GOAL_MS} ms and ≤ ${GOAL_RATIO} × (SQL + bare route))`,
    );
    const producers = await pickProducers(engine);
    app = await listeningApp(engine);
    const { port, base } = app;
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
        for (const statement of statements) console.log(await explained(engine, statement));
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
