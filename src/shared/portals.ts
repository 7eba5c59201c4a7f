// The built-in portals, their roles and the user-visible texts of the spec (ID-2, ID-3).
// Shared by server (defaults written into the database) and web (labels, links).

export const PORTAL_IDS = ['producers', 'employers', 'retail', 'staff'] as const;
export type TPortalId = (typeof PORTAL_IDS)[number];

export const ROLES_BY_PORTAL = {
  producers: ['primary-producer', 'producer-user'],
  employers: ['delegated-admin', 'alternate-delegated-admin', 'employer-user'],
  retail: ['retail-producer'],
  staff: ['help-desk', 'producer-services', 'security-admin'],
} as const satisfies Record<TPortalId, readonly string[]>;

export type TRole = (typeof ROLES_BY_PORTAL)[TPortalId][number];
export const ROLES: readonly TRole[] = PORTAL_IDS.flatMap((p) => ROLES_BY_PORTAL[p]);

export const ROLE_LABELS: Record<TRole, string> = {
  'primary-producer': 'Primary Producer',
  'producer-user': 'Producer User',
  'delegated-admin': 'Delegated Administrator',
  'alternate-delegated-admin': 'Alternate Delegated Administrator',
  'employer-user': 'Employer User',
  'retail-producer': 'Retail Producer',
  'help-desk': 'Help Desk',
  'producer-services': 'Producer Services',
  'security-admin': 'Security Administrator',
};

export function isRoleOfPortal(portal: TPortalId, role: string): role is TRole {
  return (ROLES_BY_PORTAL[portal] as readonly string[]).includes(role);
}

export const APPOINTMENT_STATES = ['IL', 'MT', 'NM', 'OK', 'TX'] as const;
export type TState = (typeof APPOINTMENT_STATES)[number];
export const STATE_NAMES: Record<TState, string> = { IL: 'Illinois', MT: 'Montana', NM: 'New Mexico', OK: 'Oklahoma', TX: 'Texas' };

/** Texts quoted verbatim from the seeds (they win over the spec on wording). */
export const TEXTS = {
  retailInvalidCredentials:
    "We're sorry, this Username/Password combination does not match your account information – please try again. After three attempts, your account will be temporarily locked for your protection. Please click Forgot Username and/or Reset Password for help.",
  locked:
    "We're sorry, your account is now temporarily locked as a security precaution due to three unsuccessful login attempts. Please click Forgot Username and/or Reset Password for help.",
  disabled: 'This user ID no longer has access to the system. Please contact your security administrator for more information.',
  loginFailed: 'Login failed due to either an invalid user ID and/or password, or a connection cannot be established. Please try again.',
  porNotice: 'At this time, there is a hold on under 65 Producer of Record transfer requests.',
} as const;

export type TPasswordProfileId = 'retail' | 'modern';

export interface TPortalTexts {
  invalidCredentials: string;
  locked: string;
  disabled: string;
  deleted: string;
  unavailable: string;
  /** SR-3: the notice above the Group Producer of Record Change form. */
  porNotice: string;
}

export interface TPortalPolicy {
  lockoutThreshold: number;
  lockoutMinutes: number;
  passwordProfile: TPasswordProfileId;
  sessionIdleMinutes: number;
  sessionAbsoluteMinutes: number;
  selfRegistration: boolean;
  lifecycleEnabled: boolean;
  disableAfterDays: number;
  deleteAfterDays: number;
  lifecycleWarningDays: number;
  /** LC-1: roles the lifecycle job never disables or deletes. */
  lifecycleExemptRoles: TRole[];
  temporaryPasswordHours: number;
  /** SR-2: the largest file a user may upload, in bytes. */
  maxUploadBytes: number;
  /** SR-2: the most files one request may carry. */
  maxFilesPerRequest: number;
}

export interface TPortalDefinition {
  id: TPortalId;
  name: string;
  policy: TPortalPolicy;
  texts: TPortalTexts;
}

const basePolicy: TPortalPolicy = {
  lockoutThreshold: 3,
  lockoutMinutes: 30,
  passwordProfile: 'modern',
  sessionIdleMinutes: 20,
  sessionAbsoluteMinutes: 12 * 60,
  selfRegistration: false,
  lifecycleEnabled: false,
  disableAfterDays: 180,
  deleteAfterDays: 400,
  lifecycleWarningDays: 14,
  lifecycleExemptRoles: [],
  temporaryPasswordHours: 24,
  maxUploadBytes: 10 * 1024 * 1024,
  maxFilesPerRequest: 5,
};

const idThreeTexts: TPortalTexts = {
  invalidCredentials: TEXTS.loginFailed,
  locked: TEXTS.locked,
  disabled: TEXTS.disabled,
  deleted: TEXTS.loginFailed,
  unavailable: TEXTS.loginFailed,
  porNotice: TEXTS.porNotice,
};

export const PORTAL_DEFINITIONS: Record<TPortalId, TPortalDefinition> = {
  producers: {
    id: 'producers',
    name: 'Blue Access for Producers',
    policy: { ...basePolicy, lifecycleEnabled: true, lifecycleExemptRoles: ['primary-producer'] },
    texts: idThreeTexts,
  },
  employers: {
    id: 'employers',
    name: 'Blue Access for Employers',
    policy: { ...basePolicy, lifecycleEnabled: true, lifecycleExemptRoles: ['delegated-admin'] },
    texts: idThreeTexts,
  },
  retail: {
    id: 'retail',
    name: 'Retail Producer Portal',
    policy: { ...basePolicy, passwordProfile: 'retail', selfRegistration: true },
    texts: { ...idThreeTexts, invalidCredentials: TEXTS.retailInvalidCredentials },
  },
  staff: {
    id: 'staff',
    name: 'Portico Staff Console',
    policy: basePolicy,
    texts: idThreeTexts,
  },
};

export function isPortalId(value: string): value is TPortalId {
  return (PORTAL_IDS as readonly string[]).includes(value);
}
