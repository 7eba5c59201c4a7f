// Every process the scan starts, so that the end of the scan (normal, failed or Ctrl-C) stops
// them all by their own ids and leaves nothing running.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const running = new Set<ChildProcess>();

export interface TRunResult {
  code: number | null;
  timedOut: boolean;
  output: string;
  seconds: number;
}

export interface TRunOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutSeconds: number;
  /** The tool's stdout and stderr, kept as its evidence next to its report. */
  logFile: string;
}

/**
 * Runs a tool to its end or its time limit. It gets its own process group, so a terminal's
 * Ctrl-C reaches only the scan (which then stops it) and never a tool's interactive prompt
 * (wapiti asks "r/n/q/c" on SIGINT).
 */
export async function runTool(command: string, args: readonly string[], options: TRunOptions): Promise<TRunResult> {
  const started = performance.now();
  const child = spawn(command, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  const chunks: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stderr.on('data', (d: Buffer) => chunks.push(d));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopProcess(child);
  }, options.timeoutSeconds * 1000);
  const code = await new Promise<number | null>((resolve) => {
    child.once('error', () => resolve(127));
    child.once('close', (c) => resolve(c));
  });
  clearTimeout(timer);
  running.delete(child);
  const output = Buffer.concat(chunks).toString('utf8');
  writeFileSync(options.logFile, output);
  return { code, timedOut, output, seconds: (performance.now() - started) / 1000 };
}

/** Starts a long-running child (the server) in its own process group; stopAll() ends it. */
export function startProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** SIGTERM to the child's process group, SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child.pid, 'SIGTERM');
  const killTimer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(killTimer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stopProcess(child)));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  if (pid <= 0) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** The absolute path of `name` on PATH, or undefined. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      /* not here */
    }
  }
  return undefined;
}
