// Whatever a caller sends, no API answer carries SQL, a stack trace or a 5xx for its own mistake.
// Every operation of the OpenAPI document is sent hostile values (control characters, huge text,
// wrong types, quotes) in each path parameter, query parameter and body field in turn, with the
// other fields plausible so the hostile one gets as far into the server as it can.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInAs, type TTestApp } from '../support/app.ts';
import { leakIn } from '../support/leaks.ts';
import { createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TFixtureUser } from '../support/admin-fixtures.ts';

const HOSTILE: unknown[] = [
  'x\u0000y',
  '\u0000',
  '\u0001\u001f\u007f',
  'A'.repeat(5_000),
  "x'; drop table users; --",
  '%00',
  '\ud800',
  '../../etc/passwd',
  -1,
  1e308,
  null,
  true,
  ['a'],
  { a: 1 },
];

/** Values a careful caller would send, so a hostile value in one field is not refused for another. */
const PLAUSIBLE: Record<string, unknown> = {
  username: 'someone.else',
  password: 'Plausible#123',
  confirmPassword: 'Plausible#123',
  currentPassword: 'Plausible#123',
  newPassword: 'Plausible#124',
  confirmNewPassword: 'Plausible#124',
  email: 'someone@example.test',
  agentUniqueId: '000000001',
  firstName: 'Pat',
  lastName: 'Lee',
  role: 'employer-user',
  token: 'a'.repeat(43),
  question: 'Where?',
  answer: 'Here',
  policy: { lockoutMinutes: 30 },
  texts: {},
  portalId: 'retail',
  userId: randomUUID(),
};

interface TOperation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[] | undefined;
}

type TIdentity = 'anonymous' | 'retail' | 'pp' | 'da' | 'sa';

/** Who can get past the guard of a path, so the hostile input reaches the handler. */
function identitiesFor(path: string): TIdentity[] {
  if (path.startsWith('/api/password-manager')) return ['anonymous', 'pp'];
  if (path.startsWith('/api/security-manager')) return ['anonymous', 'da'];
  if (path.startsWith('/api/staff')) return ['anonymous', 'sa'];
  return ['anonymous', 'retail'];
}

let t: TTestApp;
let users: Record<Exclude<TIdentity, 'anonymous'>, TFixtureUser>;
let operations: TOperation[];

beforeAll(async () => {
  t = await createTestApp();
  const [producers, group, retail, sa] = [
    await createProducerTeam(t, 0),
    await createGroupTeam(t, 0),
    await createRetailUser(t),
    await createStaff(t, 'security-admin'),
  ];
  users = { retail, pp: producers.pp, da: group.da, sa };
  operations = readOperations((await t.app.inject({ url: '/api/openapi.json' })).json());
});
afterAll(async () => {
  await t.close();
});

function readOperations(document: {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: { in: string; name: string }[]; requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }
    >
  >;
}): TOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyFields: op.requestBody ? Object.keys(op.requestBody.content['application/json']?.schema?.properties ?? {}) : undefined,
    })),
  );
}

interface TProbe {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/** Each hostile value in each place, one place at a time, plus malformed bodies. */
function probesOf(op: TOperation): TProbe[] {
  const plausible = (names: string[]) => Object.fromEntries(names.map((n) => [n, PLAUSIBLE[n] ?? 'abc']));
  const base: TProbe = { path: plausible(op.pathParams), query: {}, body: op.bodyFields ? plausible(op.bodyFields) : undefined };
  const probes: TProbe[] = [];
  for (const value of HOSTILE) {
    for (const name of op.pathParams) probes.push({ ...base, path: { ...base.path, [name]: value } });
    for (const name of op.queryParams) probes.push({ ...base, query: { [name]: value } });
    for (const name of op.bodyFields ?? []) probes.push({ ...base, body: { ...(base.body as object), [name]: value } });
  }
  if (op.bodyFields)
    probes.push({ ...base, body: '{"unclosed": ' }, { ...base, body: [base.body] }, { ...base, body: { ...(base.body as object), extra: 'x\u0000' } });
  return probes;
}

function urlOf(op: TOperation, probe: TProbe): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => percentEncoded(probe.path[name]));
  const query = Object.entries(probe.query)
    .map(([k, v]) => `${k}=${percentEncoded(v)}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** Every byte percent-encoded (encodeURIComponent refuses a lone surrogate); objects as JSON text. */
function percentEncoded(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return [...Buffer.from(text)].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

describe('every API operation, sent hostile input', () => {
  it('answers without SQL, stack traces or a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(30);
    const findings: string[] = [];
    let sent = 0;
    for (const op of operations) {
      for (const who of identitiesFor(op.path)) {
        // A fresh session per operation: logout and similar operations end the one they are sent
        // with, and wrong current passwords lock the account (the clock moves past the lockout).
        t.clock.advance({ hours: 1 });
        const session = who === 'anonymous' ? undefined : await logInAs(t, users[who]);
        const headers: Record<string, string> = session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {};
        for (const probe of probesOf(op)) {
          const payload = probe.body === undefined ? undefined : typeof probe.body === 'string' ? probe.body : JSON.stringify(probe.body);
          const described = `${who} ${op.method} ${urlOf(op, probe).slice(0, 120)} ${JSON.stringify(probe.body)?.slice(0, 120) ?? ''}`;
          const response = await t.app
            .inject({
              method: op.method as 'GET',
              url: urlOf(op, probe),
              headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
              ...(payload === undefined ? {} : { payload }),
            })
            .catch((error: unknown) => {
              findings.push(`${described} → no complete answer: ${String(error)}`);
              return undefined;
            });
          sent++;
          if (!response) continue;
          const leak = leakIn(response.body);
          if (response.statusCode >= 500 || leak) {
            findings.push(`${described} → ${response.statusCode} ${response.body.slice(0, 200)}`);
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1_000);
    expect(findings).toEqual([]);
  }, 240_000);
});
