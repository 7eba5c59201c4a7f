// Tenants for the administration tests: a producer ID with its Primary Producer and sub-users,
// an employer group with its DA, ADA and users, staff of each role; and a JSON client per session.
import type { LightMyRequestResponse } from 'fastify';
import { createUser } from '../../src/server/features/user-admin/user-accounts.service.ts';
import { upsertEmployerGroup } from '../../src/server/features/imports/groups-import.store.ts';
import { upsertProducer } from '../../src/server/features/imports/producers-import.store.ts';
import type { TPortalId, TRole } from '../../src/shared/portals.ts';
import { logInAs, unique, type TLoggedIn, type TTestApp } from './app.ts';

export interface TFixtureUser {
  id: string;
  username: string;
  password: string;
  portalId: TPortalId;
  role: TRole;
}

const PASSWORD = 'Correct horse 9';
let agentSequence = 0;

function nextAgentId(): string {
  agentSequence++;
  return String(700_000_000 + ((process.pid * 1000 + agentSequence) % 299_999_999)).slice(0, 9);
}

async function make(t: TTestApp, portalId: TPortalId, role: TRole, link: { agentId?: string; account?: string }, name = unique('adm')): Promise<TFixtureUser> {
  const password = portalId === 'retail' ? 'Kp4xw9Qz' : PASSWORD;
  const { id } = await createUser(
    { db: t.database.db, clock: t.clock },
    {
      portalId,
      username: name,
      password,
      role,
      producerAgentId: link.agentId,
      groupAccountNumber: link.account,
      email: `${name}@example.test`,
      firstName: 'Pat',
      lastName: name,
      actor: { label: 'test' },
    },
  );
  return { id, username: name, password, portalId, role };
}

export async function createProducerTeam(t: TTestApp, subUsers = 2) {
  const agentId = nextAgentId();
  await upsertProducer(
    t.database.db,
    { agentUniqueId: agentId, firstName: 'Pat', lastName: 'Producer', email: `p${agentId}@example.test`, agencyName: 'Team Agency', states: ['TX'] },
    t.clock.now(),
  );
  const pp = await make(t, 'producers', 'primary-producer', { agentId });
  const subs: TFixtureUser[] = [];
  for (let i = 0; i < subUsers; i++) subs.push(await make(t, 'producers', 'producer-user', { agentId }));
  return { agentId, pp, subs };
}

export async function createGroupTeam(t: TTestApp, users = 2) {
  const account = unique('G');
  await upsertEmployerGroup(t.database.db, { accountNumber: account, name: `Group ${account}` }, t.clock.now());
  const da = await make(t, 'employers', 'delegated-admin', { account });
  const ada = await make(t, 'employers', 'alternate-delegated-admin', { account });
  const members: TFixtureUser[] = [];
  for (let i = 0; i < users; i++) members.push(await make(t, 'employers', 'employer-user', { account }));
  return { account, da, ada, users: members };
}

export async function createStaff(t: TTestApp, role: 'help-desk' | 'producer-services' | 'security-admin') {
  return make(t, 'staff', role, {});
}

export async function createRetailUser(t: TTestApp) {
  const agentId = nextAgentId();
  await upsertProducer(
    t.database.db,
    { agentUniqueId: agentId, firstName: 'Rita', lastName: 'Retail', email: `r${agentId}@example.test`, agencyName: 'Retail Agency', states: ['TX'] },
    t.clock.now(),
  );
  return make(t, 'retail', 'retail-producer', { agentId });
}

export interface TClient {
  session: TLoggedIn;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** Logs in and returns a client that sends the cookie and the CSRF token. */
export async function clientFor(t: TTestApp, user: { portalId: string; username: string; password: string }): Promise<TClient> {
  const session = await logInAs(t, user);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
  return {
    session,
    get: (url) => send('GET', url),
    post: (url, payload) => send('POST', url, payload ?? {}),
    patch: (url, payload) => send('PATCH', url, payload),
    put: (url, payload) => send('PUT', url, payload),
  };
}
