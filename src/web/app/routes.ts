// Every page address of the web app, parsed into a typed route. Paths are built only here.
import { matchPath } from 'react-router';
import { PORTAL_IDS, type TPortalId } from '../../shared/portals.ts';
import { REQUEST_TYPE_IDS, type TRequestTypeId } from '../../shared/request-type-ids.ts';

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
  | { kind: 'staff-feed-runs' }
  | { kind: 'services-home' }
  | { kind: 'request-assistance' }
  | { kind: 'request-form'; requestType: TRequestTypeId }
  | { kind: 'ticket'; number: string }
  | { kind: 'staff-service-requests' }
  | { kind: 'staff-ticket'; number: string }
  | { kind: 'book-state' }
  | { kind: 'book-clients' }
  | { kind: 'book-applications' }
  | { kind: 'group-book' }
  | { kind: 'group-book-group'; accountNumber: string }
  | { kind: 'book-client'; clientId: string }
  | { kind: 'staff-book' }
  | { kind: 'retail-forms' }
  | { kind: 'retail-training' }
  | { kind: 'producer-forms' }
  | { kind: 'producer-training' }
  | { kind: 'course'; portalId: TCoursePortal; courseId: string }
  | { kind: 'staff-resources' }
  | { kind: 'producer-commissions' }
  | { kind: 'retail-commissions' }
  | { kind: 'producer-commission-report' }
  | { kind: 'retail-commission-report' }
  | { kind: 'commission-statement'; portalId: TCoursePortal; period: string }
  | { kind: 'staff-book-view'; view: TStaffBookView; agentId: string; state: string | undefined; id: string | undefined }
  | { kind: 'not-found' };

/** The producer portals offer forms and training (BK-6). */
export type TCoursePortal = 'retail' | 'producers';

/** The staff console's pages of one producer's book (issue 16 §4), below /staff/book. */
export type TStaffBookView = 'producer' | 'clients' | 'client' | 'applications' | 'groups' | 'group' | 'commissions';

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
  'staff-feed-runs',
  'services-home',
  'request-assistance',
  'request-form',
  'ticket',
  'staff-service-requests',
  'staff-ticket',
  'book-state',
  'book-clients',
  'book-client',
  'book-applications',
  'group-book',
  'group-book-group',
  'staff-book',
  'staff-book-view',
  'retail-forms',
  'retail-training',
  'producer-forms',
  'producer-training',
  'course',
  'staff-resources',
  'producer-commissions',
  'retail-commissions',
  'commission-statement',
  'producer-commission-report',
  'retail-commission-report',
]);

/** The administration tools (LC-5, LC-6, staff console): one page address each, in one portal. */
const TOOL_PAGES = {
  producers: {
    'password-manager': 'password-manager',
    book: 'group-book',
    forms: 'producer-forms',
    training: 'producer-training',
    commissions: 'producer-commissions',
    'commission-report': 'producer-commission-report',
  },
  employers: { 'security-manager': 'security-manager' },
  retail: { forms: 'retail-forms', training: 'retail-training', commissions: 'retail-commissions', 'commission-report': 'retail-commission-report' },
  staff: {
    users: 'staff-users',
    'service-requests': 'staff-service-requests',
    audit: 'staff-audit',
    'lifecycle-report': 'staff-lifecycle',
    settings: 'staff-settings',
    'data-feed': 'staff-feed-runs',
    book: 'staff-book',
    'forms-training': 'staff-resources',
  },
} as const satisfies Record<TPortalId, Record<string, TRoute['kind']>>;

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
  staffFeedRuns: () => '/staff/data-feed',
  /** SR-1 … SR-4: the producers portal's Producer Services (the public directory is producerServices). */
  servicesHome: () => '/producers/producer-services',
  requestAssistance: () => '/producers/request-assistance',
  requestForm: (requestType: TRequestTypeId) => `/producers/request-assistance/${requestType}`,
  ticket: (number: string) => `/producers/producer-services/tickets/${encodeURIComponent(number)}`,
  staffServiceRequests: () => '/staff/service-requests',
  staffTicket: (number: string) => `/staff/service-requests/${encodeURIComponent(number)}`,
  /** BK-1 … BK-4: the retail producer's book of business. */
  bookState: (next?: string) => `/retail/state${next ? `?${new URLSearchParams({ next }).toString()}` : ''}`,
  bookClients: () => '/retail/clients',
  bookApplications: () => '/retail/applications',
  /** Issue 16 §2: the group producer's Book of Business. */
  groupBook: () => '/producers/book',
  groupBookGroup: (accountNumber: string) => `/producers/book/${encodeURIComponent(accountNumber)}`,
  bookClient: (clientId: string) => `/retail/clients/${encodeURIComponent(clientId)}`,
  /** Issue 16 §4: staff read any producer's book; the state is in the address, never in the session. */
  /** BK-6: forms and training, in each producer portal; staff manage them in the console. */
  forms: (portalId: TCoursePortal) => `/${portalId}/forms`,
  training: (portalId: TCoursePortal) => `/${portalId}/training`,
  course: (portalId: TCoursePortal, courseId: string) => `/${portalId}/training/${encodeURIComponent(courseId)}`,
  staffResources: () => '/staff/forms-training',
  /** BK-5: a producer's commission statements, in either producer portal. */
  commissionStatements: (portalId: TCoursePortal) => `/${portalId}/commissions`,
  commissionReport: (portalId: TCoursePortal) => `/${portalId}/commission-report`,
  commissionStatement: (portalId: TCoursePortal, period: string) => `/${portalId}/commissions/${encodeURIComponent(period)}`,
  staffBook: () => '/staff/book',
  staffBookProducer: (agentId: string) => `/staff/book/${encodeURIComponent(agentId)}`,
  staffBookClients: (agentId: string, state: string) => `/staff/book/${encodeURIComponent(agentId)}/${encodeURIComponent(state)}/clients`,
  staffBookClient: (agentId: string, state: string, clientId: string) =>
    `/staff/book/${encodeURIComponent(agentId)}/${encodeURIComponent(state)}/clients/${encodeURIComponent(clientId)}`,
  staffBookApplications: (agentId: string, state: string) => `/staff/book/${encodeURIComponent(agentId)}/${encodeURIComponent(state)}/applications`,
  staffBookGroups: (agentId: string) => `/staff/book/${encodeURIComponent(agentId)}/groups`,
  staffBookGroup: (agentId: string, accountNumber: string) => `/staff/book/${encodeURIComponent(agentId)}/groups/${encodeURIComponent(accountNumber)}`,
  staffBookCommissions: (agentId: string) => `/staff/book/${encodeURIComponent(agentId)}/commissions`,
};

