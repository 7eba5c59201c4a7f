// The portal settings form's fields and its check. Each field is checked by the server's own
// schema (ZPortalPolicy, ZPortalTexts), then the whole merged policy by the server's cross-field
// rules (validatePortalPolicy); only what changed is sent, as a ZPortalSettingsPatch.
import { z } from 'zod';
import { ROLES_BY_PORTAL, type TPortalId, type TPortalTexts, type TRole } from '../../../shared/portals.ts';
import { ZPortalPolicy, ZPortalTexts, validatePortalPolicy, type TPortalSettings, type TPortalSettingsPatch } from '../../../shared/user-admin-schemas.ts';

type TPolicy = TPortalSettings['policy'];
export type TNumberKey = {
  [K in keyof TPolicy]: TPolicy[K] extends number ? K : never;
}[keyof TPolicy];

export interface TNumberField {
  key: TNumberKey;
  label: string;
}

export const LOCKOUT_FIELDS: readonly TNumberField[] = [
  { key: 'lockoutThreshold', label: 'Failed logins before lockout' },
  { key: 'lockoutMinutes', label: 'Lockout duration (minutes)' },
];
export const SESSION_FIELDS: readonly TNumberField[] = [
  { key: 'sessionIdleMinutes', label: 'Idle timeout (minutes)' },
  { key: 'sessionAbsoluteMinutes', label: 'Absolute timeout (minutes)' },
];
export const LIFECYCLE_FIELDS: readonly TNumberField[] = [
  { key: 'disableAfterDays', label: 'Disable after (days without login)' },
  { key: 'deleteAfterDays', label: 'Delete after (days without login)' },
  { key: 'lifecycleWarningDays', label: 'Warning e-mail (days before disabling)' },
];
export const PASSWORD_FIELDS: readonly TNumberField[] = [{ key: 'temporaryPasswordHours', label: 'Temporary passwords valid for (hours)' }];
/** SR-3 uploads; the largest file is shown and edited in MB (UPLOAD_SIZE_FIELD), stored in bytes. */
export const UPLOAD_FIELDS: readonly TNumberField[] = [{ key: 'maxFilesPerRequest', label: 'Files per request (at most)' }];
export const UPLOAD_SIZE_FIELD = { key: 'maxUploadBytes', label: 'Largest file (MB)' } as const;
const NUMBER_FIELDS = [...LOCKOUT_FIELDS, ...SESSION_FIELDS, ...LIFECYCLE_FIELDS, ...PASSWORD_FIELDS, ...UPLOAD_FIELDS];

export const TEXT_FIELDS: readonly { key: keyof TPortalTexts; label: string }[] = [
  { key: 'invalidCredentials', label: 'Wrong user name or password' },
  { key: 'locked', label: 'Account locked' },
  { key: 'disabled', label: 'User ID disabled' },
  { key: 'deleted', label: 'User ID deleted' },
  { key: 'unavailable', label: 'Service unavailable' },
];

/** Producer Services texts (SR-3): the notice above the Group POR change form. */
export const SERVICE_TEXT_FIELDS: readonly { key: keyof TPortalTexts; label: string }[] = [{ key: 'porNotice', label: 'Group POR change notice' }];
const ALL_TEXT_FIELDS = [...TEXT_FIELDS, ...SERVICE_TEXT_FIELDS];

export const PROFILE_OPTIONS = [
  { value: 'retail', label: 'Retail: 6 to 9 letters and/or digits' },
  { value: 'modern', label: 'Modern (NIST SP 800-63B): 8 to 64 characters of any kind' },
];

/** The form's fields in screen order, named as the server names them in its errors. */
export function fieldNames(portalId: TPortalId): string[] {
  return [
    ...LOCKOUT_FIELDS.map(({ key }) => `policy.${key}`),
    'policy.passwordProfile',
    ...PASSWORD_FIELDS.map(({ key }) => `policy.${key}`),
    ...(portalId === 'retail' ? ['policy.selfRegistration'] : []),
    ...SESSION_FIELDS.map(({ key }) => `policy.${key}`),
    'policy.lifecycleEnabled',
    ...LIFECYCLE_FIELDS.map(({ key }) => `policy.${key}`),
    'policy.lifecycleExemptRoles',
    ...TEXT_FIELDS.map(({ key }) => `texts.${key}`),
    `policy.${UPLOAD_SIZE_FIELD.key}`,
    ...UPLOAD_FIELDS.map(({ key }) => `policy.${key}`),
    ...SERVICE_TEXT_FIELDS.map(({ key }) => `texts.${key}`),
  ];
}

