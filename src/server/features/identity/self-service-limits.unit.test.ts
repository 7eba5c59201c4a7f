import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import { FailureLimiter } from '../../platform/failure-limiter.ts';
import { takeAttempt } from './self-service-limits.ts';

describe('takeAttempt', () => {
  it('takes an attempt from every key, or from none when one is over its limit', () => {
    const clock = new ManualClock();
    const byAddress = new FailureLimiter({ maxFailures: 3, windowMinutes: 60 }, clock);
    const byEntry = new FailureLimiter({ maxFailures: 2, windowMinutes: 60 }, clock);
    expect(takeAttempt([byAddress, '10.0.0.1'], [byEntry, '123456789'])).toBe(0);
    expect(takeAttempt([byAddress, '10.0.0.1'], [byEntry, '123456789'])).toBe(0);
    clock.advance({ minutes: 10 });
    // The entry is spent: refused, and the address is not charged for the refusal.
    expect(takeAttempt([byAddress, '10.0.0.1'], [byEntry, '123456789'])).toBe(50 * 60);
    expect(takeAttempt([byAddress, '10.0.0.1'], [byEntry, '987654321'])).toBe(0);
    expect(takeAttempt([byAddress, '10.0.0.1'], [byEntry, '555555555'])).toBe(60 * 60 - 10 * 60);
    expect(takeAttempt([byAddress, undefined], [byEntry, '555555555'])).toBe(0);
    clock.advance({ minutes: 50 });
    expect(takeAttempt([byAddress, '10.0.0.1'], [byEntry, '123456789'])).toBe(0);
  });
});
