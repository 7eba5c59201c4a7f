// ID-4 on the server: the portal's profile, the blocklist and the user name, one error per problem.
import { checkPassword } from '../../shared/password-profiles.ts';
import type { TPasswordProfileId } from '../../shared/portals.ts';
import { isCommonPassword } from './common-passwords.ts';
import { AppError } from './errors.ts';

export function assertPasswordAllowed({
  profile,
  password,
  username,
  field = 'password',
}: {
  profile: TPasswordProfileId;
  password: string;
  username: string;
  field?: string;
}): void {
  const problems = checkPassword(profile, password, { username, isCommon: isCommonPassword });
  if (problems.length) {
    throw new AppError('user.weak_password', { message: problems.join(' '), fields: problems.map((message) => ({ field, message })) });
  }
}