export function hasSelfService(portalId: TPortalId): boolean {
  return SELF_SERVICE_PORTALS.includes(portalId);
}

/** A page address and what it shows; the router and matchRoute both read this one table. */
export interface TPageAddress {
  path: string;
  route: TRoute;
}

/** Every page address of the app, one entry per address (the portal roots show their login page). */
export const PAGE_ADDRESSES: readonly TPageAddress[] = [
  { path: paths.landing(), route: { kind: 'landing' } },
  { path: paths.producerServices(), route: { kind: 'producer-services' } },
  ...PORTAL_IDS.flatMap((portalId): TPageAddress[] => [
    { path: `/${portalId}`, route: { kind: 'login', portalId, next: undefined } },
    { path: paths.login(portalId), route: { kind: 'login', portalId, next: undefined } },
    { path: paths.home(portalId), route: { kind: 'home', portalId } },
    { path: paths.profile(portalId), route: { kind: 'profile', portalId } },
    ...(portalId === REGISTRATION_PORTAL
      ? [
          { path: paths.register(portalId), route: { kind: 'register', portalId } } as const,
          { path: `/${portalId}/register/confirm`, route: { kind: 'register-confirm', portalId, token: '' } } as const,
        ]
      : []),
    ...(hasSelfService(portalId)
      ? [
          { path: paths.forgotUsername(portalId), route: { kind: 'forgot-username', portalId } } as const,
          { path: paths.resetPassword(portalId), route: { kind: 'reset-password', portalId } } as const,
        ]
      : []),
    ...Object.entries(TOOL_PAGES[portalId]).map(([page, kind]): TPageAddress => ({ path: `/${portalId}/${page}`, route: { kind } })),
  ]),
  { path: paths.servicesHome(), route: { kind: 'services-home' } },
  { path: paths.requestAssistance(), route: { kind: 'request-assistance' } },
  ...REQUEST_TYPE_IDS.map((requestType): TPageAddress => ({ path: paths.requestForm(requestType), route: { kind: 'request-form', requestType } })),
  { path: paths.bookState(), route: { kind: 'book-state' } },
  { path: paths.bookClients(), route: { kind: 'book-clients' } },
  { path: paths.bookApplications(), route: { kind: 'book-applications' } },
];

/** Addresses with a ticket number in them: the route gets the number from the address. */
export const TICKET_ADDRESSES = [
  { path: '/producers/producer-services/tickets/:number', kind: 'ticket' },
  { path: '/staff/service-requests/:number', kind: 'staff-ticket' },
] as const;

/** A client's page: the route gets the client id from the address. */
export const CLIENT_ADDRESS = '/retail/clients/:clientId';
/** A group's page in the Book of Business: the account number from the address. */
export const GROUP_ADDRESS = '/producers/book/:accountNumber';

/** A training course's page, in either producer portal: the course id from the address. */
export const COURSE_ADDRESSES: readonly { path: string; portalId: TCoursePortal }[] = [
  { path: '/retail/training/:courseId', portalId: 'retail' },
  { path: '/producers/training/:courseId', portalId: 'producers' },
];

