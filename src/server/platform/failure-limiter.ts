// Per-address ceiling on failed logins. Account lockout stops guessing one user's password;
// this slows one address trying a few passwords each against many user names (credential
// stuffing). Only failures count, so an office behind one NAT address is never slowed by
// its colleagues' successful logins. In memory: each app instance keeps its own window.
import type { TClock } from './clock.ts';

export interface TFailureLimit {
  maxFailures: number;
  windowMinutes: number;
}

export const DEFAULT_FAILURE_LIMIT: TFailureLimit = { maxFailures: 30, windowMinutes: 15 };

export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly limit: TFailureLimit;
  private readonly clock: TClock;

  constructor(limit: TFailureLimit, clock: TClock) {
    this.limit = limit;
    this.clock = clock;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit.maxFailures) return 0;
    const oldest = recent[recent.length - this.limit.maxFailures] ?? 0;
    return Math.max(1, Math.ceil((oldest + this.windowMs() - this.clock.now().getTime()) / 1000));
  }

  recordFailure(key: string): void {
    const recent = this.recent(key);
    recent.push(this.clock.now().getTime());
    this.failures.set(key, recent.slice(-this.limit.maxFailures));
    if (this.failures.size > 100_000) this.evictStale();
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs();
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private evictStale(): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key).length === 0) this.failures.delete(key);
    }
  }

  private windowMs(): number {
    return this.limit.windowMinutes * 60_000;
  }
}
