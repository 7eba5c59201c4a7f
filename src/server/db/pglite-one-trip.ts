// A named statement on PGlite in one trip into its engine, through PGlite's internals, checked at start (docs/decisions/0010-login-overhead.md, 0016-fenced-login-fast-path.md).
import { protocol, type PGlite } from '@electric-sql/pglite';
import { readAnswer, type TTypeParsers } from './pglite-answer.ts';
import { isStalePreparedStatement } from './postgres-prepared.ts';

/** Statement names prepared in each PGlite (one session, so they last as long as it does). */
const prepared = new WeakMap<PGlite, Set<string>>();

/** PGlite's private methods this file calls; an upgrade may rename them. */
const INTERNAL_METHODS = ['_checkReady', '_runExclusiveTransaction', '_runExclusiveQuery', 'execProtocolRawStream', 'syncToFs'] as const;
const SERIALIZERS = ['close', 'parse', 'bind', 'describe', 'execute', 'sync'] as const;

/**
 * What queryInOneTrip needs of this PGlite and its package but does not find (empty: the fast
 * path can run). wrapPglite (client.ts) falls back to PGlite's public query() otherwise.
 */
export function missingPgliteInternals(pglite: PGlite): string[] {
  const target = pglite as unknown as Record<string, unknown>;
  const serialize = (protocol as { serialize?: Record<string, unknown> }).serialize ?? {};
  const missing: string[] = INTERNAL_METHODS.filter((name) => typeof target[name] !== 'function');
  missing.push(...SERIALIZERS.filter((name) => typeof serialize[name] !== 'function').map((name) => `protocol.serialize.${name}`));
  if (typeof target.parsers !== 'object' || target.parsers === null) missing.push('parsers');
  if (typeof (protocol as { messages?: { DatabaseError?: unknown } }).messages?.DatabaseError !== 'function') missing.push('protocol.messages.DatabaseError');
  return missing;
}

/** A statement prepared once under its name, and the values of one run. */
export interface TNamedStatement {
  name: string;
  text: string;
  values: readonly unknown[];
}

/** Parameters go as text; Postgres infers their types from the statement, as for the pg driver. */
export async function queryInOneTrip(pglite: PGlite, { name, text, values: params }: TNamedStatement): Promise<unknown[]> {
  const values = params.map(toTextParameter);
  await pglite._checkReady(); // a closed database answers "PGlite is closed", which reads as unavailable
  // The locks PGlite's query() takes, so the statement never lands inside another caller's
  // open transaction, and two first calls never both prepare it.
  return pglite._runExclusiveTransaction(() =>
    pglite._runExclusiveQuery(async () => {
      await pglite._checkReady(); // closed while this call waited for the locks
      const names = prepared.get(pglite) ?? new Set<string>();
      prepared.set(pglite, names);
      try {
        return await runNamed(pglite, { names, name, text, values, reprepare: false });
      } catch (error) {
        if (!isStalePreparedStatement(error)) throw error;
        // A migration recreated a function the statement calls with other result columns.
        return runNamed(pglite, { names, name, text, values, reprepare: true });
      }
    }),
  );
}

interface TRun {
  /** The statement names this database has prepared. */
  names: Set<string>;
  name: string;
  text: string;
  values: (string | null)[];
  reprepare: boolean;
}

async function runNamed(pglite: PGlite, { names, name, text, values, reprepare }: TRun): Promise<unknown[]> {
  const isNew = reprepare || !names.has(name);
  const message = joinMessages([
    ...(reprepare ? [protocol.serialize.close({ type: 'S', name })] : []),
    ...(isNew ? [protocol.serialize.parse({ name, text })] : []),
    protocol.serialize.bind({ statement: name, values }),
    protocol.serialize.describe({ type: 'P' }),
    protocol.serialize.execute({}),
    protocol.serialize.sync(),
  ]);
  const chunks: Uint8Array[] = [];
  // The engine hands over views of its own memory, which the next call overwrites: copied.
  await pglite.execProtocolRawStream(message, {
    syncToFs: false,
    onRawData: (chunk) => {
      chunks.push(chunk.slice());
    },
  });
  const answer = readAnswer(chunks.length === 1 ? (chunks[0] as Uint8Array) : joinMessages(chunks), pglite.parsers as TTypeParsers);
  if (isNew && answer.parsed) names.add(name);
  if (answer.error) throw answer.error;
  await pglite.syncToFs();
  return answer.rows;
}

function toTextParameter(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`queryInOneTrip: unsupported parameter type ${typeof value}`);
}

/** Protocol messages (or chunks of the engine's output) as one buffer. */
export function joinMessages(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}
