// Request shapes shared by the server (validation at the edge) and the web forms.
import { z } from 'zod';
import { withoutControlCharacters } from './text-rules.ts';

export const USERNAME_MAX = 64;
export const PASSWORD_MAX = 128;

export const ZLoginRequest = z.object({
  username: withoutControlCharacters(
    z
      .string({ error: 'Enter your User Name.' })
      .trim()
      .min(1, 'Enter your User Name.')
      .max(USERNAME_MAX, `User Name must be at most ${USERNAME_MAX} characters.`),
  ),
  // Not refused for control characters: a password is only ever hashed, and one set before the
  // rule existed must still log in (new passwords refuse them, self-service-schemas.ts).
  password: z
    .string({ error: 'Enter your Password.' })
    .min(1, 'Enter your Password.')
    .max(PASSWORD_MAX, `Password must be at most ${PASSWORD_MAX} characters.`),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  portal: z.string(),
  username: z.string(),
  role: z.string(),
  roleLabel: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  producer: z.object({ agentUniqueId: z.string(), company: z.string().nullable() }).nullable(),
  group: z.object({ accountNumber: z.string(), name: z.string() }).nullable(),
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSessionResponse = z.object({
  user: ZSessionUser,
  portal: z.object({ id: z.string(), name: z.string() }),
  csrfToken: z.string(),
  /** Logged in with a temporary password (ID-7): only Change Password works until it is changed. */
  mustChangePassword: z.boolean(),
});
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
