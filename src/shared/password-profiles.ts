// Password profiles (ID-4), defined once for server and forms. The retail profile is the
// seed's (6–9 letters/digits); the others follow NIST SP 800-63B (8–64, any characters).
import type { TPasswordProfileId } from './portals.ts';

export interface TPasswordProfile {
  id: TPasswordProfileId;
  minLength: number;
  maxLength: number;
  /** Characters allowed, or undefined for any. */
  allowed?: RegExp;
  description: string;
}

export const PASSWORD_PROFILES: Record<TPasswordProfileId, TPasswordProfile> = {
  retail: {
    id: 'retail',
    minLength: 6,
    maxLength: 9,
    allowed: /^[A-Za-z0-9]*$/,
    description: 'The password must be six to nine characters, letters and/or numbers only.',
  },
  modern: {
    id: 'modern',
    minLength: 8,
    maxLength: 64,
    description: 'The password must be 8 to 64 characters.',
  },
};

/** Problems with a proposed password, as messages a person can act on; empty when it is fine. */
export function checkPassword(profileId: TPasswordProfileId, password: string, username?: string): string[] {
  const profile = PASSWORD_PROFILES[profileId];
  const problems: string[] = [];
  const length = [...password].length;
  if (length < profile.minLength || length > profile.maxLength) {
    problems.push(`The password must be ${profile.minLength} to ${profile.maxLength} characters.`);
  }
  if (profile.allowed && !profile.allowed.test(password)) {
    problems.push('The password can only contain letters and/or numbers; no special characters are allowed.');
  }
  if (username && password.toLowerCase() === username.toLowerCase()) {
    problems.push('The password must not be your user name.');
  }
  return problems;
}
