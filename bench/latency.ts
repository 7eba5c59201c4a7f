// Latency probes for bench:tickets and bench:search, one request or query in flight at a time so
// the three sides of the ratio (HTTP, its SQL, the bare route) are measured alike: an HTTP GET on a
// keep-alive connection (the lean generator of http-load.ts), and the exact statements a store sent,
// replayed on a pg pool in this process (bench:search replays on PGlite too, through p95Of).
import pg from 'pg';
import { percentile, runLoad } from './http-load.ts';

export interface TCapturedQuery {
  config: pg.QueryConfig;
  values: unknown[] | undefined;
}

/** p95 in ms of GET `path` with the session cookie, for `seconds`; any non-2xx answer fails the run. */
export async function httpP95(input: { port: number; path: string; cookie: string; seconds: number }): Promise<number> {
  const request = `GET ${input.path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncookie: ${input.cookie}\r\n\r\n`;
  const result = await runLoad({ port: input.port, connections: 1, seconds: input.seconds, nextRequest: () => request });
  if (result.non2xx > 0 || result.errors > 0 || result.ok === 0) {
    throw new Error(`GET ${input.path}: ${result.ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors`);
  }
  return percentile(result.samples ?? [], 0.95);
}

/**
 * The statements `work` sends through any pg pool (drizzle's node-postgres driver calls
 * Pool#query(config, values)), in order, with their parameters.
 */
export async function captureQueries(work: () => Promise<unknown>): Promise<TCapturedQuery[]> {
  const captured: TCapturedQuery[] = [];
  const prototype = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    const text = typeof config === 'string' ? config : (config as pg.QueryConfig).text;
    captured.push({ config: { ...(typeof config === 'string' ? {} : (config as pg.QueryConfig)), text }, values: values as unknown[] | undefined });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return captured;
}

/** p95 in ms of running the captured statements as the store does (sent together), for `seconds`. */
export async function sqlP95(pool: pg.Pool, queries: readonly TCapturedQuery[], seconds: number): Promise<number> {
  return p95Of(() => Promise.all(queries.map((query) => pool.query(query.config, query.values))), seconds);
}

/** p95 in ms of `work`, run again and again, one at a time, for `seconds`. */
export async function p95Of(work: () => Promise<unknown>, seconds: number): Promise<number> {
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return percentile(samples, 0.95);
}
