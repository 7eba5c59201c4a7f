// The scanned server: `portico serve --demo` as deployed (NODE_ENV=production, request log on),
// on a new embedded database in a temporary folder, never on a database someone cares about.
// Its request log is the scan's own witness: requests and statuses per target, and every 5xx.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startProcess, stopProcess } from './processes.ts';

const PORTICO_BIN = join(import.meta.dirname, '../../bin/portico.js');
/** Variables of the caller's environment that must not reach the scanned server. */
const DROPPED = ['DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM', 'MAIL_RETRY_SECONDS', 'PORT', 'HOST', 'DATA_DIR', 'NODE_ENV', 'LOG_LEVEL'];

export interface TServerError {
  phase: string;
  method: string;
  url: string;
  status: number;
  error: string;
}

export interface TScannedServer {
  base: string;
  port: number;
  /** Requests answered while `phase` was current, by status. */
  statuses(phase: string): Map<number, number>;
  setPhase(phase: string): void;
  serverErrors: TServerError[];
  /** Set when the process ended before stop() asked it to. */
  exitedEarly(): string | undefined;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

export async function startScannedServer(dataDir: string): Promise<TScannedServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of DROPPED) delete env[name];
  Object.assign(env, {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    // As deployed: Secure cookies and HSTS, no dev mailbox. Production needs SMTP; nothing listens
    // on port 9 here, so e-mail stays in the outbox and is retried, never sent.
    NODE_ENV: 'production',
    SMTP_URL: 'smtp://127.0.0.1:9',
    // Production refuses to start without the key that seals bank account numbers.
    PORTICO_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  const child = startProcess(process.execPath, [PORTICO_BIN, 'serve', '--demo'], env);
  const byPhase = new Map<string, Map<number, number>>();
  const serverErrors: TServerError[] = [];
  let phase = 'start';
  let stopping = false;
  let early: string | undefined;
  let tail = '';
  child.once('exit', (code, signal) => {
    if (!stopping) early = `exit ${String(code ?? signal)}; last output:\n${tail}`;
  });
  watchLog(child, (line) => {
    tail = `${tail}${line}\n`.slice(-2000);
    const entry = parseJson(line);
    const status = typeof entry?.statusCode === 'number' ? entry.statusCode : undefined;
    if (!entry || status === undefined || typeof entry.method !== 'string') return;
    const counts = byPhase.get(phase) ?? new Map<number, number>();
    counts.set(status, (counts.get(status) ?? 0) + 1);
    byPhase.set(phase, counts);
    if (status >= 500) {
      const err = entry.err as { message?: unknown } | undefined;
      const message = typeof err?.message === 'string' ? err.message : typeof entry.msg === 'string' ? entry.msg : '';
      serverErrors.push({ phase, method: entry.method, url: typeof entry.url === 'string' ? entry.url : '', status, error: message });
    }
  });
  const base = `http://127.0.0.1:${port}`;
  // Migrations and the demo seed on a busy 2-core machine can take longer than the benchmarks' 30 s.
  for (let i = 0; !(await isReady(base)); i++) {
    if (early !== undefined || i >= 450) {
      stopping = true;
      await stopProcess(child);
      throw new Error(`the server did not start: ${early ?? `not ready after 90 s; last output:\n${tail}`}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    port,
    statuses: (p) => byPhase.get(p) ?? new Map(),
    setPhase: (p) => {
      phase = p;
    },
    serverErrors,
    exitedEarly: () => early,
    stop: async () => {
      stopping = true;
      await stopProcess(child);
    },
  };
}

async function isReady(base: string): Promise<boolean> {
  return fetch(`${base}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
}

function watchLog(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', onLine);
  }
}

function parseJson(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
