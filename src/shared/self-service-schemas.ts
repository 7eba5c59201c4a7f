// Self-service requests (ID-5 … ID-9), shared by the server (validation at the edge) and the forms.
import { z } from 'zod';
import { PASSWORD_MAX, USERNAME_MAX } from './identity-schemas.ts';
import { withoutControlCharacters } from './text-rules.ts';

export const CHALLENGE_QUESTIONS = [
  'What is the name of the street you grew up on?',
  'What was the name of your first pet?',
  "What is your oldest sibling's middle name?",
  'In what city did your parents meet?',
  'What was the make of your first car?',
  'What was the name of your elementary school?',
] as const;

const agentUniqueId = z
  .string({ error: 'Enter your Agent Unique ID.' })
  .trim()
  .min(1, 'Enter your Agent Unique ID.')
  .regex(/^\d{9}$/, 'The Agent Unique ID is your nine-digit producer number.');

const email = withoutControlCharacters(
  z.string({ error: 'Enter your E-mail Address.' }).trim().min(1, 'Enter your E-mail Address.').max(254, 'The E-mail Address must be at most 254 characters.'),
).pipe(z.email('Enter a valid E-mail Address, like name@example.com.'));

const username = withoutControlCharacters(
  z
    .string({ error: 'Enter your User Name.' })
    .trim()
    .min(1, 'Enter your User Name.')
    .max(USERNAME_MAX, `User Name must be at most ${USERNAME_MAX} characters.`),
);

/** A new user name: what we allow people to choose (existing ones may be anything). */
export const ZNewUsername = username
  .min(3, 'The User Name must be at least 3 characters.')
  .regex(/^[A-Za-z0-9._@-]+$/, 'The User Name can contain letters, numbers and . _ @ - only.');

const password = (label: string) =>
  z
    .string({ error: `Enter your ${label}.` })
    .min(1, `Enter your ${label}.`)
    .max(PASSWORD_MAX, `${label} must be at most ${PASSWORD_MAX} characters.`);
/** A password being chosen: no control characters (one already set is only checked, see ZLoginRequest). */
const newPassword = (label: string) => withoutControlCharacters(password(label));

/** ID-5 registration (retail). The password profile is checked by the server (and by the form with checkPassword). */
export const ZRegistrationRequest = z
  .object({
    agentUniqueId,
    email,
    username: ZNewUsername,
    password: newPassword('Password'),
    confirmPassword: newPassword('Confirm Password'),
  })
  .refine((r) => r.password === r.confirmPassword, { path: ['confirmPassword'], message: 'The passwords do not match.' });
export type TRegistrationRequest = z.infer<typeof ZRegistrationRequest>;

export const ZConfirmRegistrationRequest = z.object({
  token: withoutControlCharacters(z.string({ error: 'The confirmation link is incomplete.' }))
    .min(20, 'The confirmation link is incomplete.')
    .max(128, 'The confirmation link is not valid.'),
});

/** ID-6: retail asks for Agent Unique ID + E-mail Address; producers and employers for the E-mail Address only. */
export const ZForgotUsernameRequest = z.object({ agentUniqueId: agentUniqueId.optional(), email });
export type TForgotUsernameRequest = z.infer<typeof ZForgotUsernameRequest>;

/** ID-7: User Name + (E-mail Address OR Agent Unique ID) on retail; User Name + E-mail Address elsewhere. */
export const ZPasswordResetRequest = z
  .object({
    username,
    email: withoutControlCharacters(z.string().trim().max(254))
      .optional()
      .transform((v) => v || undefined),
    agentUniqueId: withoutControlCharacters(z.string().trim().max(9))
      .optional()
      .transform((v) => v || undefined),
  })
  .refine((r) => r.email !== undefined || r.agentUniqueId !== undefined, {
    path: ['email'],
    message: 'Please enter the User Name AND one of these: 1) Email Address OR 2) Agent Unique ID linked to your account.',
  })
  .refine((r) => r.email === undefined || z.email().safeParse(r.email).success, {
    path: ['email'],
    message: 'Enter a valid E-mail Address, like name@example.com.',
  })
  .refine((r) => r.agentUniqueId === undefined || /^\d{9}$/.test(r.agentUniqueId), {
    path: ['agentUniqueId'],
    message: 'The Agent Unique ID is your nine-digit producer number.',
  });
export type TPasswordResetRequest = z.infer<typeof ZPasswordResetRequest>;

/** ID-8 */
export const ZChangePasswordRequest = z
  .object({
    currentPassword: password('Current Password'),
    newPassword: newPassword('New Password'),
    confirmNewPassword: newPassword('Confirm New Password'),
  })
  .refine((r) => r.newPassword === r.confirmNewPassword, { path: ['confirmNewPassword'], message: 'The new passwords do not match.' });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

/** ID-9 */
export const ZChallengeQuestionRequest = z.object({
  question: z.enum(CHALLENGE_QUESTIONS, { error: 'Choose a question from the list.' }),
  answer: withoutControlCharacters(
    z
      .string({ error: 'Enter your answer.' })
      .trim()
      .min(2, 'Enter your answer (at least 2 characters).')
      .max(100, 'The answer must be at most 100 characters.'),
  ),
});
export type TChallengeQuestionRequest = z.infer<typeof ZChallengeQuestionRequest>;

export const ZMessageResponse = z.object({ message: z.string() });

export const ZProfileResponse = z.object({
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  portal: z.object({ id: z.string(), name: z.string() }),
  passwordProfile: z.object({ id: z.enum(['retail', 'modern']), description: z.string() }),
  challengeQuestion: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type TProfileResponse = z.infer<typeof ZProfileResponse>;

/** Texts of the self-service pages and answers (seed 003; neutral whether or not anything matched). */
export const SELF_SERVICE_TEXTS = {
  requiredNote: '* Denotes a required field.',
  forgotUsernameSent: 'Your User Name has been sent to the email address on file.',
  passwordResetSent: 'A temporary password has been sent to the email address on file.',
  registrationSent:
    'Thank you for registering. We sent a registration confirmation e-mail to your e-mail address on file; open the link in it to finish your registration.',
  registrationConfirmed: 'Your registration is confirmed. You can now log in with your User Name and Password.',
  passwordUpdated: 'Your password has been updated.',
  challengeQuestionUpdated: 'Your challenge question has been updated.',
} as const;
