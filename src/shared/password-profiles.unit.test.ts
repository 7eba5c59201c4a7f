import { describe, expect, it } from 'vitest';
import { checkPassword, PASSWORD_MESSAGES } from './password-profiles.ts';

describe('retail profile (ID-4, seed 003)', () => {
  it.each(['abc123', 'ABCdef', '123456789', 'Retail26'])('accepts %s', (p) => {
    expect(checkPassword('retail', p)).toEqual([]);
  });
  it.each([
    ['abc12', /6 to 9/],
    ['abcdef1234', /6 to 9/],
    ['abc-123', /letters and\/or numbers/],
  ])('refuses %s', (p, message) => {
    expect(checkPassword('retail', p).join(' ')).toMatch(message);
  });
});

describe('modern profile', () => {
  it('accepts any characters from 8 to 64', () => {
    expect(checkPassword('modern', 'correct horse battery ✓')).toEqual([]);
    expect(checkPassword('modern', 'short')).not.toEqual([]);
    expect(checkPassword('modern', 'x'.repeat(65))).not.toEqual([]);
  });
  it('refuses the user name as password, whatever the case', () => {
    expect(checkPassword('modern', 'JaneDoe2026', 'janedoe2026').join(' ')).toMatch(/user name/);
  });
});

describe('blocklist and user name (ID-4)', () => {
  it('refuses a common password, case-insensitively, with its own message', async () => {
    const { isCommonPassword, commonPasswordCount } = await import('../server/platform/common-passwords.ts');
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(10_000);
    expect(checkPassword('retail', 'Zq7mk2wx', { isCommon: isCommonPassword })).toEqual([]);
    expect(checkPassword('retail', 'PASSWORD1', { isCommon: isCommonPassword })).toEqual([PASSWORD_MESSAGES.common]);
    expect(checkPassword('modern', 'iloveyou123', { isCommon: isCommonPassword })).toEqual([PASSWORD_MESSAGES.common]);
    expect(checkPassword('retail', 'jcamp26', { username: 'JCAMP26', isCommon: isCommonPassword })).toEqual([PASSWORD_MESSAGES.username]);
  });
});
