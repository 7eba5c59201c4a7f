// The login load through wrk (Debian's `wrk`, a C load generator), when it is installed: it
// costs a fraction of the CPU of any Node generator, and the load generator shares this
// machine's cores with the server it measures. Same result shape as http-load.ts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLoadResult } from './http-load.ts';
import { procStatFields } from './support.ts';

export function wrkInstalled(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

export interface TWrkLogin {
  port: number;
  connections: number;
  seconds: number;
  path: string;
  /** Users bench0 … bench{users-1}, taken in turn. */
  users: number;
  password: string;
}

/** Runs wrk; `cpuSeconds` is the CPU wrk itself used. */
export async function runWrkLogins(options: TWrkLogin): Promise<TLoadResult & { cpuSeconds: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-wrk-'));
  const script = join(dir, 'login.lua');
  await writeFile(
    script,
    `
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"username":"bench%d","password":"%s"}', n % ${options.users}, "${options.password}")
  return wrk.format("POST", "${options.path}", { ["content-type"] = "application/json" }, body)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %.3f %.3f %.3f %.3f\\n", summary.requests, e.status,
    e.connect + e.read + e.write + e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
`,
  );
  try {
    const child = spawn('wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '-s', script, `http://127.0.0.1:${options.port}`], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const childCpuBefore = childrenCpuSeconds();
    const code = await new Promise((resolve) => child.once('exit', resolve));
    const fields = /RESULT (.+)/.exec(output)?.[1]?.split(' ').map(Number);
    if (code !== 0 || !fields || fields.length !== 7) throw new Error(`wrk failed (exit ${String(code)}): ${output}`);
    const [requests = 0, non2xx = 0, errors = 0, p50 = 0, p90 = 0, p99 = 0, max = 0] = fields;
    return {
      ok: requests - non2xx,
      non2xx,
      errors,
      latency: { p50: Math.round(p50), p90: Math.round(p90), p99: Math.round(p99), max: Math.round(max) },
      cpuSeconds: childrenCpuSeconds() - childCpuBefore,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** CPU seconds of this process's finished children (Linux /proc). */
function childrenCpuSeconds(): number {
  const fields = procStatFields('/proc/self/stat');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