/** A number box: whole numbers only, then the shared schema's own range and message. */
const wholeNumber = (key: TNumberKey) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, 'Enter a whole number.')
    .transform(Number)
    .pipe(ZPortalPolicy.shape[key]);

const BYTES_PER_MB = 1024 * 1024;

/** The largest file in MB as shown: whole MB as they are, odd sizes to the byte (7 decimals round-trip). */
export function megabytesOf(bytes: number): string {
  return String(Number((bytes / BYTES_PER_MB).toFixed(7)));
}

/** The MB box: a decimal number, turned into bytes, then the shared schema's own range and message. */
const megabytes = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'Enter a number of MB, such as 10 or 2.5.')
  .transform((value) => Math.round(Number(value) * BYTES_PER_MB))
  .pipe(ZPortalPolicy.shape.maxUploadBytes);

function isOwnRole(portalId: TPortalId, role: TRole): boolean {
  return (ROLES_BY_PORTAL[portalId] as readonly TRole[]).includes(role);
}

/**
 * The settings form's schema for one portal. `stored` is what the server holds: roles of other
 * portals (the built-in defaults list the same roles everywhere) have no checkbox and are kept as
 * stored, which validatePortalPolicy allows.
 */
export function settingsFormSchema(portalId: TPortalId, stored: TPortalSettings) {
  const numbers = Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, wholeNumber(key)])) as Record<TNumberKey, ReturnType<typeof wholeNumber>>;
  const { passwordProfile, selfRegistration, lifecycleEnabled, lifecycleExemptRoles } = ZPortalPolicy.shape;
  const policy = z
    .object({ ...numbers, maxUploadBytes: megabytes, passwordProfile, selfRegistration, lifecycleEnabled, lifecycleExemptRoles })
    .transform((values) => ({
      ...values,
      lifecycleExemptRoles: [
        ...values.lifecycleExemptRoles.filter((role) => isOwnRole(portalId, role)),
        ...stored.policy.lifecycleExemptRoles.filter((role) => !isOwnRole(portalId, role)),
      ],
    }));
  return z.object({ policy, texts: ZPortalTexts }).superRefine((values, ctx) => {
    // As on the server: the rules across fields once every field is right on its own.
    if (ctx.issues.length > 0) return;
    for (const problem of validatePortalPolicy(portalId, values.policy, stored.policy)) {
      ctx.addIssue({ code: 'custom', path: problem.field.split('.'), message: problem.message });
    }
  });
}

export type TSettingsFormSchema = ReturnType<typeof settingsFormSchema>;

/** What the form shows for stored settings: numbers as text, the rest as they are. */
export function formValuesOf(settings: TPortalSettings): z.input<TSettingsFormSchema> {
  const { policy } = settings;
  const numbers = Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, String(policy[key])])) as Record<TNumberKey, string>;
  return {
    policy: {
      ...numbers,
      maxUploadBytes: megabytesOf(policy.maxUploadBytes),
      passwordProfile: policy.passwordProfile,
      selfRegistration: policy.selfRegistration,
      lifecycleEnabled: policy.lifecycleEnabled,
      lifecycleExemptRoles: [...policy.lifecycleExemptRoles],
    },
    texts: { ...settings.texts },
  };
}

/** Only what differs from the stored settings (exempt roles in any order are the same); null when nothing does. */
export function changesOf(stored: TPortalSettings, values: z.output<TSettingsFormSchema>): TPortalSettingsPatch | null {
  const policyChanges: Record<string, unknown> = {};
  for (const key of Object.keys(values.policy) as (keyof TPolicy)[]) {
    const before = stored.policy[key];
    const after = values.policy[key];
    const same = Array.isArray(before) && Array.isArray(after) ? [...before].sort().join() === [...after].sort().join() : before === after;
    if (!same) policyChanges[key] = after;
  }
  const textChanges: Partial<TPortalTexts> = {};
  for (const { key } of ALL_TEXT_FIELDS) if (values.texts[key] !== stored.texts[key]) textChanges[key] = values.texts[key];
  const patch: TPortalSettingsPatch = {
    ...(Object.keys(policyChanges).length > 0 ? { policy: policyChanges } : {}),
    ...(Object.keys(textChanges).length > 0 ? { texts: textChanges } : {}),
  };
  return Object.keys(patch).length > 0 ? patch : null;
}
