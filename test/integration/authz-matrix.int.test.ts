// Every administration endpoint answers 401 without a session, 403 to roles the policy gives
// nothing (and to unsafe requests without the CSRF token), 400 to malformed input — before it
// changes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from '../support/app.ts';
import { clientFor, createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TClient } from '../support/admin-fixtures.ts';

let t: TTestApp;
let as: Record<'pp' | 'sub' | 'da' | 'ada' | 'member' | 'retail' | 'hd' | 'ps' | 'sa', TClient>;
// Placeholders name the tests; beforeAll puts the real ids in.
const ids = { sub: ':userId', member: ':userId', retail: ':userId' };

beforeAll(async () => {
  t = await createTestApp();
  const producers = await createProducerTeam(t, 1);
  const group = await createGroupTeam(t, 1);
  const retail = await createRetailUser(t);
  const [sub] = producers.subs;
  const [member] = group.users;
  if (!sub || !member) throw new Error('fixture');
  Object.assign(ids, { sub: sub.id, member: member.id, retail: retail.id });
  as = {
    pp: await clientFor(t, producers.pp),
    sub: await clientFor(t, sub),
    da: await clientFor(t, group.da),
    ada: await clientFor(t, group.ada),
    member: await clientFor(t, member),
    retail: await clientFor(t, retail),
    hd: await clientFor(t, await createStaff(t, 'help-desk')),
    ps: await clientFor(t, await createStaff(t, 'producer-services')),
    sa: await clientFor(t, await createStaff(t, 'security-admin')),
  };
});
afterAll(async () => {
  await t.close();
});

type TWho = keyof typeof as;
interface TEndpoint {
  method: 'GET' | 'POST' | 'PATCH';
  url: () => string;
  body?: Record<string, unknown>;
  /** A role the route admits, to test CSRF and validation with. */
  admitted: TWho;
  /** Roles refused with 403 (by the guard or the policy). */
  refused: TWho[];
  /** Malformed requests of the admitted role. */
  invalid: { url?: string; body?: unknown }[];
}

const BAD_ID = 'not-a-uuid';
const newUser = { username: 'matrix.user', firstName: 'M', lastName: 'U', email: 'matrix@example.test' };
const NON_ADMINS: TWho[] = ['sub', 'member', 'retail'];

const actionRoutes = (prefix: string, target: () => string, admitted: TWho, refused: TWho[]): TEndpoint[] => [
  { method: 'GET', url: () => `${prefix}/users/${target()}`, admitted, refused, invalid: [{ url: `${prefix}/users/${BAD_ID}` }] },
  ...['password-reset', 'unlock', 'disable', 'reinstate'].map((action): TEndpoint => ({
    method: 'POST',
    url: () => `${prefix}/users/${target()}/${action}`,
    admitted,
    refused,
    invalid: [{ url: `${prefix}/users/${BAD_ID}/${action}` }, { body: { role: 'security-admin' } }, { body: { producerId: 1 } }],
  })),
];

