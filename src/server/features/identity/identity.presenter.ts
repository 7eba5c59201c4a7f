import { ROLE_LABELS } from '../../../shared/portals.ts';
import type { TSessionUser } from '../../../shared/identity-schemas.ts';
import type { TUserProfile } from './identity.store.ts';

export function toSessionUser(user: TUserProfile): TSessionUser {
  const displayName = `${user.firstName} ${user.lastName}`.trim() || user.username;
  return {
    id: user.id,
    portal: user.portalId,
    username: user.username,
    role: user.role,
    roleLabel: ROLE_LABELS[user.role] ?? user.role,
    firstName: user.firstName,
    lastName: user.lastName,
    displayName,
    email: user.email,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    producer: user.producer,
    group: user.group,
  };
}
