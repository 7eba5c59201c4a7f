// Temporary passwords (ID-7): from a CSPRNG, always valid under the portal's own profile, stored as
// an HMAC-SHA-256 under a server key rather than a second Argon2id, so that checking one costs
// microseconds and a failed login costs one Argon2id whether or not the account has one
// (docs/decisions/0006-temporary-passwords.md).
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { TDb } from '../../db/client.ts';
import { serverSecret } from '../../platform/server-secrets.ts';
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

/** `hmac-sha256$<salt>$<mac>`, base64url. Stored hashes of any other form never match. */
const SCHEME = 'hmac-sha256';

/**
 * The stored form of a temporary password. A random salt per password, so that with a copy of the
 * database and its key each one must be attacked on its own, within its 24 hours.
 */
export function sealTemporaryPassword(key: Buffer, password: string, salt: Buffer = randomBytes(16)): string {
  return `${SCHEME}$${salt.toString('base64url')}$${mac(key, salt, password).toString('base64url')}`;
}

/** Compares in constant time; false for a missing, malformed or older (Argon2id) stored hash. */
export function opensTemporaryPassword(key: Buffer, stored: string | null | undefined, password: string): boolean {
  const [scheme, salt, expected, extra] = stored?.split('$') ?? [];
  if (scheme !== SCHEME || salt === undefined || expected === undefined || extra !== undefined) return false;
  const want = Buffer.from(expected, 'base64url');
  const got = mac(key, Buffer.from(salt, 'base64url'), password);
  return want.length === got.length && timingSafeEqual(want, got);
}

function mac(key: Buffer, salt: Buffer, password: string): Buffer {
  return createHmac('sha256', key).update(salt).update(password, 'utf8').digest();
}

export async function hashTemporaryPassword(db: TDb, password: string): Promise<string> {
  return sealTemporaryPassword(await serverSecret(db, 'temporary-password-hmac'), password);
}

export async function verifyTemporaryPassword(db: TDb, stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) return false;
  return opensTemporaryPassword(await serverSecret(db, 'temporary-password-hmac'), stored, password);
}
