// npm run bench:uploads — filing a Group POR change with a 1 MB PDF (SR-3) through HTTP as a
// producer: POST /api/uploads, then POST /api/producer-services/tickets naming it. Its rate is set
// against the physical limit measured in the same run: writing and fsyncing the same bytes to a
// new file in the same DATA_DIR. Goal: at least 0.5 of it. PGlite by default, PostgreSQL when
// DATABASE_URL is set (a fresh database). BENCH_SECONDS (default 10), BENCH_CONCURRENCY (default 1).
// To show where the time goes it also measures, in the same run, the file store's own put (temp
// file, fsync, rename, directory fsync) and the upload request alone (docs/decisions/0019).
import { mkdir, mkdtemp, open, rm, unlink } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { upsertProducer } from '../src/server/features/imports/producers-import.store.ts';
import { createUser } from '../src/server/features/user-admin/user-accounts.service.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { createDiskFileStore } from '../src/server/platform/file-store/index.ts';
import { samplePdf } from '../test/support/upload-fixtures.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);
const PASSWORD = 'Correct horse 9 bench';
const AGENT_ID = '800000001';
const GOAL = 0.5;
/** A real PDF head and tail around padding: 1 MB exactly. */
const PDF = samplePdf(1024 * 1024 - samplePdf().length - 2);

async function admin(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(query);
  await client.end();
}

/** Runs `once` on CONCURRENCY lanes for SECONDS; returns completions per second. */
async function rate(once: (lane: number) => Promise<void>): Promise<number> {
  let done = 0;
  const started = performance.now();
  const until = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      while (performance.now() < until) {
        await once(lane);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** The limit: a new file with the same bytes, written, fsynced and closed, as the file store does. */
async function fsyncRate(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  let n = 0;
  return rate(async (lane) => {
    const path = join(dir, `${lane}-${n++}.pdf`);
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(PDF);
    await handle.sync();
    await handle.close();
    await unlink(path);
  });
}

/** The durable part of an upload alone: the disk file store's put of the same bytes. */
async function storeRate(dir: string): Promise<number> {
  const store = createDiskFileStore(dir);
  let n = 0;
  return rate(async (lane) => {
    const key = `be/bench-${lane}-${n++}`;
    await store.put({ key, bytes: PDF });
    await store.remove(key);
  });
}

type TSession = { cookie: string; csrfToken: string };

async function logIn(base: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/portals/producers/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.pp', password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

/**
 * The multipart body a browser sends, built once: the load generator shares the server's process
 * (and its two cores), so it should not spend per request what a browser spends elsewhere.
 */
const BOUNDARY = '----PorticoBench7MA4YWxkTrZu0gW';
const MULTIPART = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="POR documentation.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
  PDF,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);

/** POST /api/uploads with the PDF: the first half of the form's Submit. Returns the upload's id. */
async function upload(base: string, session: TSession): Promise<string> {
  const headers = { ...headersOf(session), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  const uploaded = await fetch(`${base}/api/uploads`, { method: 'POST', body: MULTIPART, headers });
  if (uploaded.status !== 201) throw new Error(`upload failed: ${uploaded.status} ${await uploaded.text()}`);
  return ((await uploaded.json()) as { id: string }).id;
}

function headersOf(session: TSession): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
}

/** Upload the PDF, then file the Group POR change that names it: what the form's Submit does. */
async function fileGroupPor(base: string, session: TSession, n: number): Promise<void> {
  const headers = headersOf(session);
  const id = await upload(base, session);
  const request = { type: 'group-por', lineOfBusiness: 'group-medical', accountNumber: `G-${10_000 + n}`, accountName: `Bench Group ${n}`, attachments: [id] };
  const filed = await fetch(`${base}/api/producer-services/tickets`, {
    method: 'POST',
    body: JSON.stringify(request),
    headers: { ...headers, 'content-type': 'application/json' },
  });
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${await filed.text()}`);
  await filed.arrayBuffer();
}

/** Uploads alone, as many as the unclaimed-upload quota lets one user make (it allows 20). */
async function rateOfUploads(base: string, session: TSession): Promise<number> {
  const started = performance.now();
  const count = 18;
  for (let i = 0; i < count; i++) await upload(base, session);
  return count / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  const baseUrl = process.env.DATABASE_URL;
  const name = `portico_bench_uploads_${process.pid}`;
  let databaseUrl: string | undefined;
  if (baseUrl) {
    await admin(baseUrl, `create database ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  console.log(
    `Group POR change with a 1 MB PDF: ${SECONDS} s each side, ${CONCURRENCY} at a time, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, files on the disk in DATA_DIR`,
  );
  const database = await openDatabase({ databaseUrl, dataDir });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await migrateDatabase(database);
    const now = systemClock.now();
    await upsertProducer(
      database.db,
      { agentUniqueId: AGENT_ID, firstName: 'Bench', lastName: 'Producer', email: 'pp@bench.test', agencyName: 'Bench Agency', states: ['TX'] },
      now,
    );
    const deps = { db: database.db, clock: systemClock };
    await createUser(deps, {
      portalId: 'producers',
      username: 'bench.pp',
      password: PASSWORD,
      role: 'primary-producer',
      producerAgentId: AGENT_ID,
      email: 'pp@bench.test',
      actor: { label: 'bench' },
    });
    const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', LOG_LEVEL: 'info' });
    app = await buildApp({ config, database, logStream: { write: () => {} } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const session = await logIn(base);
    let n = 0;
    for (let i = 0; i < 5; i++) await fileGroupPor(base, session, n++); // warm-up
    // The limit before and after, averaged, so a machine that drifts moves both sides alike.
    const before = await fsyncRate(join(dataDir, 'limit'));
    const filed = await rate(() => fileGroupPor(base, session, n++));
    const after = await fsyncRate(join(dataDir, 'limit'));
    const stored = await storeRate(join(dataDir, 'store'));
    // Uploads nobody files count against the user's daily quota: a second user of the same ID would
    // need its own login, so this side runs last and briefly, within the quota's 20 files.
    const uploads = await rateOfUploads(base, session);
    const limit = (before + after) / 2;
    const ratio = filed / limit;
    console.log(`  write + fsync of the same 1 MB, files/s:  ${limit.toFixed(1)} (before ${before.toFixed(1)}, after ${after.toFixed(1)})`);
    console.log(`  the file store's put alone (+ rename, directory fsync), /s: ${stored.toFixed(1)} (${(stored / limit).toFixed(2)} of the limit)`);
    console.log(`  the upload request alone, /s: ${uploads.toFixed(1)} (${(uploads / limit).toFixed(2)} of the limit)`);
    console.log(`  Group POR changes filed (upload + file), /s: ${filed.toFixed(1)}`);
    console.log(`  ratio ${ratio.toFixed(2)} (goal ≥ ${GOAL})  ${ratio >= GOAL ? 'OK' : 'BELOW GOAL'}`);
    console.log(
      `  load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (${availableParallelism()} cores)`,
    );
    if (ratio < GOAL) process.exitCode = 1;
  } finally {
    await app?.close();
    if (!app) await database.close();
    if (baseUrl) await admin(baseUrl, `drop database if exists ${name} with (force)`);
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
