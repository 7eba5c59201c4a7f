import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkPassword } from '../../../shared/password-profiles.ts';
import { generateTemporaryPassword, opensTemporaryPassword, sealTemporaryPassword } from './temporary-password.ts';

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

describe('sealTemporaryPassword / opensTemporaryPassword', () => {
  const key = randomBytes(32);

  it('opens with the password under the same key only', () => {
    const sealed = sealTemporaryPassword(key, 'Ab3defGh9');
    expect(opensTemporaryPassword(key, sealed, 'Ab3defGh9')).toBe(true);
    expect(opensTemporaryPassword(key, sealed, 'ab3defGh9')).toBe(false);
    expect(opensTemporaryPassword(key, sealed, 'Ab3defGh')).toBe(false);
    expect(opensTemporaryPassword(randomBytes(32), sealed, 'Ab3defGh9')).toBe(false);
  });

  it('salts each password, so equal passwords are stored differently', () => {
    expect(sealTemporaryPassword(key, 'Ab3defGh9')).not.toBe(sealTemporaryPassword(key, 'Ab3defGh9'));
  });

  it.each([null, undefined, '', 'x', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', 'hmac-sha256$$', 'hmac-sha256$a$b$c'])('never opens %s', (stored) => {
    expect(opensTemporaryPassword(key, stored, 'Ab3defGh9')).toBe(false);
    expect(opensTemporaryPassword(key, stored, '')).toBe(false);
  });
});
