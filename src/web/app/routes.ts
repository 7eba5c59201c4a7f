// Every page address of the web app, parsed into a typed route. Paths are built only here.
import { isPortalId, type TPortalId } from '../../shared/portals.ts';

/** Portals whose users can recover a user name and reset a password themselves (ID-6, ID-7): not staff. */
const SELF_SERVICE_PORTALS: readonly TPortalId[] = ['producers', 'employers', 'retail'];
/** The one portal with self-registration (ID-5); its login page shows "Register" when the portal allows it. */
export const REGISTRATION_PORTAL = 'retail' satisfies TPortalId;

export type TRoute =
  | { kind: 'landing' }
  | { kind: 'producer-services' }
  | { kind: 'login'; portalId: TPortalId; next: string | undefined }
  | { kind: 'home'; portalId: TPortalId }
  | { kind: 'profile'; portalId: TPortalId }
  | { kind: 'register'; portalId: TPortalId }
  | { kind: 'register-confirm'; portalId: TPortalId; token: string }
  | { kind: 'forgot-username'; portalId: TPortalId }
  | { kind: 'reset-password'; portalId: TPortalId }
  | { kind: 'password-manager' }
  | { kind: 'security-manager' }
  | { kind: 'staff-users' }
  | { kind: 'staff-audit' }
  | { kind: 'staff-lifecycle' }
  | { kind: 'staff-settings' }
  | { kind: 'not-found' };

/** Pages behind sign-in: the only places a login may continue to (?next=). */
const SIGNED_IN_KINDS: ReadonlySet<TRoute['kind']> = new Set([
  'home',
  'profile',
  'password-manager',
  'security-manager',
  'staff-users',
  'staff-audit',
  'staff-lifecycle',
  'staff-settings',
]);

/** The administration tools (LC-5, LC-6, staff console): one page address each, in one portal. */
const TOOL_PAGES = {
  producers: { 'password-manager': 'password-manager' },
  employers: { 'security-manager': 'security-manager' },
  retail: {},
  staff: { users: 'staff-users', audit: 'staff-audit', 'lifecycle-report': 'staff-lifecycle', settings: 'staff-settings' },
} as const satisfies Record<TPortalId, Record<string, TRoute['kind']>>;

type TToolKind = 'password-manager' | 'security-manager' | 'staff-users' | 'staff-audit' | 'staff-lifecycle' | 'staff-settings';

function toolKind(portalId: TPortalId, page: string): TToolKind | undefined {
  const pages: Readonly<Record<string, TToolKind>> = TOOL_PAGES[portalId];
  return Object.hasOwn(pages, page) ? pages[page] : undefined;
}

export const paths = {
  landing: () => '/',
  producerServices: () => '/help/producer-services',
  login: (portalId: TPortalId, next?: string) => `/${portalId}/login${next ? `?${new URLSearchParams({ next }).toString()}` : ''}`,
  home: (portalId: TPortalId) => `/${portalId}/home`,
  profile: (portalId: TPortalId) => `/${portalId}/profile`,
  register: (portalId: TPortalId) => `/${portalId}/register`,
  registerConfirm: (portalId: TPortalId, token: string) => `/${portalId}/register/confirm?${new URLSearchParams({ token }).toString()}`,
  forgotUsername: (portalId: TPortalId) => `/${portalId}/forgot-username`,
  resetPassword: (portalId: TPortalId) => `/${portalId}/reset-password`,
  passwordManager: () => '/producers/password-manager',
  securityManager: () => '/employers/security-manager',
  staffUsers: () => '/staff/users',
  staffAudit: () => '/staff/audit',
  staffLifecycle: () => '/staff/lifecycle-report',
  staffSettings: () => '/staff/settings',
};

export function hasSelfService(portalId: TPortalId): boolean {
  return SELF_SERVICE_PORTALS.includes(portalId);
}

export function matchRoute(pathname: string, search = ''): TRoute {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return { kind: 'landing' };
  const [first, page, ...rest] = segments;
  if (first === 'help') return page === 'producer-services' && rest.length === 0 ? { kind: 'producer-services' } : { kind: 'not-found' };
  if (first === undefined || !isPortalId(first)) return { kind: 'not-found' };
  const portalId = first;
  const query = new URLSearchParams(search);
  if (page === 'register' && portalId === REGISTRATION_PORTAL && rest.length === 1 && rest[0] === 'confirm') {
    return { kind: 'register-confirm', portalId, token: query.get('token') ?? '' };
  }
  if (rest.length > 0) return { kind: 'not-found' };
  switch (page) {
    case undefined:
    case 'login':
      return { kind: 'login', portalId, next: safeNext(portalId, query.get('next')) };
    case 'home':
      return { kind: 'home', portalId };
    case 'profile':
      return { kind: 'profile', portalId };
    case 'register':
      return portalId === REGISTRATION_PORTAL ? { kind: 'register', portalId } : { kind: 'not-found' };
    case 'forgot-username':
    case 'reset-password':
      return hasSelfService(portalId) ? { kind: page, portalId } : { kind: 'not-found' };
    default: {
      const kind = page === undefined ? undefined : toolKind(portalId, page);
      return kind ? { kind } : { kind: 'not-found' };
    }
  }
}

/** The portal a route belongs to (the tools live in one portal each). */
export function portalOfRoute(route: TRoute): TPortalId | undefined {
  if ('portalId' in route) return route.portalId;
  switch (route.kind) {
    case 'password-manager':
      return 'producers';
    case 'security-manager':
      return 'employers';
    case 'staff-users':
    case 'staff-audit':
    case 'staff-lifecycle':
    case 'staff-settings':
      return 'staff';
    case 'landing':
    case 'producer-services':
    case 'not-found':
      return undefined;
  }
}

/**
 * Where a login may continue to: a signed-in page of the same portal, as a relative path.
 * Anything else (another site, another portal, a public page) is dropped, so a crafted link
 * cannot send a person elsewhere after they sign in.
 */
export function safeNext(portalId: TPortalId, next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return undefined;
  let url: URL;
  try {
    url = new URL(next, 'http://portico.invalid');
  } catch {
    return undefined;
  }
  if (url.origin !== 'http://portico.invalid') return undefined;
  const route = matchRoute(url.pathname);
  if (!SIGNED_IN_KINDS.has(route.kind) || portalOfRoute(route) !== portalId) return undefined;
  return url.pathname;
}
