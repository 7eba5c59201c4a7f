// npm run bench:login — sustained successful logins per second over HTTP, against the physical
// limit measured in the same run: raw Argon2id verifications per second with the same parameters.
// Uses DATABASE_URL when set (a fresh database on that server), else embedded PGlite.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { createUser } from '../src/server/features/user-admin/user-accounts.service.ts';
import { upsertProducer } from '../src/server/features/imports/producers-import.store.ts';
import { systemClock } from '../src/server/platform/clock.ts';
import { jsonPost, runLoad } from './http-load.ts';
import { procStatFields, waitForServer } from './support.ts';
import { runWrkLogins, wrkInstalled } from './wrk-load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RAW_SECONDS = Number(process.env.BENCH_RAW_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const USERS = 40;
const PORT = 3900 + Math.floor(Math.random() * 90);
const PASSWORD = 'Bench2026';
/** Extra node flags for the server, e.g. BENCH_SERVER_NODE_ARGS=--cpu-prof to profile it. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** Raw Argon2id verifications per second, measured in a child process with the server's environment. */
async function rawVerificationsPerSecond(seconds: number, concurrency: number, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'argon-limit.ts'), String(seconds), String(concurrency)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise((resolve) => child.once('exit', resolve));
  const rate = Number(output.trim());
  if (code !== 0 || !(rate > 0)) throw new Error(`argon-limit.ts failed (exit ${String(code)}): ${output}`);
  return rate;
}

