// Nothing the scan sends may leave 127.0.0.1. The module choice and flags see to that (see
// docs/security-scan.md), and where Linux allows it the whole scan (server, wapiti, sqlmap)
// also runs in a network namespace of its own whose only interface is loopback: a tool that
// tried to reach another host would fail at once instead of reaching it.
import { spawn, spawnSync } from 'node:child_process';
import { which } from './processes.ts';

const MARK = 'PORTICO_SECURITY_SCAN_ISOLATED';

export function isIsolated(): boolean {
  return process.env[MARK] === '1';
}

/** Whether this process may create a network namespace (root, unshare and ip present, and allowed). */
export function canIsolate(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !which('unshare') || !which('ip')) return false;
  return spawnSync('unshare', ['--net', 'true'], { stdio: 'ignore' }).status === 0;
}

/**
 * Runs this same script again inside a new network namespace with loopback up, and returns its
 * exit code. The child handles Ctrl-C (it reaches both through the terminal); a SIGTERM sent to
 * this process alone is passed on.
 */
export async function rerunIsolated(script: string, args: readonly string[]): Promise<number> {
  const child = spawn('unshare', ['--net', '--', 'sh', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolve) => {
    child.once('error', () => resolve(2));
    child.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 2)));
  });
}
