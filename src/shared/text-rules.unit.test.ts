import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZLoginRequest } from './identity-schemas.ts';
import {
  ZChallengeQuestionRequest,
  ZChangePasswordRequest,
  ZConfirmRegistrationRequest,
  ZForgotUsernameRequest,
  ZPasswordResetRequest,
  ZRegistrationRequest,
} from './self-service-schemas.ts';
import { CONTROL_CHARACTER_MESSAGE } from './text-rules.ts';
import { ZAuditSearchQuery, ZCreateGroupUserRequest, ZPortalTexts, ZStaffUserSearchQuery } from './user-admin-schemas.ts';

const text = 'Policy text.';
/** Each request schema with a valid request and the text fields a person fills in. */
const REQUESTS: [string, z.ZodType, Record<string, unknown>, string[]][] = [
  ['login', ZLoginRequest, { username: 'ann', password: 'secret' }, ['username']],
  [
    'registration',
    ZRegistrationRequest,
    { agentUniqueId: '000600492', email: 'a@example.test', username: 'ann.r', password: 'Abc12345', confirmPassword: 'Abc12345' },
    ['email', 'username', 'password'],
  ],
  ['confirmation', ZConfirmRegistrationRequest, { token: 'a'.repeat(43) }, ['token']],
  ['forgot user name', ZForgotUsernameRequest, { email: 'a@example.test' }, ['email']],
  ['password reset', ZPasswordResetRequest, { username: 'ann', email: 'a@example.test' }, ['username', 'email']],
  ['change password', ZChangePasswordRequest, { currentPassword: 'Old#12345', newPassword: 'New#12345', confirmNewPassword: 'New#12345' }, ['newPassword']],
  ['challenge question', ZChallengeQuestionRequest, { question: 'What was the name of your first pet?', answer: 'Rex' }, ['answer']],
  [
    'create user',
    ZCreateGroupUserRequest,
    { username: 'new.user', firstName: 'Pat', lastName: 'Lee', email: 'p@example.test' },
    ['username', 'firstName', 'lastName', 'email'],
  ],
  ['staff search', ZStaffUserSearchQuery, { q: 'lee', group: '100234' }, ['q', 'group']],
  ['audit search', ZAuditSearchQuery, { user: 'ann' }, ['user']],
  [
    'portal texts',
    ZPortalTexts,
    { invalidCredentials: text, locked: text, disabled: text, deleted: text, unavailable: text, porNotice: text },
    ['locked', 'porNotice'],
  ],
];

describe('every text field of a request', () => {
  it.each(REQUESTS)('%s: the valid request passes, and a control character in any field is refused at that field', (_name, schema, valid, fields) => {
    expect(schema.safeParse(valid).success).toBe(true);
    for (const field of fields) {
      for (const bad of ['x\u0000y', 'x\u001by', 'x\u007fy', 'x\ty']) {
        const result = schema.safeParse({ ...valid, [field]: `${String(valid[field])}${bad}` });
        const issues = result.success ? [] : result.error.issues.filter((i) => i.path[0] === field).map((i) => i.message);
        expect({ field, bad, issues }).toEqual({ field, bad, issues: expect.arrayContaining([CONTROL_CHARACTER_MESSAGE]) as unknown });
      }
    }
  });

  it('lets a password already set log in whatever it holds: it is only ever hashed', () => {
    expect(ZLoginRequest.safeParse({ username: 'ann', password: 'tab\there' }).success).toBe(true);
    expect(ZChangePasswordRequest.safeParse({ currentPassword: 'tab\there', newPassword: 'New#12345', confirmNewPassword: 'New#12345' }).success).toBe(true);
  });
});
