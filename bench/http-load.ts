// A lean HTTP/1.1 load generator for the benchmarks: a fixed number of keep-alive connections,
// one request in flight on each. The server, the database and the load share this machine's
// cores, so the generator must cost as little as it can: autocannon spent ~0.2 ms of CPU per
// request here, this ~0.1 ms (raw sockets, no per-request objects beyond the response bytes).
import { connect } from 'node:net';

export interface TLoadOptions {
  port: number;
  connections: number;
  seconds: number;
  /** The next request, whole (request line, headers, body); called once per request. */
  nextRequest: () => string;
}

export interface TLoadResult {
  ok: number;
  non2xx: number;
  errors: number;
  /** Every request's latency in ms, ascending (the built-in generator only). */
  samples?: number[];
  /** Latency percentiles in ms, rounded. */
  latency: { p50: number; p90: number; p99: number; max: number };
}

/** A POST of a JSON body on a keep-alive connection. */
export function jsonPost(path: string, body: unknown): string {
  const json = JSON.stringify(body);
  return `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(json)}\r\n\r\n${json}`;
}

export async function runLoad(options: TLoadOptions): Promise<TLoadResult> {
  const latencies: number[] = [];
  const counts = { ok: 0, non2xx: 0, errors: 0 };
  const until = performance.now() + options.seconds * 1000;
  await Promise.all(
    Array.from(
      { length: options.connections },
      () =>
        new Promise<void>((resolve) => {
          const socket = connect(options.port, '127.0.0.1');
          socket.setNoDelay(true);
          let pending: Buffer | undefined;
          let sentAt = 0;
          const sendNext = () => {
            if (performance.now() >= until) {
              socket.end();
              resolve();
              return;
            }
            sentAt = performance.now();
            socket.write(options.nextRequest());
          };
          socket.on('connect', sendNext);
          socket.on('error', () => {
            counts.errors++;
            resolve();
          });
          socket.on('data', (chunk: Buffer) => {
            const buffer: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
            const headEnd = buffer.indexOf('\r\n\r\n');
            if (headEnd < 0) return void (pending = buffer);
            const head = buffer.toString('latin1', 0, headEnd);
            const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
            if (length === undefined) {
              // Every Portico response carries a length; anything else is a broken answer.
              counts.errors++;
              socket.destroy();
              resolve();
              return;
            }
            const end = headEnd + 4 + Number(length);
            if (buffer.length < end) return void (pending = buffer);
            pending = buffer.length > end ? buffer.subarray(end) : undefined;
            const status = Number(head.slice(9, 12));
            if (status >= 200 && status < 300) counts.ok++;
            else counts.non2xx++;
            latencies.push(performance.now() - sentAt);
            sendNext();
          });
        }),
    ),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(percentile(latencies, q));
  return { ...counts, samples: latencies, latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: Math.round(latencies.at(-1) ?? 0) } };
}

/** The q-quantile of latencies sorted ascending (0 when there are none). */
export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
