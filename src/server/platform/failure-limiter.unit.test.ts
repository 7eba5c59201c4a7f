import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { FailureLimiter } from './failure-limiter.ts';

describe('FailureLimiter', () => {
  it('blocks a key after the maximum failures in the window and frees it as they age out', () => {
    const clock = new ManualClock();
    const limiter = new FailureLimiter({ maxFailures: 3, windowMinutes: 10 }, clock);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(0);
      limiter.recordFailure('1.2.3.4');
      clock.advance({ minutes: 1 });
    }
    expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(7 * 60);
    expect(limiter.retryAfterSeconds('5.6.7.8')).toBe(0);
    clock.advance({ minutes: 7 });
    expect(limiter.retryAfterSeconds('1.2.3.4')).toBe(0);
  });
});