async function prepareDatabase(): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `portico_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const database = await openDatabase({ databaseUrl, dataDir });
  await migrateDatabase(database);
  const deps = { db: database.db, clock: systemClock };
  for (let i = 0; i < USERS; i++) {
    const agentUniqueId = String(999_000_000 + i);
    await upsertProducer(
      database.db,
      { agentUniqueId, firstName: 'Bench', lastName: `Mark${i}`, email: `bench${i}@example.test`, agencyName: 'Bench Agency', states: ['TX'] },
      new Date(),
    );
    await createUser(deps, {
      portalId: 'retail',
      username: `bench${i}`,
      password: PASSWORD,
      role: 'retail-producer',
      producerAgentId: agentUniqueId,
      actor: { label: 'bench' },
    });
  }
  await database.close();
  return {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PORT: String(PORT),
      NODE_ENV: 'production',
      // As deployed: the request log on (its stdout goes nowhere here).
      LOG_LEVEL: 'info',
      // Production needs an SMTP server; logins send no mail, so an unreachable one will do.
      SMTP_URL: 'smtp://127.0.0.1:9',
      // Production refuses to start without the key that seals bank account numbers.
      PORTICO_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    cleanup: async () => {
      await dropDatabase();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds a process has used so far (Linux /proc; 0 elsewhere). */
function processCpuSeconds(pid: number | undefined, task = ''): number {
  try {
    const fields = procStatFields(`/proc/${pid}${task}/stat`);
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds per thread name of one process (libuv-worker runs Argon2id; the main thread is the process's name). */
function threadCpuSeconds(pid: number | undefined): Map<string, number> {
  const byName = new Map<string, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
        byName.set(name, (byName.get(name) ?? 0) + processCpuSeconds(pid, `/task/${tid}`));
      } catch {
        /* the thread ended meanwhile */
      }
    }
  } catch {
    /* not Linux */
  }
  return byName;
}

/** CPU seconds used so far by every process whose command name is `name` (e.g. the PostgreSQL server). */
function processesCpuSeconds(name: string): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name) total += processCpuSeconds(Number(pid));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return total;
}

/** CPU seconds the whole machine has been busy so far. */
function machineBusySeconds(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.split(/\s+/).slice(1).map(Number) ?? [];
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return (cpu.reduce((a, b) => a + b, 0) - idle) / 100;
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  const useWrk = process.env.BENCH_LOAD !== 'node' && wrkInstalled();
  console.log(
    `Portico login benchmark: ${cores} cores, ${SECONDS}s, ${CONNECTIONS} connections, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'},` +
      ` load from ${useWrk ? 'wrk' : 'the built-in Node generator (apt-get install wrk for a lighter one)'}`,
  );
  const { env, cleanup } = await prepareDatabase();
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, join(import.meta.dirname, '../bin/portico.js'), 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/readyz`);
    let n = 0;
    const path = '/api/portals/retail/login';
    /** The login load and the CPU seconds the load generator spent on it. */
    const load = async (seconds: number) => {
      if (useWrk) return runWrkLogins({ port: PORT, connections: CONNECTIONS, seconds, path, users: USERS, password: PASSWORD });
      const cpu = process.cpuUsage();
      const result = await runLoad({
        port: PORT,
        connections: CONNECTIONS,
        seconds,
        nextRequest: () => jsonPost(path, { username: `bench${n++ % USERS}`, password: PASSWORD }),
      });
      const used = process.cpuUsage(cpu);
      return { ...result, cpuSeconds: (used.user + used.system) / 1e6 };
    };
    await load(3); // warm-up: JIT, connection pool, cached plans
    // The limit is measured before and after the HTTP run and averaged, so drift on a shared
    // machine affects both sides of the ratio alike.
    const rawBefore = await rawVerificationsPerSecond(RAW_SECONDS, cores * 2, env);
    const threadsBefore = threadCpuSeconds(server.pid);
    const before = { server: processCpuSeconds(server.pid), postgres: processesCpuSeconds('postgres'), machine: machineBusySeconds() };
    const result = await load(SECONDS);
    const after = { server: processCpuSeconds(server.pid), postgres: processesCpuSeconds('postgres'), machine: machineBusySeconds() };
    const threadsAfter = threadCpuSeconds(server.pid);
    const rawAfter = await rawVerificationsPerSecond(RAW_SECONDS, cores * 2, env);
    const raw = (rawBefore + rawAfter) / 2;
    const ok = result.ok;
    const cpuMs = (seconds: number) => ((seconds * 1000) / ok).toFixed(2);
    const loginsPerSecond = ok / SECONDS;
    console.log(`raw Argon2id verifications/s (m=19456 KiB, t=2, p=1): ${raw.toFixed(1)} (before ${rawBefore.toFixed(1)}, after ${rawAfter.toFixed(1)})`);
    console.log(`successful HTTP logins/s:                          ${loginsPerSecond.toFixed(1)}`);
    console.log(`ratio to the physical limit:                       ${((loginsPerSecond / raw) * 100).toFixed(1)} %  (target ≥ 85 %)`);
    console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
    console.log(`non-2xx responses: ${result.non2xx}, errors: ${result.errors}`);
    console.log(
      `CPU per login, ms: server process ${cpuMs(after.server - before.server)} (of which Argon2id ≈ ${((1000 * cores) / raw).toFixed(2)}),` +
        ` PostgreSQL server ${cpuMs(after.postgres - before.postgres)}, load generator ${cpuMs(result.cpuSeconds)},` +
        ` whole machine ${cpuMs(after.machine - before.machine)}`,
    );
    const argonSeconds = (threadsAfter.get('libuv-worker') ?? 0) - (threadsBefore.get('libuv-worker') ?? 0);
    const argonShare = argonSeconds / (after.machine - before.machine);
    // Measured in the same seconds as the logins, so a machine that speeds up or slows down
    // between the limit's runs and the HTTP run does not move it (the ratio above can).
    console.log(`Argon2id's share of the machine's CPU during the HTTP run: ${(argonShare * 100).toFixed(1)} %`);
    // ratio = share × busy × speed, exactly: where the rest of the limit went.
    const busy = (after.machine - before.machine) / (cores * SECONDS);
    const speed = cores / raw / (argonSeconds / ok);
    console.log(
      `the ratio's parts: that share × machine busy ${(busy * 100).toFixed(1)} % × Argon2id's speed in the server` +
        ` against the limit's runs ${(speed * 100).toFixed(1)} %`,
    );
    console.log(
      `server threads, CPU ms per login: ${[...threadsAfter]
        .map(([name, s]) => [name, s - (threadsBefore.get(name) ?? 0)] as const)
        .filter(([, s]) => s > 0)
        .sort((a, b) => b[1] - a[1])
        .map(([name, s]) => `${name} ${cpuMs(s)}`)
        .join(', ')}`,
    );
    console.log(`per core: ${(loginsPerSecond / cores).toFixed(1)} logins/s (Keycloak's sizing guide plans 15 password logins/s per vCPU)`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await cleanup();
  }
}

await main();
