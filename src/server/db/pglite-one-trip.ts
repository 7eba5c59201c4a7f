// A parameterised statement on PGlite in one trip into the embedded Postgres. PGlite's own
// query() makes six (Parse, Describe statement, Bind, Describe portal, Execute, Sync), each a
// crossing into WebAssembly on the server's one JavaScript thread; on the login path that was
// most of PGlite's cost (docs/decisions/0010-login-overhead.md). Parameters go as text and
// Postgres infers their types from the statement, as it does for the pg driver.
import { parse, protocol, type PGlite } from '@electric-sql/pglite';

export async function queryInOneTrip<T>(pglite: PGlite, text: string, params: readonly unknown[]): Promise<T[]> {
  const message = joinMessages([
    protocol.serialize.parse({ text }),
    protocol.serialize.bind({ values: params.map(toTextParameter) }),
    protocol.serialize.describe({ type: 'P' }),
    protocol.serialize.execute({}),
    protocol.serialize.sync(),
  ]);
  // The locks PGlite's query() takes, so the statement never lands inside another caller's
  // open transaction.
  return pglite._runExclusiveTransaction(() => pglite._runExclusiveQuery(async () => {
    const { messages } = await pglite.execProtocol(message, { syncToFs: false });
    await pglite.syncToFs();
    return (parse.parseResults(messages, pglite.parsers)[0]?.rows ?? []) as T[];
  }));
}

function toTextParameter(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`queryInOneTrip: unsupported parameter type ${typeof value}`);
}

function joinMessages(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
