// Temporary passwords (ID-7): from a CSPRNG, always valid under the portal's own profile.
import { randomInt } from 'node:crypto';
import type { TPasswordProfileId } from '../../../shared/portals.ts';

// Letters and digits people cannot confuse when they copy from an e-mail (no 0/O, 1/l/I).
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const LENGTH: Record<TPasswordProfileId, number> = { retail: 9, modern: 16 };

export function generateTemporaryPassword(profile: TPasswordProfileId): string {
  const alphabet = LETTERS + DIGITS;
  for (;;) {
    const chars = Array.from({ length: LENGTH[profile] }, () => alphabet[randomInt(alphabet.length)] ?? 'x');
    const candidate = chars.join('');
    // Both kinds of character, so it satisfies any letters-and-digits rule a person expects.
    if (/[A-Za-z]/.test(candidate) && /\d/.test(candidate)) return candidate;
  }
}
