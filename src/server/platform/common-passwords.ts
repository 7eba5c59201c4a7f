// The blocklist of ID-4: ~49,000 commonly used passwords shipped by @zxcvbn-ts/language-common,
// compared case-insensitively (a capitalised "Password1" is as guessable as "password1").
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  isCommonPassword('');
  return common?.size ?? 0;
}
