// The operator's `users create` fields, checked by the same rules as the administrators' forms.
import { z } from 'zod';
import { ZNewUsername } from '../../../shared/self-service-schemas.ts';
import { personName, ZEmailAddress } from '../../../shared/user-admin-schemas.ts';

export const ZCreateUserFields = z.object({
  username: ZNewUsername,
  email: ZEmailAddress.optional(),
  firstName: personName('First Name').optional(),
  lastName: personName('Last Name').optional(),
});
export type TCreateUserFields = z.infer<typeof ZCreateUserFields>;
