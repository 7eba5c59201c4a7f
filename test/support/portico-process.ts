// The `portico` command as an operator runs it: a real process on the pinned Node 24.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const PORTICO_BIN = join(import.meta.dirname, '../../bin/portico.js');
export const PORTICO_NODE = join(import.meta.dirname, '../../node_modules/.bin/node');
const execFileAsync = promisify(execFile);

export interface TCommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runPortico(env: NodeJS.ProcessEnv, ...args: string[]): Promise<TCommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(PORTICO_NODE, [PORTICO_BIN, ...args], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

export interface TServeProcess {
  base: string;
  ready: boolean;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** Sends the signal (e.g. SIGKILL, a crash) and waits until the process is gone and reaped. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `portico serve` and waits (up to 60 s: a first start migrates and loads the whole demo, on
 * a machine busy with other tests) for /readyz; a server that never gets ready is killed.
 */
export async function startPorticoServe(env: NodeJS.ProcessEnv, port = 4100 + Math.floor(Math.random() * 800)): Promise<TServeProcess> {
  const child = spawn(PORTICO_NODE, [PORTICO_BIN, 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let ready = false;
  for (let i = 0; i < 300 && !ready; i++) {
    await new Promise((r) => setTimeout(r, 200));
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
  }
  if (!ready) child.kill('SIGKILL');
  return {
    base: `http://127.0.0.1:${port}`,
    ready,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async (signal) => {
      child.kill(signal);
      await exited;
    },
  };
}
