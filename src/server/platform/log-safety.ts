// Errors on their way to a log or a terminal. Drizzle's DrizzleQueryError carries the bound
// values of the failed statement (`params`, and again in its message and stack), and those can be
// a temporary password or a reset link in an outbox row, a CSRF token, a password hash. The SQL
// text stays (it says what failed); the values never leave the process.

const PARAMS_LINE = /\nparams: [\s\S]*?(?=\n {4}at |\ncaused by: |$)/;

function withoutParamsLine(text: string): string {
  return text.replace(PARAMS_LINE, '\nparams: [redacted]');
}

/** `error` (and its causes) with the bound values of failed queries removed; other values pass through. */
export function redactQueryParams(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 8) return error;
  const { params, cause } = error as Error & { params?: unknown };
  const safeCause = cause === undefined ? undefined : redactQueryParams(cause, depth + 1);
  if (params === undefined && safeCause === cause) return error;
  const copy = new Error(withoutParamsLine(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : withoutParamsLine(error.stack);
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'params' && key !== 'cause') (copy as unknown as Record<string, unknown>)[key] = value;
  }
  if (safeCause !== undefined) copy.cause = safeCause;
  return copy;
}

/** The message of an error for one line on a terminal, without query values. */
export function safeErrorMessage(error: unknown): string {
  const safe = redactQueryParams(error);
  return safe instanceof Error ? safe.message : String(safe);
}
