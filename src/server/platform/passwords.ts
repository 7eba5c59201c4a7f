// Argon2id with OWASP's parameters (ID-4). Unknown user names are verified against a dummy
// hash made with the same parameters, so they cost the same work as real ones.
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const ARGON2_OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, which type stripping cannot inline)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies `password` against `passwordHash`, or against a dummy hash when there is none. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummyHash ??= hashPassword(randomBytes(18).toString('base64url'))));
  try {
    const ok = await verify(target, password);
    return ok && passwordHash != null;
  } catch {
    return false; // a malformed stored hash never lets anyone in
  }
}
