// npm run bench:lifecycle — the lifecycle job over 1,000,000 users in PostgreSQL (DATABASE_URL).
// Target: under 10 s, and its time grows with the number of IDs it changes, not the number it
// keeps. Each scenario gets a fresh database; users are made set-based with generate_series.
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { runLifecycle } from '../src/server/features/lifecycle/lifecycle.service.ts';
import { ManualClock } from '../src/server/platform/clock.ts';

const BASE_URL = process.env.DATABASE_URL;
const TOTAL = Number(process.env.BENCH_USERS ?? 1_000_000);
const AS_OF = '2027-01-15';

interface TScenario {
  name: string;
  users: number;
  /** Active IDs unused for more than 180 days (to disable). */
  toDisable: number;
  /** Disabled IDs unused for more than 400 days (to delete). */
  toDelete: number;
  /** IDs 14 days from being disabled (to warn). */
  toWarn: number;
}

const SCENARIOS: TScenario[] = [
  { name: 'baseline', users: TOTAL, toDisable: 10_000, toDelete: 5_000, toWarn: 2_000 },
  { name: '10x changes, same size', users: TOTAL, toDisable: 100_000, toDelete: 50_000, toWarn: 20_000 },
  { name: 'same changes, 1/5 size', users: Math.round(TOTAL / 5), toDisable: 10_000, toDelete: 5_000, toWarn: 2_000 },
];

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

async function scenario(s: TScenario): Promise<void> {
  const name = `portico_bench_lc_${process.pid}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(BASE_URL ?? '');
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
  try {
    await migrateDatabase(database);
    const t0 = performance.now();
    // Row i: the first toDelete are disabled and very old, then toDisable old active ones,
    // then toWarn 170 days old, the rest used last week. Half producers, half employers.
    await database.db.execute(sql`
      insert into users (portal_id, username, role, email, status, last_login_at, created_at, disabled_at)
      select case when i % 2 = 0 then 'producers' else 'employers' end,
             'user' || i,
             case when i % 2 = 0 then 'producer-user' else 'employer-user' end,
             'user' || i || '@example.test',
             case when i <= ${s.toDelete} then 'disabled' else 'active' end,
             ${AS_OF}::timestamptz - make_interval(days => case
               when i <= ${s.toDelete} then 500
               when i <= ${s.toDelete + s.toDisable} then 200
               when i <= ${s.toDelete + s.toDisable + s.toWarn} then 170
               else 7 end),
             '2024-01-01'::timestamptz,
             case when i <= ${s.toDelete} then '2026-06-01'::timestamptz end
      from generate_series(1, ${s.users}) as i`);
    await database.db.execute(sql`analyze users`);
    const loadSeconds = (performance.now() - t0) / 1000;
    const deps = { db: database.db, clock: new ManualClock(`${AS_OF}T02:00:00Z`) };
    const time = async (dryRun: boolean) => {
      const started = performance.now();
      const result = await runLifecycle(deps, { asOf: AS_OF, dryRun, trigger: 'test', publicUrl: 'http://bench' });
      const counts = result.skipped ? {} : Object.fromEntries(result.portals.map((p) => [p.portalId, p.counts]));
      return { seconds: (performance.now() - started) / 1000, counts };
    };
    const dry = await time(true);
    const real = await time(false);
    const again = await time(false);
    const changed = s.toDelete + s.toDisable + s.toWarn;
    console.log(
      `${s.name.padEnd(24)} users ${s.users.toLocaleString('en-US').padStart(9)}, changes ${changed.toLocaleString('en-US').padStart(7)}:` +
        ` run ${real.seconds.toFixed(2)} s (dry run ${dry.seconds.toFixed(2)} s, repeat ${again.seconds.toFixed(2)} s; load ${loadSeconds.toFixed(1)} s)`,
    );
    console.log(`  counts ${JSON.stringify(real.counts)}; repeat ${JSON.stringify(again.counts)}`);
  } finally {
    await database.close();
    await admin(`drop database if exists ${name} with (force)`);
  }
}

if (!BASE_URL) {
  console.error('bench:lifecycle needs DATABASE_URL (a PostgreSQL server), e.g. postgres://root@127.0.0.1:5432/test');
  process.exit(2);
}
console.log(`Lifecycle job benchmark on PostgreSQL, as of ${AS_OF} (target: 1,000,000 users in under 10 s)`);
for (const s of SCENARIOS) await scenario(s);
