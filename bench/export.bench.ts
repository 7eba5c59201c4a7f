// npm run bench:export — "Download All Users" (LC-6) of 1,000,000 users of one employer group,
// over HTTP from a `portico serve` process on PostgreSQL (DATABASE_URL). Targets: at least
// 100,000 rows/s, and the server's resident memory rising by less than 64 MB while it streams.
// BENCH_USERS=50000 for a quick run. Users are made set-based with generate_series.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { upsertEmployerGroup } from '../src/server/features/imports/groups-import.store.ts';
import { createUser } from '../src/server/features/user-admin/user-accounts.service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { waitForServer } from './support.ts';

const BASE_URL = process.env.DATABASE_URL;
const USERS = Number(process.env.BENCH_USERS ?? 1_000_000);
const PORT = 3990 + Math.floor(Math.random() * 9);
const ACCOUNT = '900001';
const DA = { username: 'bench.da', password: 'Bench horse 9 staple' };
const SAMPLE_MS = 50;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

async function prepareDatabase(url: string): Promise<number> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '/nonexistent' });
  try {
    await migrateDatabase(database);
    await upsertEmployerGroup(database.db, { accountNumber: ACCOUNT, name: 'Bench Manufacturing Co.' }, systemClock.now());
    await createUser(
      { db: database.db, clock: systemClock },
      {
        portalId: 'employers',
        username: DA.username,
        password: DA.password,
        role: 'delegated-admin',
        groupAccountNumber: ACCOUNT,
        email: 'da@bench.test',
        actor: { label: 'bench' },
      },
    );
    const t0 = performance.now();
    // Realistic rows: most have logged in, some never; a few names need CSV quoting or formula neutralising.
    await database.db.execute(sql`
      insert into users (portal_id, username, role, first_name, last_name, email, group_id, status, last_login_at, created_at)
      select 'employers', 'user' || lpad(i::text, 7, '0'), 'employer-user',
        case when i % 997 = 0 then '=Bench' else 'First' || i end,
        case when i % 1000 = 0 then 'O''Brien, "Jr"' else 'Last' || i end,
        'user' || i || '@bench.test',
        (select id from employer_groups where account_number = ${ACCOUNT}),
        case when i % 50 = 0 then 'disabled' else 'active' end,
        case when i % 10 = 0 then null else '2026-11-01'::timestamptz - make_interval(mins => i % 100000) end,
        '2024-01-01'::timestamptz + make_interval(mins => i)
      from generate_series(1, ${USERS}) as i`);
    // As a live table would be: vacuumed (hint bits set, visibility map) and analysed.
    await database.db.execute(sql`vacuum (analyze) users`);
    return (performance.now() - t0) / 1000;
  } finally {
    await database.close();
  }
}

function rssKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match?.[1] ?? 0);
}

async function logIn(base: string): Promise<string> {
  const response = await fetch(`${base}/api/portals/employers/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DA),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** Downloads the CSV, counting records and bytes without keeping the body. */
async function download(base: string, cookie: string): Promise<{ rows: number; bytes: number; seconds: number; firstByteMs: number }> {
  const started = performance.now();
  const response = await fetch(`${base}/api/security-manager/users.csv`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`download failed: ${response.status}`);
  const firstByteMs = performance.now() - started;
  let newlines = 0;
  let bytes = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  }
  // Every record ends with CRLF; quoted fields in this data hold no line breaks. Minus the header.
  return { rows: newlines - 1, bytes, seconds: (performance.now() - started) / 1000, firstByteMs };
}

async function main(): Promise<void> {
  if (!BASE_URL) {
    console.error('bench:export needs DATABASE_URL (a PostgreSQL server), e.g. postgres://root@127.0.0.1:5432/test');
    process.exit(2);
  }
  const name = `portico_bench_export_${process.pid}`;
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  let server: ReturnType<typeof spawn> | undefined;
  try {
    console.log(`Download All Users benchmark: ${USERS.toLocaleString('en-US')} users in one employer group, PostgreSQL`);
    const loadSeconds = await prepareDatabase(url.toString());
    console.log(`  loaded in ${loadSeconds.toFixed(1)} s`);
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
    };
    server = spawn(process.execPath, [join(import.meta.dirname, '../bin/portico.js'), 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const pid = server.pid;
    if (pid === undefined) throw new Error('server did not start');
    const base = `http://127.0.0.1:${PORT}`;
    await waitForServer(`${base}/readyz`);
    const cookie = await logIn(base);
    // Warm the route up on a first page of the list (JIT, connection pool), then settle.
    await (await fetch(`${base}/api/security-manager/users?pageSize=100`, { headers: { cookie } })).arrayBuffer();
    await new Promise((r) => setTimeout(r, 1000));
    const baselineKb = rssKb(pid);
    let peakKb = baselineKb;
    const sampler = setInterval(() => {
      peakKb = Math.max(peakKb, rssKb(pid));
    }, SAMPLE_MS);
    const result = await download(base, cookie);
    clearInterval(sampler);
    peakKb = Math.max(peakKb, rssKb(pid));
    const expected = USERS + 1; // and the DA
    const rate = result.rows / result.seconds;
    const riseMb = (peakKb - baselineKb) / 1024;
    console.log(
      `  rows ${result.rows.toLocaleString('en-US')} (expected ${expected.toLocaleString('en-US')}), ${(result.bytes / 1024 / 1024).toFixed(1)} MB in ${result.seconds.toFixed(2)} s, first byte after ${result.firstByteMs.toFixed(0)} ms`,
    );
    console.log(`  throughput ${Math.round(rate).toLocaleString('en-US')} rows/s (target ≥ 100,000)  ${rate >= 100_000 ? 'OK' : 'BELOW TARGET'}`);
    console.log(
      `  server RSS ${(baselineKb / 1024).toFixed(1)} MB before, peak ${(peakKb / 1024).toFixed(1)} MB: rise ${riseMb.toFixed(1)} MB (target < 64)  ${riseMb < 64 ? 'OK' : 'ABOVE TARGET'}`,
    );
    if (result.rows !== expected) process.exitCode = 1;
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server?.once('exit', r));
    }
    await admin(`drop database if exists ${name} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
