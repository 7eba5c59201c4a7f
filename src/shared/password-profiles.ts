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

export const PASSWORD_MESSAGES = {
  common: 'This password is on a list of commonly used passwords. Choose one that is harder to guess.',
  username: 'The password must not be your user name.',
} as const;

export interface TPasswordCheckOptions {
  username?: string | undefined;
  /** The blocklist (ID-4); the server always passes it, forms may leave it to the server. */
  isCommon?: (password: string) => boolean;
}

/** Problems with a proposed password, as messages a person can act on; empty when it is fine. */
export function checkPassword(profileId: TPasswordProfileId, password: string, options: TPasswordCheckOptions | string = {}): string[] {
  const { username, isCommon } = typeof options === 'string' ? { username: options, isCommon: undefined } : options;
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
    problems.push(PASSWORD_MESSAGES.username);
  } else if (isCommon?.(password)) {
    problems.push(PASSWORD_MESSAGES.common);
  }
  return problems;
}
