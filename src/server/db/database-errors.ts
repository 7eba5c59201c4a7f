// What a failed statement says about its input: the SQLSTATE and, for a constraint violation,
// the constraint's name. Both drivers (pg and PGlite, also through our one-trip reader) raise
// pg-protocol's DatabaseError; Drizzle wraps it as the `cause` of a DrizzleQueryError.

export interface TDatabaseErrorInfo {
  /** Five characters, e.g. 23505 (unique violation); its first two are the class. */
  sqlState: string;
  constraint: string | undefined;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The first database error in `error`'s chain of causes, if there is one. */
export function findDatabaseError(error: unknown): TDatabaseErrorInfo | undefined {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && SQLSTATE.test(code) && 'severity' in e) {
      return { sqlState: code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return undefined;
}
