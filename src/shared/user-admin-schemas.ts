// User administration (LC-4 … LC-6, ID-11): request and response shapes shared by the server
// (validation at the edge, OpenAPI) and the web screens.
//
// Routes (all need a session; state-changing ones the x-csrf-token header; bodies are strict:
// unknown keys such as role, portal or producerId are refused with 400 request.invalid).
// Who may do what is decided by one policy (src/server/platform/policy.ts); another tenant's
// user answers 404, a missing privilege 403.
//
// Password Manager (LC-5) — producers portal, Primary Producer; only producer-users of their own producer ID:
//   GET    /api/password-manager/users                      ?q&status&sort&dir&page&pageSize → ZUserPage
//   POST   /api/password-manager/users                      ZCreateSubUserRequest → 201 ZUserActionResponse (temporary password e-mailed)
//   GET    /api/password-manager/users/:userId              → ZAdminUser
//   POST   /api/password-manager/users/:userId/password-reset → ZUserActionResponse (temporary password e-mailed)
//   POST   /api/password-manager/users/:userId/unlock         → ZUserActionResponse
//   POST   /api/password-manager/users/:userId/disable        → ZUserActionResponse (ends their sessions)
//   POST   /api/password-manager/users/:userId/reinstate      → ZUserActionResponse (LC-4)
//
// Security Manager (LC-6) — employers portal, Delegated / Alternate Delegated Administrator; own group:
//   GET    /api/security-manager/users                      "Current Users - Search" → ZUserPage
//   GET    /api/security-manager/users.csv                  "Download All Users" (text/csv attachment, streamed)
//   POST   /api/security-manager/users                      ZCreateGroupUserRequest → 201 ZUserActionResponse
//   GET    /api/security-manager/users/:userId              → ZAdminUser
//   POST   /api/security-manager/users/:userId/{password-reset|unlock|disable|reinstate} → ZUserActionResponse
//
// Staff console — staff portal (help-desk, producer-services, security-admin; see the policy):
//   GET    /api/staff/users                                 ZStaffUserSearchQuery → ZUserPage
//   GET    /api/staff/users.csv                             same filters (no paging) → CSV
//   GET    /api/staff/users/:userId                         → ZAdminUser
//   POST   /api/staff/users/:userId/{password-reset|unlock|disable|reinstate} → ZUserActionResponse
//   GET    /api/staff/audit                                 ZAuditSearchQuery → ZAuditPage (newest first)
//   GET    /api/staff/portals/:portalId/settings            → ZPortalSettings
//   PATCH  /api/staff/portals/:portalId/settings            ZPortalSettingsPatch → ZPortalSettings (security-admin)
//   GET    /api/staff/lifecycle/upcoming                    ZLifecycleReportQuery → ZLifecycleReportPage
//
// Errors are ZErrorResponse ({ code, message, fields? }): 400 request.invalid, 401 auth.unauthenticated,
// 403 auth.forbidden / auth.csrf, 404 user.not_found, 409 user.username_taken / user.deleted /
// user.not_disabled / user.already_disabled / user.not_active / user.no_email, 400 settings.invalid.
import { z } from 'zod';
import { ZNewUsername } from './self-service-schemas.ts';
import { withoutControlCharacters } from './text-rules.ts';
import { page, pageSize, searchText } from './list-query.ts';
import { PORTAL_IDS, ROLES, ROLES_BY_PORTAL, type TPortalId, type TPortalPolicy, type TRole } from './portals.ts';

// ---------------------------------------------------------------- users

export const USER_STATUS_FILTERS = ['active', 'pending', 'disabled', 'deleted', 'locked'] as const;
export type TUserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

export const USER_SORTS = ['name', 'username', 'lastLogin', 'status', 'created'] as const;
export type TUserSort = (typeof USER_SORTS)[number];

export { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './list-query.ts';

/** "Current Users - Search" and the Password Manager's list: name, user name or e-mail contains `q`. */
export const ZUserSearchQuery = z.strictObject({
  q: searchText,
  /** Deleted IDs are left out unless asked for; `locked` means temporarily locked now. */
  status: z.enum(USER_STATUS_FILTERS).optional(),
  sort: z.enum(USER_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page,
  pageSize,
});
export type TUserSearchQuery = z.infer<typeof ZUserSearchQuery>;

/** The staff console searches across portals; filters narrow to a portal, a producer ID or a group. */
export const ZStaffUserSearchQuery = ZUserSearchQuery.extend({
  portal: z.enum(PORTAL_IDS).optional(),
  producer: z
    .string()
    .trim()
    .regex(/^\d{9}$/, 'The Agent Unique ID has nine digits.')
    .optional(),
  group: withoutControlCharacters(z.string().trim().min(1).max(32)).optional(),
});
export type TStaffUserSearchQuery = z.infer<typeof ZStaffUserSearchQuery>;

/** The staff CSV takes the same filters as the search, without sorting and paging. */
export const ZStaffUserExportQuery = ZStaffUserSearchQuery.pick({ q: true, status: true, portal: true, producer: true, group: true });
export type TStaffUserExportQuery = z.infer<typeof ZStaffUserExportQuery>;

/**
 * The query string of a route that takes none: the Security Manager's CSV (always the whole group),
 * one user, the actions, portal settings. Any key (`group`, `portal`, …) is refused with 400.
 */
export const ZNoQuery = z.strictObject({});

export const ZUserIdParams = z.strictObject({ userId: z.uuid('There is no such user.') });

/** What the signed-in administrator may do with one listed user (from the policy; the UI shows only these). */
export const USER_ROW_ACTIONS = ['reset_password', 'unlock', 'disable', 'reinstate'] as const;
export type TUserRowAction = (typeof USER_ROW_ACTIONS)[number];

export const ZAdminUser = z.object({
  id: z.uuid(),
  portal: z.enum(PORTAL_IDS),
  username: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  roleLabel: z.string(),
  status: z.enum(['active', 'pending', 'disabled', 'deleted']),
  /** Temporarily locked by failed logins (ID-2) at this moment. */
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  reinstatedAt: z.string().nullable(),
  producer: z.object({ agentUniqueId: z.string() }).nullable(),
  group: z.object({ accountNumber: z.string(), name: z.string() }).nullable(),
  actions: z.array(z.enum(USER_ROW_ACTIONS)),
});
export type TAdminUser = z.infer<typeof ZAdminUser>;

export const ZUserPage = z.object({
  items: z.array(ZAdminUser),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type TUserPage = z.infer<typeof ZUserPage>;

/** A person's first or last name as administrators enter it. */
export const personName = (label: string) =>
  withoutControlCharacters(
    z
      .string({ error: `Enter the ${label}.` })
      .trim()
      .min(1, `Enter the ${label}.`)
      .max(100, `The ${label} must be at most 100 characters.`),
  );
/** An e-mail address on file (first check of every form that takes one). */
export const ZEmailAddress = withoutControlCharacters(
  z.string({ error: 'Enter the E-mail Address.' }).trim().min(1, 'Enter the E-mail Address.').max(254, 'The E-mail Address must be at most 254 characters.'),
).pipe(z.email('Enter a valid E-mail Address, like name@example.com.'));

/** LC-5: a Primary Producer's new sub-user (always a producer-user of the PP's own producer ID). */
export const ZCreateSubUserRequest = z.strictObject({
  username: ZNewUsername,
  firstName: personName('First Name'),
  lastName: personName('Last Name'),
  email: ZEmailAddress,
});
export type TCreateSubUserRequest = z.infer<typeof ZCreateSubUserRequest>;

/** Roles a group administrator may give; the policy narrows it further (an ADA creates employer users only). */
export const GROUP_CREATABLE_ROLES = ['employer-user', 'alternate-delegated-admin'] as const;

/** LC-6: a new user of the administrator's own group. */
export const ZCreateGroupUserRequest = ZCreateSubUserRequest.extend({
  role: z.enum(GROUP_CREATABLE_ROLES, { error: 'Choose Employer User or Alternate Delegated Administrator.' }).default('employer-user'),
});
export type TCreateGroupUserRequest = z.infer<typeof ZCreateGroupUserRequest>;

export const ZUserActionResponse = z.object({ message: z.string(), user: ZAdminUser });
export type TUserActionResponse = z.infer<typeof ZUserActionResponse>;

/** Confirmation texts of the administrator's actions. */
export const USER_ADMIN_TEXTS = {
  created: 'The user ID was created. A temporary password has been sent to the e-mail address on file; it must be changed at the first login.',
  passwordReset: 'A temporary password has been sent to the e-mail address on file.',
  unlocked: 'The user ID is unlocked.',
  disabled: 'The user ID is disabled. Any session it had has ended.',
  reinstated: 'The user ID is reinstated and can log in again.',
  deletedCannotBeRestored: 'A deleted user ID cannot be restored; create a new one.',
} as const;

/** Columns of "Download All Users", in order. */
export const USER_CSV_COLUMNS = ['User Name', 'First Name', 'Last Name', 'E-mail Address', 'Role', 'Status', 'Last Login Date', 'Created'] as const;

// ---------------------------------------------------------------- audit log (ID-11)

const dateOrDateTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'Use a date like 2026-03-02 (or an ISO date-time).')
  .refine((v) => !Number.isNaN(new Date(v).getTime()), 'That is not a valid date.');

export const ZAuditSearchQuery = z
  .strictObject({
    /** A user id (actor or target) or a user name / label (actor or target, case-insensitive). */
    user: withoutControlCharacters(z.string().trim().min(1).max(254)).optional(),
    /** An action (`user.reinstated`) or a family ending with a dot (`login.`). */
    action: z
      .string()
      .trim()
      .regex(/^[a-z_]+(\.[a-z_]*)*$/, 'Use an action like user.reinstated, or a family like login.')
      .max(64)
      .optional(),
    portal: z.enum(PORTAL_IDS).optional(),
    /** Inclusive; a bare date means from its start (UTC). */
    from: dateOrDateTime.optional(),
    /** Inclusive; a bare date means to its end (UTC). */
    to: dateOrDateTime.optional(),
    page,
    pageSize,
  })
  .refine((r) => !r.from || !r.to || new Date(r.from) <= new Date(r.to.length === 10 ? `${r.to}T23:59:59.999Z` : r.to), {
    path: ['to'],
    message: 'The end date must not be before the start date.',
  });
export type TAuditSearchQuery = z.infer<typeof ZAuditSearchQuery>;

export const ZAuditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  action: z.string(),
  portal: z.string().nullable(),
  actor: z.object({ id: z.string().nullable(), label: z.string() }).nullable(),
  target: z.object({ id: z.string().nullable(), label: z.string() }).nullable(),
  ipAddress: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TAuditEventView = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = z.object({ items: z.array(ZAuditEvent), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
export type TAuditPage = z.infer<typeof ZAuditPage>;

// ---------------------------------------------------------------- portal settings

export const ZPortalParams = z.strictObject({ portalId: z.enum(PORTAL_IDS) });

export const ZPortalPolicy = z.strictObject({
  lockoutThreshold: z.number().int().min(1, 'At least 1 failed login.').max(20, 'At most 20 failed logins.'),
  lockoutMinutes: z
    .number()
    .int()
    .min(1, 'At least 1 minute.')
    .max(24 * 60, 'At most 1,440 minutes (a day).'),
  passwordProfile: z.enum(['retail', 'modern']),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1, 'At least 1 minute.')
    .max(24 * 60, 'At most 1,440 minutes.'),
  sessionAbsoluteMinutes: z
    .number()
    .int()
    .min(5, 'At least 5 minutes.')
    .max(7 * 24 * 60, 'At most 7 days.'),
  selfRegistration: z.boolean(),
  lifecycleEnabled: z.boolean(),
  disableAfterDays: z.number().int().min(30, 'At least 30 days.').max(3650, 'At most 3,650 days.'),
  deleteAfterDays: z.number().int().min(31, 'At least 31 days.').max(3650, 'At most 3,650 days.'),
  lifecycleWarningDays: z.number().int().min(0, 'At least 0 days (no warning).').max(90, 'At most 90 days.'),
  lifecycleExemptRoles: z.array(z.enum(ROLES as [TRole, ...TRole[]])).max(ROLES.length),
  temporaryPasswordHours: z.number().int().min(1, 'At least 1 hour.').max(168, 'At most 168 hours (a week).'),
  maxUploadBytes: z
    .number()
    .int()
    .min(100 * 1024, 'At least 100 KB (102,400 bytes).')
    .max(50 * 1024 * 1024, 'At most 50 MB (52,428,800 bytes).'),
  maxFilesPerRequest: z.number().int().min(1, 'At least 1 file.').max(20, 'At most 20 files.'),
});

const text = withoutControlCharacters(z.string().trim().min(1, 'Enter the text.').max(1000, 'At most 1,000 characters.'));
export const ZPortalTexts = z.strictObject({ invalidCredentials: text, locked: text, disabled: text, deleted: text, unavailable: text, porNotice: text });

export const ZPortalSettings = z.object({
  id: z.enum(PORTAL_IDS),
  name: z.string(),
  policy: z.object(ZPortalPolicy.shape),
  texts: z.object(ZPortalTexts.shape),
  updatedAt: z.string(),
  /** Whether the signed-in staff member may change them (security-admin). */
  editable: z.boolean(),
});
export type TPortalSettings = z.infer<typeof ZPortalSettings>;

/** Only the keys that change; each is validated alone here and together with the rest by validatePortalPolicy. */
export const ZPortalSettingsPatch = z
  .strictObject({ policy: ZPortalPolicy.partial().optional(), texts: ZPortalTexts.partial().optional() })
  .refine((p) => Object.keys(p.policy ?? {}).length + Object.keys(p.texts ?? {}).length > 0, { message: 'Change at least one setting.' });
export type TPortalSettingsPatch = z.infer<typeof ZPortalSettingsPatch>;

/**
 * Rules across settings (server and form): the merged policy of `portalId` must pass. Exempt roles
 * must be the portal's own, except those already stored (`previous`): databases set up before the
 * per-portal defaults list both portals' roles everywhere, and re-sending them is not an error.
 */
export function validatePortalPolicy(portalId: TPortalId, policy: TPortalPolicy, previous?: TPortalPolicy): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const at = (field: keyof TPortalPolicy, message: string) => problems.push({ field: `policy.${field}`, message });
  if (policy.deleteAfterDays <= policy.disableAfterDays) at('deleteAfterDays', 'Delete after must be more days than Disable after.');
  if (policy.lifecycleWarningDays >= policy.disableAfterDays)
    at('lifecycleWarningDays', 'The warning must come fewer days before disabling than Disable after.');
  if (policy.sessionIdleMinutes > policy.sessionAbsoluteMinutes) at('sessionIdleMinutes', 'The idle timeout cannot be longer than the absolute timeout.');
  const own = ROLES_BY_PORTAL[portalId] as readonly string[];
  const kept = new Set<string>(previous?.lifecycleExemptRoles ?? []);
  const foreign = policy.lifecycleExemptRoles.filter((r) => !own.includes(r) && !kept.has(r));
  if (foreign.length > 0) at('lifecycleExemptRoles', `Exempt roles must be roles of this portal (not ${foreign.join(', ')}).`);
  if (policy.selfRegistration && portalId !== 'retail') at('selfRegistration', 'Only the Retail Producer Portal offers self-registration.');
  return problems;
}

// ---------------------------------------------------------------- lifecycle report (LC-1, LC-2)

export const ZLifecycleReportQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(365).default(30),
  portal: z.enum(PORTAL_IDS).optional(),
  page,
  pageSize,
});
export type TLifecycleReportQuery = z.infer<typeof ZLifecycleReportQuery>;

export const ZLifecycleReportItem = z.object({
  userId: z.string(),
  portal: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  status: z.string(),
  /** What the job will do and on which day (UTC date). */
  action: z.enum(['disable', 'delete']),
  dueOn: z.string(),
  lastLoginAt: z.string().nullable(),
});
export const ZLifecycleReportPage = z.object({
  items: z.array(ZLifecycleReportItem),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  asOf: z.string(),
  days: z.number().int(),
});
export type TLifecycleReportPage = z.infer<typeof ZLifecycleReportPage>;