const ENDPOINTS: TEndpoint[] = [
  // Password Manager
  {
    method: 'GET',
    url: () => '/api/password-manager/users',
    admitted: 'pp',
    refused: [...NON_ADMINS, 'da', 'hd', 'sa'],
    invalid: [
      { url: '/api/password-manager/users?pageSize=101' },
      { url: '/api/password-manager/users?sort=password' },
      { url: '/api/password-manager/users?producer=123456789' },
    ],
  },
  {
    method: 'POST',
    url: () => '/api/password-manager/users',
    body: newUser,
    admitted: 'pp',
    refused: [...NON_ADMINS, 'da', 'ada', 'hd', 'sa'],
    invalid: [
      { body: { ...newUser, role: 'primary-producer' } },
      { body: { ...newUser, producerId: 99 } },
      { body: { ...newUser, email: 'nope' } },
      { body: { ...newUser, username: 'a b' } },
    ],
  },
  ...actionRoutes('/api/password-manager', () => ids.sub, 'pp', [...NON_ADMINS, 'da', 'hd', 'sa']),
  // Security Manager
  {
    method: 'GET',
    url: () => '/api/security-manager/users',
    admitted: 'da',
    refused: [...NON_ADMINS, 'pp', 'hd'],
    invalid: [
      { url: '/api/security-manager/users?page=0' },
      { url: '/api/security-manager/users?group=999' },
      { url: '/api/security-manager/users?status=gone' },
    ],
  },
  {
    method: 'GET',
    url: () => '/api/security-manager/users.csv',
    admitted: 'ada',
    refused: [...NON_ADMINS, 'pp', 'sa'],
    invalid: [
      { url: '/api/security-manager/users.csv?group=999' },
      { url: '/api/security-manager/users.csv?portal=staff' },
      { url: '/api/security-manager/users.csv?q=x' },
    ],
  },
  {
    method: 'POST',
    url: () => '/api/security-manager/users',
    body: newUser,
    admitted: 'da',
    refused: [...NON_ADMINS, 'pp', 'hd', 'sa'],
    invalid: [{ body: { ...newUser, role: 'delegated-admin' } }, { body: { ...newUser, groupId: 1 } }, { body: { ...newUser, portalId: 'staff' } }],
  },
  ...actionRoutes('/api/security-manager', () => ids.member, 'da', [...NON_ADMINS, 'pp', 'hd']),
  // Staff console
  {
    method: 'GET',
    url: () => '/api/staff/users',
    admitted: 'ps',
    refused: [...NON_ADMINS, 'pp', 'da'],
    invalid: [{ url: '/api/staff/users?portal=moon' }, { url: '/api/staff/users?producer=12' }],
  },
  {
    method: 'GET',
    url: () => '/api/staff/users.csv',
    admitted: 'hd',
    refused: [...NON_ADMINS, 'pp', 'da', 'ps'],
    invalid: [{ url: '/api/staff/users.csv?page=2' }],
  },
  {
    method: 'GET',
    url: () => `/api/staff/users/${ids.retail}`,
    admitted: 'ps',
    refused: [...NON_ADMINS, 'pp', 'da'],
    invalid: [{ url: `/api/staff/users/${BAD_ID}` }],
  },
  ...(['password-reset', 'unlock', 'reinstate'] as const).map((action): TEndpoint => ({
    method: 'POST',
    url: () => `/api/staff/users/${ids.retail}/${action}`,
    admitted: 'hd',
    refused: [...NON_ADMINS, 'pp', 'da', 'ps'],
    invalid: [{ url: `/api/staff/users/${BAD_ID}/${action}` }, { body: { portal: 'staff' } }],
  })),
  {
    method: 'POST',
    url: () => `/api/staff/users/${ids.retail}/disable`,
    admitted: 'sa',
    refused: [...NON_ADMINS, 'pp', 'da', 'ps', 'hd'],
    invalid: [{ body: { status: 'active' } }],
  },
  {
    method: 'GET',
    url: () => '/api/staff/audit',
    admitted: 'hd',
    refused: [...NON_ADMINS, 'pp', 'da', 'ps'],
    invalid: [
      { url: '/api/staff/audit?from=yesterday' },
      { url: '/api/staff/audit?action=DROP%20TABLE' },
      { url: '/api/staff/audit?from=2026-03-02&to=2026-03-01' },
    ],
  },
  {
    method: 'GET',
    url: () => '/api/staff/portals/retail/settings',
    admitted: 'ps',
    refused: [...NON_ADMINS, 'pp', 'da'],
    invalid: [{ url: '/api/staff/portals/moon/settings' }],
  },
  {
    method: 'PATCH',
    url: () => '/api/staff/portals/retail/settings',
    body: { policy: { lockoutMinutes: 45 } },
    admitted: 'sa',
    refused: [...NON_ADMINS, 'pp', 'da', 'hd', 'ps'],
    invalid: [{ body: {} }, { body: { policy: { lockoutMinutes: 0 } } }, { body: { policy: { unknown: 1 } } }, { body: { name: 'Evil' } }],
  },
  {
    method: 'GET',
    url: () => '/api/staff/lifecycle/upcoming',
    admitted: 'hd',
    refused: [...NON_ADMINS, 'pp', 'da', 'ps'],
    invalid: [{ url: '/api/staff/lifecycle/upcoming?days=0' }, { url: '/api/staff/lifecycle/upcoming?pageSize=1000' }],
  },
];

function send(endpoint: TEndpoint, headers: Record<string, string>, override: { url?: string; body?: unknown } = {}) {
  const body = override.body ?? endpoint.body;
  return t.app.inject({
    method: endpoint.method,
    url: override.url ?? endpoint.url(),
    headers,
    ...(endpoint.method !== 'GET' ? { payload: (body ?? {}) as Record<string, unknown> } : {}),
  });
}

const headersOf = (who: TWho, withCsrf = true) => ({ cookie: as[who].session.cookie, ...(withCsrf ? { 'x-csrf-token': as[who].session.csrfToken } : {}) });

describe.each(ENDPOINTS.map((e) => [`${e.method} ${e.url()}`, e] as const))('%s', (_name, endpoint) => {
  it('401 without a session', async () => {
    const response = await send(endpoint, {});
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.unauthenticated');
  });

  it('403 for roles without the privilege', async () => {
    for (const who of endpoint.refused) {
      const response = await send(endpoint, headersOf(who));
      expect({ who, status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({ who, status: 403, code: 'auth.forbidden' });
    }
  });

  if (endpoint.method !== 'GET') {
    it('403 without the CSRF token', async () => {
      const response = await send(endpoint, headersOf(endpoint.admitted, false));
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('auth.csrf');
    });
  }

  it('400 for an unknown query key', async () => {
    const url = endpoint.url();
    const response = await send(endpoint, headersOf(endpoint.admitted), { url: `${url}${url.includes('?') ? '&' : '?'}portalId=staff` });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('request.invalid');
  });

  it('400 for malformed input', async () => {
    for (const bad of endpoint.invalid) {
      const response = await send(endpoint, headersOf(endpoint.admitted), bad);
      expect({ bad, status: response.statusCode }).toEqual({ bad, status: 400 });
      expect(['request.invalid', 'settings.invalid']).toContain(response.json<{ code: string }>().code);
    }
  });
});
