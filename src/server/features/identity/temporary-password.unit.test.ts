import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../shared/password-profiles.ts';
import { generateTemporaryPassword } from './temporary-password.ts';

describe('generateTemporaryPassword', () => {
  it.each(['retail', 'modern'] as const)('meets the %s profile, mixes letters and digits, and does not repeat', (profile) => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword(profile);
      expect(checkPassword(profile, p)).toEqual([]);
      expect(p).toMatch(/[A-Za-z]/);
      expect(p).toMatch(/\d/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
