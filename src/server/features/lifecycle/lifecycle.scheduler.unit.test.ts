import { describe, expect, it } from 'vitest';
import { msUntilNextRun } from './lifecycle.scheduler.ts';

describe('msUntilNextRun', () => {
  it('waits until 02:00 UTC today, or tomorrow once it has passed', () => {
    expect(msUntilNextRun(new Date('2026-11-22T01:30:00Z'))).toBe(30 * 60_000);
    expect(msUntilNextRun(new Date('2026-11-22T02:00:00Z'))).toBe(24 * 3_600_000);
    expect(msUntilNextRun(new Date('2026-11-22T23:00:00Z'))).toBe(3 * 3_600_000);
  });
});
