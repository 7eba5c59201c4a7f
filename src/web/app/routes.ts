// Every page address of the web app, parsed into a typed route. Paths are built only here.
import { isPortalId, type TPortalId } from '../../shared/portals.ts';

/** Pages a login page links to that are not built yet (ID-5, ID-6, ID-7). */
export const COMING_SOON_PAGES = {
  register: 'Register',
  'forgot-username': 'Forgot User Name?',
  'reset-password': 'Reset Password?',
} as const;
export type TComingSoonPage = keyof typeof COMING_SOON_PAGES;

const PORTALS_WITH_HELP_LINKS: readonly TPortalId[] = ['retail'];

export type TRoute =
  | { kind: 'landing' }
  | { kind: 'login'; portalId: TPortalId }
  | { kind: 'home'; portalId: TPortalId }
  | { kind: 'coming-soon'; portalId: TPortalId; page: TComingSoonPage }
  | { kind: 'not-found' };

export const paths = {
  landing: () => '/',
  login: (portalId: TPortalId) => `/${portalId}/login`,
  home: (portalId: TPortalId) => `/${portalId}/home`,
  comingSoon: (portalId: TPortalId, page: TComingSoonPage) => `/${portalId}/${page}`,
};

export function hasHelpLinks(portalId: TPortalId): boolean {
  return PORTALS_WITH_HELP_LINKS.includes(portalId);
}

function isComingSoonPage(value: string): value is TComingSoonPage {
  return Object.hasOwn(COMING_SOON_PAGES, value);
}

export function matchRoute(pathname: string): TRoute {
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length === 0) return { kind: 'landing' };
  const [portalId, page, ...rest] = segments;
  if (portalId === undefined || !isPortalId(portalId) || rest.length > 0) return { kind: 'not-found' };
  if (page === undefined || page === 'login') return { kind: 'login', portalId };
  if (page === 'home') return { kind: 'home', portalId };
  if (isComingSoonPage(page) && hasHelpLinks(portalId)) return { kind: 'coming-soon', portalId, page };
  return { kind: 'not-found' };
}
