// What the scan attacks: every JSON operation of the OpenAPI document, each with a request that
// reaches its handler (valid session, CSRF token, valid body), so the tools' payloads meet the
// code behind validation and not only the 401/403 in front of it. An operation that is neither
// here nor in NOT_SCANNED stops the scan (exit 2): a new endpoint must be added to the sweep.
import type { TSessionName } from './sessions.ts';

export interface TTarget {
  name: string;
  /** The OpenAPI operation covered, as `METHOD /path/{param}`. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Path and query string. `*` after a path parameter marks it for sqlmap; `{user:NAME}` is that demo user's id. */
  path: string;
  body?: Record<string, unknown>;
  session?: TSessionName;
  /**
   * Public self-service endpoints limit failures per client address (login: 30 in 15 min, then 429).
   * sqlmap reaches them through a relay that spreads its connections over 127.0.0.2–254, as a
   * distributed attacker would, so the limiter does not turn the rest of the scan into 429s.
   */
  spread?: boolean;
  /** 3 also tests User-Agent and Referer (the login stores the User-Agent with the session). */
  level: 2 | 3;
  /** Extra request headers; `*` marks one for sqlmap. */
  headers?: string[];
  /** sqlmap's -p: needed for a parameter it would skip by its name (it ignores anything called "token"). */
  only?: string;
  /** Statuses the request itself may get: anything else means the target is not reached. */
  expect: readonly number[];
}

/** Users the admin actions act on: none of them is a session user, so no session is disturbed. */
export const ACTED_ON_USERS = ['lkim', 'cjohnson', 'bnguyen'] as const;

const list = 'status=active&sort=name&dir=asc&page=1&pageSize=25';
const userActions = (prefix: string, session: TSessionName, user: string, apiPath: string): TTarget[] =>
  (['password-reset', 'unlock', 'disable', 'reinstate'] as const).map((action) => ({
    name: `${prefix}-${action}`,
    operation: `POST ${apiPath}/{userId}/${action}`,
    method: 'POST',
    path: `${apiPath}/{user:${user}}*/${action}`,
    body: {},
    session,
    level: 2,
    expect: [200, 204, 409],
  }));

