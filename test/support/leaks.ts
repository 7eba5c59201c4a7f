// What must never reach a caller, whatever they sent: Drizzle's failed-query text, SQL, stack frames.
export const INTERNALS = [
  /failed query/i,
  /insert into/i,
  /select /i,
  /\bat (?:\S+ )?\(?(?:file:\/\/|node:)?[\w./-]+\.(?:js|ts|mjs|cjs):\d+:\d+/,
  /node_modules/,
];

/** The first pattern of INTERNALS that `text` shows, if any. */
export function leakIn(text: string): RegExp | undefined {
  return INTERNALS.find((pattern) => pattern.test(text));
}