/** A commission statement's page, in either producer portal: the month from the address. */
export const STATEMENT_ADDRESSES: readonly { path: string; portalId: TCoursePortal }[] = [
  { path: '/retail/commissions/:period', portalId: 'retail' },
  { path: '/producers/commissions/:period', portalId: 'producers' },
];

/** A producer's book in the staff console: whose, which state and which client or group, from the address. */
export const STAFF_BOOK_ADDRESSES: readonly { path: string; view: TStaffBookView }[] = [
  { path: '/staff/book/:agentId', view: 'producer' },
  { path: '/staff/book/:agentId/groups', view: 'groups' },
  { path: '/staff/book/:agentId/groups/:id', view: 'group' },
  { path: '/staff/book/:agentId/commissions', view: 'commissions' },
  { path: '/staff/book/:agentId/:state/clients', view: 'clients' },
  { path: '/staff/book/:agentId/:state/clients/:id', view: 'client' },
  { path: '/staff/book/:agentId/:state/applications', view: 'applications' },
];

const BY_PATH = new Map(PAGE_ADDRESSES.map((address) => [address.path, address.route]));

/** The page at an address, with what its query string carries (a confirmation token, ?next=). */
export function matchRoute(pathname: string, search = ''): TRoute {
  const normalized = `/${pathname.split('/').filter(Boolean).join('/')}`;
  const route =
    BY_PATH.get(normalized) ??
    matchTicketAddress(normalized) ??
    matchClientAddress(normalized) ??
    matchStaffBookAddress(normalized) ??
    matchCourseAddress(normalized) ??
    matchStatementAddress(normalized);
  if (!route) return { kind: 'not-found' };
  const query = new URLSearchParams(search);
  if (route.kind === 'register-confirm') return { ...route, token: query.get('token') ?? '' };
  if (route.kind === 'login') return { ...route, next: safeNext(route.portalId, query.get('next')) };
  return route;
}

function matchTicketAddress(pathname: string): TRoute | undefined {
  for (const { path, kind } of TICKET_ADDRESSES) {
    const number = matchPath({ path, caseSensitive: true }, pathname)?.params.number;
    if (number) return { kind, number };
  }
  return undefined;
}

function matchClientAddress(pathname: string): TRoute | undefined {
  const clientId = matchPath({ path: CLIENT_ADDRESS, caseSensitive: true }, pathname)?.params.clientId;
  if (clientId) return { kind: 'book-client', clientId };
  const accountNumber = matchPath({ path: GROUP_ADDRESS, caseSensitive: true }, pathname)?.params.accountNumber;
  return accountNumber ? { kind: 'group-book-group', accountNumber } : undefined;
}

function matchStatementAddress(pathname: string): TRoute | undefined {
  for (const { path, portalId } of STATEMENT_ADDRESSES) {
    const period = matchPath({ path, caseSensitive: true }, pathname)?.params.period;
    if (period) return { kind: 'commission-statement', portalId, period };
  }
  return undefined;
}

function matchCourseAddress(pathname: string): TRoute | undefined {
  for (const { path, portalId } of COURSE_ADDRESSES) {
    const courseId = matchPath({ path, caseSensitive: true }, pathname)?.params.courseId;
    if (courseId) return { kind: 'course', portalId, courseId };
  }
  return undefined;
}

function matchStaffBookAddress(pathname: string): TRoute | undefined {
  for (const { path, view } of STAFF_BOOK_ADDRESSES) {
    const params = matchPath({ path, caseSensitive: true }, pathname)?.params;
    if (params?.agentId) return { kind: 'staff-book-view', view, agentId: params.agentId, state: params.state, id: params.id };
  }
  return undefined;
}

/** The portal a route belongs to (the tools live in one portal each). */
export function portalOfRoute(route: TRoute): TPortalId | undefined {
  if ('portalId' in route) return route.portalId;
  switch (route.kind) {
    case 'password-manager':
    case 'services-home':
    case 'request-assistance':
    case 'request-form':
    case 'ticket':
    case 'group-book':
    case 'group-book-group':
    case 'producer-forms':
    case 'producer-training':
    case 'producer-commissions':
    case 'producer-commission-report':
      return 'producers';
    case 'security-manager':
      return 'employers';
    case 'staff-users':
    case 'staff-audit':
    case 'staff-lifecycle':
    case 'staff-settings':
    case 'staff-feed-runs':
    case 'staff-service-requests':
    case 'staff-ticket':
    case 'staff-book':
    case 'staff-book-view':
    case 'staff-resources':
      return 'staff';
    case 'book-state':
    case 'book-clients':
    case 'book-client':
    case 'book-applications':
    case 'retail-forms':
    case 'retail-training':
    case 'retail-commissions':
    case 'retail-commission-report':
      return 'retail';
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
  // The query string stays: a list's search, sort and page live there.
  return url.pathname + url.search;
}