export const TARGETS: readonly TTarget[] = [
  // Signed in (retail producer): their own session and profile.
  { name: 'session', operation: 'GET /api/session', method: 'GET', path: '/api/session', session: 'retail', level: 2, expect: [200] },
  { name: 'me-profile', operation: 'GET /api/me/profile', method: 'GET', path: '/api/me/profile', session: 'retail', level: 2, expect: [200] },
  {
    name: 'me-challenge',
    operation: 'PUT /api/me/challenge-question',
    method: 'PUT',
    path: '/api/me/challenge-question',
    session: 'retail',
    level: 2,
    expect: [200, 204],
    body: { question: 'What was the name of your first pet?', answer: 'Rex the dog' },
  },
  // Password Manager (Primary Producer mreyes), acting on lkim.
  {
    name: 'pm-list',
    operation: 'GET /api/password-manager/users',
    method: 'GET',
    path: `/api/password-manager/users?q=kim&${list}`,
    session: 'producers',
    level: 2,
    expect: [200],
  },
  {
    name: 'pm-create',
    operation: 'POST /api/password-manager/users',
    method: 'POST',
    path: '/api/password-manager/users',
    session: 'producers',
    level: 2,
    expect: [200, 201, 409],
    body: { username: 'scan.subuser', firstName: 'Scan', lastName: 'Subuser', email: 'scan.subuser@example.test' },
  },
  {
    name: 'pm-user',
    operation: 'GET /api/password-manager/users/{userId}',
    method: 'GET',
    path: '/api/password-manager/users/{user:lkim}*',
    session: 'producers',
    level: 2,
    expect: [200],
  },
  ...userActions('pm', 'producers', 'lkim', '/api/password-manager/users'),
  // Security Manager (Delegated Administrator agarcia), acting on cjohnson.
  {
    name: 'sm-list',
    operation: 'GET /api/security-manager/users',
    method: 'GET',
    path: `/api/security-manager/users?q=john&${list}`,
    session: 'employers',
    level: 2,
    expect: [200],
  },
  {
    name: 'sm-csv',
    operation: 'GET /api/security-manager/users.csv',
    method: 'GET',
    path: '/api/security-manager/users.csv',
    session: 'employers',
    level: 2,
    expect: [200],
  },
  {
    name: 'sm-create',
    operation: 'POST /api/security-manager/users',
    method: 'POST',
    path: '/api/security-manager/users',
    session: 'employers',
    level: 2,
    expect: [200, 201, 409],
    body: { username: 'scan.employee', firstName: 'Scan', lastName: 'Employee', email: 'scan.employee@example.test', role: 'employer-user' },
  },
  {
    name: 'sm-user',
    operation: 'GET /api/security-manager/users/{userId}',
    method: 'GET',
    path: '/api/security-manager/users/{user:cjohnson}*',
    session: 'employers',
    level: 2,
    expect: [200],
  },
  ...userActions('sm', 'employers', 'cjohnson', '/api/security-manager/users'),
  // Staff console (Security Administrator secadmin), acting on bnguyen.
  {
    name: 'staff-list',
    operation: 'GET /api/staff/users',
    method: 'GET',
    session: 'staff',
    level: 2,
    expect: [200],
    path: `/api/staff/users?q=acme&${list}&portal=employers&group=100234`,
  },
  {
    name: 'staff-list-producer',
    operation: 'GET /api/staff/users',
    method: 'GET',
    session: 'staff',
    level: 2,
    expect: [200],
    path: '/api/staff/users?portal=producers&producer=000600501',
  },
  {
    name: 'staff-csv',
    operation: 'GET /api/staff/users.csv',
    method: 'GET',
    session: 'staff',
    level: 2,
    expect: [200],
    path: '/api/staff/users.csv?q=a&status=active&portal=employers&group=100234',
  },
  {
    name: 'staff-user',
    operation: 'GET /api/staff/users/{userId}',
    method: 'GET',
    path: '/api/staff/users/{user:bnguyen}*',
    session: 'staff',
    level: 2,
    expect: [200],
  },
  ...userActions('staff', 'staff', 'bnguyen', '/api/staff/users'),
  {
    name: 'staff-audit',
    operation: 'GET /api/staff/audit',
    method: 'GET',
    session: 'staff',
    level: 2,
    expect: [200],
    path: '/api/staff/audit?user=agarcia&action=account.unlocked&portal=employers&from=2020-01-01&to=2099-12-31T00:00:00Z&page=1&pageSize=25',
  },
  {
    name: 'staff-settings',
    operation: 'GET /api/staff/portals/{portalId}/settings',
    method: 'GET',
    path: '/api/staff/portals/employers*/settings',
    session: 'staff',
    level: 2,
    expect: [200],
  },
  // The employers portal's texts: the login target below uses the staff portal's.
  {
    name: 'staff-settings-patch',
    operation: 'PATCH /api/staff/portals/{portalId}/settings',
    method: 'PATCH',
    path: '/api/staff/portals/employers*/settings',
    session: 'staff',
    level: 2,
    expect: [200],
    body: { policy: { lockoutMinutes: 30 }, texts: { unavailable: 'Portal unavailable, please try again later.' } },
  },
  {
    name: 'staff-lifecycle',
    operation: 'GET /api/staff/lifecycle/upcoming',
    method: 'GET',
    path: '/api/staff/lifecycle/upcoming?days=30&portal=producers&page=1&pageSize=25',
    session: 'staff',
    level: 2,
    expect: [200],
  },
  // Public self-service, last: they lock accounts and fill per-address limits.
  {
    name: 'registration',
    operation: 'POST /api/portals/retail/registrations',
    method: 'POST',
    path: '/api/portals/retail/registrations',
    spread: true,
    level: 2,
    expect: [200, 201, 202, 409],
    body: {
      agentUniqueId: '000600512',
      email: 'dana.whitfield@bigsky-agency.example',
      username: 'scan.retail',
      password: 'Scan2026',
      confirmPassword: 'Scan2026',
    },
  },
  {
    name: 'registration-confirm',
    operation: 'POST /api/registrations/confirm',
    method: 'POST',
    path: '/api/registrations/confirm',
    spread: true,
    level: 2,
    expect: [400, 404, 410],
    body: { token: 'scan0not0a0real0token0000000000000' },
    only: 'token',
  },
  // These two answer no sooner than 300 ms (the neutral-answer floor), so their portal path parameter
  // (the same portal lookup as the login's) is tested on the login target only.
  {
    name: 'forgot-username',
    operation: 'POST /api/portals/{portalId}/forgot-username',
    method: 'POST',
    path: '/api/portals/retail/forgot-username',
    spread: true,
    level: 2,
    expect: [200, 202],
    body: { agentUniqueId: '000600492', email: 'Jessica_Camp@hscil.com' },
  },
  {
    name: 'password-reset',
    operation: 'POST /api/portals/{portalId}/password-resets',
    method: 'POST',
    path: '/api/portals/producers/password-resets',
    spread: true,
    level: 2,
    expect: [200, 202],
    body: { username: 'lkim', email: 'linda.kim@lonestar-benefits.example' },
  },
  // helpdesk is used by nothing else: its lockout by the password payloads disturbs no other target.
  // The request id lands in the audit trail of every audited action; the login writes one.
  {
    name: 'login',
    operation: 'POST /api/portals/{portalId}/login',
    method: 'POST',
    path: '/api/portals/staff*/login',
    spread: true,
    level: 3,
    expect: [200],
    body: { username: 'helpdesk', password: 'Staff#2026!' },
    headers: ['x-request-id: scan-login*'],
  },
];

/** Operations deliberately left out, each with its reason (printed in the summary). */
export const NOT_SCANNED: Readonly<Record<string, string>> = {
  'GET /healthz': 'takes no input',
  'GET /readyz': 'takes no input',
  'GET /api/portals': 'takes no input (public list of the portals)',
  'GET /api/staff/portals': 'takes no input but the session cookie, which GET /api/session tests through the same session lookup',
  'POST /api/session/logout': 'ends the session it is scanned with; its only input, the cookie, is tested on GET /api/session',
  'POST /api/me/password':
    'three wrong current passwords lock the account and end its sessions, a right one ends them too, so sqlmap loses its session after two requests; the passwords only reach Argon2id, never SQL',
};

/** `METHOD /path` of every operation in an OpenAPI document. */
export function openApiOperations(document: { paths?: Record<string, Record<string, unknown>> }): string[] {
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => methods.has(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** The URL of a target: ids filled in; `keepMarks` keeps sqlmap's `*` injection marks. */
export function targetUrl(base: string, target: TTarget, userIds: ReadonlyMap<string, string>, keepMarks: boolean): string {
  const path = target.path.replace(/\{user:(\w+)\}/g, (_m, name: string) => userIds.get(name) ?? name);
  return base + (keepMarks ? path : path.replaceAll('*', ''));
}
