// Rate limits of the public self-service forms (ID-5, ID-7). Per address and per roster entry they
// are in memory, like the login's per-address limit (docs/decisions/0003): a brake, each instance
// keeping its own window. Per account, resets are counted in the database (self-service.store.ts),
// so the ceiling holds across instances and restarts (docs/decisions/0006).
import type { TClock } from '../../platform/clock.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { FailureLimiter, type TFailureLimit } from '../../platform/failure-limiter.ts';

/** Reset requests from one address, matched or not (neutral answer when over). */
export const RESET_REQUESTS_PER_ADDRESS: TFailureLimit = { maxFailures: 20, windowMinutes: 60 };
/** Temporary passwords issued to one account by self-service (neutral answer when over). */
export const RESETS_PER_ACCOUNT = { max: 3, windowHours: 24 } as const;
/** Registration attempts from one address (429 when over). */
export const REGISTRATIONS_PER_ADDRESS: TFailureLimit = { maxFailures: 20, windowMinutes: 60 };
/** Registration attempts naming one Agent Unique ID, from anywhere (429 when over). */
export const REGISTRATIONS_PER_ROSTER_ENTRY: TFailureLimit = { maxFailures: 5, windowMinutes: 60 };

export interface TSelfServiceLimits {
  resetsByAddress: FailureLimiter;
  registrationsByAddress: FailureLimiter;
  registrationsByRosterEntry: FailureLimiter;
}

export interface TSelfServiceDeps extends TDataDeps {
  limits: TSelfServiceLimits;
}

/** Once per app (self-service.routes.ts), like the login's per-address limiter. */
export function createSelfServiceLimits(clock: TClock): TSelfServiceLimits {
  return {
    resetsByAddress: new FailureLimiter(RESET_REQUESTS_PER_ADDRESS, clock),
    registrationsByAddress: new FailureLimiter(REGISTRATIONS_PER_ADDRESS, clock),
    registrationsByRosterEntry: new FailureLimiter(REGISTRATIONS_PER_ROSTER_ENTRY, clock),
  };
}

/**
 * Takes one attempt for every key, unless one of them is over its limit: then takes none and
 * returns the seconds until all may try again (0 when the attempt was taken).
 */
export function takeAttempt(...entries: [FailureLimiter, string | undefined][]): number {
  const wait = Math.max(0, ...entries.map(([limiter, key]) => (key === undefined ? 0 : limiter.retryAfterSeconds(key))));
  if (wait > 0) return wait;
  for (const [limiter, key] of entries) if (key !== undefined) limiter.recordFailure(key);
  return 0;
}
