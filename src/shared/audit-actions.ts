// Every action the audit log records (ID-11): the server writes only these, and the staff
// console's Action filter suggests them.
export const AUDIT_ACTIONS = [
  'login.success',
  'login.failure',
  'login.refused_locked',
  'login.refused_disabled',
  'account.locked',
  'account.unlocked',
  'logout',
  'session.expired',
  'user.created',
  'user.registered',
  'user.registration_confirmed',
  'username.reminder_requested',
  'password.reset_requested',
  'password.reset_issued',
  'password.reset_limited',
  'password.changed',
  'password.change_failed',
  'challenge_question.updated',
  'producers.imported',
  'groups.imported',
  'feed.loaded',
  'feed.token_created',
  'feed.token_revoked',
  'user.disabled',
  'user.reinstated',
  'user.exported',
  'book.clients_exported',
  'book.groups_exported',
  'portal.settings_changed',
  'portal.document_published',
  'portal.document_reset',
  'service_request.filed',
  'service_request.status_changed',
  'service_request.assigned',
  'service_request.message_added',
  'service_request.cancelled',
  'service_request.account_revealed',
  'service_request.account_reveal_refused',
  'service_request.attachment_downloaded',
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

/** The families an Action filter may name with a trailing dot ("login." matches every login event). */
export const AUDIT_ACTION_FAMILIES: readonly string[] = [
  ...new Set(AUDIT_ACTIONS.filter((action) => action.includes('.')).map((action) => `${action.slice(0, action.indexOf('.'))}.`)),
];
