// npm run security:scan — starts `portico serve --demo` on a new embedded database in a temporary
// folder and sweeps it with wapiti (modules named explicitly) and sqlmap (every JSON operation,
// signed in where the operation needs it). Nothing is sent anywhere but 127.0.0.1.
// Exit 0: no findings; 1: findings; 2: the scan could not run or could not finish a part of it.
// Reports stay in .tmp/security-scan/. Not part of `npm test`. Details: docs/security-scan.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canIsolate, isIsolated, rerunIsolated } from './security-scan/isolate.ts';
import { stopAll } from './security-scan/processes.ts';
import { startScannedServer } from './security-scan/server.ts';
import { cookieFlagProblems, findUserIds, logIn } from './security-scan/sessions.ts';
import { sweepWithSqlmap, sweepWithWapiti, type TOutcome } from './security-scan/sweep.ts';
import { ACTED_ON_USERS, NOT_SCANNED, openApiOperations, TARGETS } from './security-scan/targets.ts';
import { ensureTools, SetupError, type TTools } from './security-scan/tools.ts';
import { WAPITI_MODULES } from './security-scan/wapiti.ts';
import { summarize } from './security-scan/summary.ts';

const SCRIPT = fileURLToPath(import.meta.url);
const REPORTS = join(import.meta.dirname, '../.tmp/security-scan');
const started = performance.now();
/** The whole scan's limit: runs that would start later are skipped (exit 2). About 6 min on 2 cores. */
const MAX_MINUTES = Number(process.env.SECURITY_SCAN_MAX_MINUTES ?? 15);

/** Proxies would carry the tools' requests off the machine; `*` in NO_PROXY bypasses any left. */
function toolEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, TERM: 'dumb', NO_PROXY: '*', no_proxy: '*' };
  for (const name of ['http_proxy', 'https_proxy', 'all_proxy', 'HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY']) delete env[name];
  return env;
}

async function scan(tools: TTools): Promise<number> {
  const missing = WAPITI_MODULES.filter((m) => !tools.wapitiModules.has(m));
  if (missing.length > 0) throw new SetupError(`wapiti ${tools.wapitiVersion} has no module ${missing.join(', ')} (the scan names wapiti 3.0.4's modules)`);
  if (process.env.DATABASE_URL) console.log('DATABASE_URL is set and ignored: the scan always runs on a new embedded database in a temporary folder.');
  const work = await mkdtemp(join(tmpdir(), 'portico-security-scan-'));
  // One clean-up, whoever asks first (the end of the scan or a signal); the other waits for it.
  let cleaning: Promise<void> | undefined;
  const cleanup = () => (cleaning ??= stopAll().then(() => rm(work, { recursive: true, force: true })));
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\nsecurity scan: ${signal}: stopping the tools and the server, removing ${work}`);
      void cleanup().finally(() => process.exit(130));
    });
  }
  try {
    return await sweep(tools, work);
  } catch (error) {
    if (interrupted) return 130;
    throw error;
  } finally {
    await cleanup();
  }
}

async function sweep(tools: TTools, work: string): Promise<number> {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  mkdirSync(join(work, 'home'));
  const env = toolEnv(join(work, 'home'));
  const server = await startScannedServer(join(work, 'data'));
  try {
    console.log(`server: portico serve --demo at ${server.base}, NODE_ENV=production, embedded database in ${join(work, 'data')}`);
    server.setPhase('setup');
    const operations = openApiOperations(
      (await (await fetch(`${server.base}/api/openapi.json`)).json()) as { paths?: Record<string, Record<string, unknown>> },
    );
    const covered = new Set([...TARGETS.map((t) => t.operation), ...Object.keys(NOT_SCANNED)]);
    const uncovered = operations.filter((o) => !covered.has(o));
    const stale = [...covered].filter((o) => !operations.includes(o));
    if (uncovered.length > 0) throw new SetupError(`operations the scan does not cover (add them to bench/security-scan/targets.ts): ${uncovered.join(', ')}`);
    if (stale.length > 0) throw new SetupError(`targets.ts names operations the server does not have: ${stale.join(', ')}`);
    const staff = await logIn(server.base, 'staff');
    const cookieProblems = cookieFlagProblems(staff.setCookie).map((p) => `session cookie: ${p} (${staff.setCookie.replace(/=[^;]+/, '=…')})`);
    const userIds = await findUserIds(server.base, staff, ACTED_ON_USERS);
    console.log(`wapiti ${tools.wapitiVersion}: ${WAPITI_MODULES.join(', ')} …`);
    const sweepOptions = { server, userIds, dirs: { reports: REPORTS, work }, env, deadline: started + MAX_MINUTES * 60_000 };
    const outcomes: TOutcome[] = await sweepWithWapiti(tools.wapiti, sweepOptions);
    console.log(`sqlmap ${tools.sqlmapVersion}: ${TARGETS.length} targets …`);
    outcomes.push(...(await sweepWithSqlmap(tools.sqlmap, sweepOptions)));
    const text = summarize({
      outcomes,
      cookieProblems,
      crashed: server.exitedEarly(),
      serverErrors: server.serverErrors,
      notScanned: NOT_SCANNED,
      tools: `wapiti ${tools.wapitiVersion}, sqlmap ${tools.sqlmapVersion}`,
      isolated: isIsolated(),
      reports: REPORTS,
      seconds: (performance.now() - started) / 1000,
    });
    console.log(text.report);
    writeFileSync(join(REPORTS, 'summary.txt'), text.report);
    return text.exitCode;
  } finally {
    await server.stop();
  }
}

async function main(): Promise<number> {
  try {
    if (!isIsolated()) {
      ensureTools({ mayInstall: true }); // before isolation: apt-get needs the network
      if (canIsolate()) {
        console.log('network: the scan runs in a private network namespace (unshare --net) whose only interface is loopback');
        return await rerunIsolated(SCRIPT, process.argv.slice(2));
      }
      console.log('network: no private namespace here (needs root, unshare and ip); the module choice and flags keep every request on 127.0.0.1');
    }
    return await scan(ensureTools({ mayInstall: false }));
  } catch (error) {
    console.error(
      `security scan: setup failed: ${error instanceof SetupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 2;
  }
}

process.exit(await main());
