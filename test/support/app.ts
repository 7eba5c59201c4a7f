// An app on a fresh database with a movable clock, and helpers to log in through HTTP.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { TDatabase } from '../../src/server/db/client.ts';
import { createUser } from '../../src/server/features/user-admin/user-accounts.service.ts';
import { upsertEmployerGroup } from '../../src/server/features/imports/groups-import.store.ts';
import { upsertProducer } from '../../src/server/features/imports/producers-import.store.ts';
import { ManualClock } from '../../src/server/platform/clock.ts';
import type { TFailureLimit } from '../../src/server/platform/failure-limiter.ts';
import type { TPortalId, TRole } from '../../src/shared/portals.ts';
import type { TServiceDeps } from '../../src/server/platform/deps.ts';
import type { TFileStore } from '../../src/server/platform/file-store/index.ts';
import type { TSecretBox } from '../../src/server/platform/secret-box.ts';
import { createTestDatabase } from './db.ts';
import { createTestFiles } from './files.ts';

export interface TTestApp {
  app: FastifyInstance;
  database: TDatabase;
  clock: ManualClock;
  /** A disk store in a temporary folder of its own (removed on close). */
  fileStore: TFileStore;
  filesDir: string;
  secretBox: TSecretBox;
  /** What services take: this app's database, clock, file store and secret box. */
  deps: TServiceDeps;
  close(): Promise<void>;
}

export async function createTestApp(options: { loginFailureLimit?: TFailureLimit; database?: TDatabase } = {}): Promise<TTestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const files = await createTestFiles();
  const { fileStore, secretBox } = files;
  const app = await buildApp({
    config,
    database,
    clock,
    logger: false,
    loginFailureLimit: options.loginFailureLimit ?? { maxFailures: 10_000, windowMinutes: 15 },
    fileStore,
    secretBox,
  });
  await app.ready();
  const deps = { db: database.db, clock, fileStore, secretBox };
  const close = async () => {
    await app.close();
    await files.cleanup();
  };
  return { app, database, clock, fileStore, filesDir: files.filesDir, secretBox, deps, close };
}

let sequence = 0;
/** Unique nine-digit ids and names, so factories never collide within a database. */
export function unique(prefix = 'u'): string {
  sequence++;
  return `${prefix}${process.pid % 1000}${sequence}`;
}

export interface TUserFactoryInput {
  portalId?: TPortalId;
  role?: TRole;
  username?: string;
  password?: string;
}

const DEFAULT_ROLE: Record<TPortalId, TRole> = {
  producers: 'producer-user',
  employers: 'employer-user',
  retail: 'retail-producer',
  staff: 'help-desk',
};

/** Creates a user (with the producer or group it needs) through the real service. */
export async function createTestUser(t: TTestApp, input: TUserFactoryInput = {}) {
  const portalId = input.portalId ?? 'retail';
  const username = input.username ?? unique('user');
  const password = input.password ?? (portalId === 'retail' ? 'Kp4xw9Qz' : 'Correct horse 9');
  const agentId = String(100_000_000 + Math.floor(Math.random() * 899_999_999)).slice(0, 9);
  const account = unique('G');
  if (portalId === 'producers' || portalId === 'retail') {
    await upsertProducer(
      t.database.db,
      { agentUniqueId: agentId, firstName: 'Pat', lastName: 'Producer', email: `${username}@example.test`, agencyName: 'Test Agency', states: ['TX'] },
      t.clock.now(),
    );
  }
  if (portalId === 'employers') await upsertEmployerGroup(t.database.db, { accountNumber: account, name: 'Test Group' }, t.clock.now());
  const { id } = await createUser(
    { db: t.database.db, clock: t.clock },
    {
      portalId,
      username,
      password,
      role: input.role ?? DEFAULT_ROLE[portalId],
      producerAgentId: portalId === 'producers' || portalId === 'retail' ? agentId : undefined,
      groupAccountNumber: portalId === 'employers' ? account : undefined,
      firstName: 'Pat',
      lastName: 'Tester',
      actor: { label: 'test' },
    },
  );
  return { id, username, password, portalId, agentId };
}

export function loginRequest(t: TTestApp, portalId: string, username: string, password: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'POST', url: `/api/portals/${portalId}/login`, payload: { username, password }, headers });
}

export interface TLoggedIn {
  cookie: string;
  csrfToken: string;
  response: LightMyRequestResponse;
}

export async function logInAs(t: TTestApp, user: { portalId: string; username: string; password: string }): Promise<TLoggedIn> {
  const response = await loginRequest(t, user.portalId, user.username, user.password);
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'portico_session');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `portico_session=${cookie.value}`, csrfToken: response.json<{ csrfToken: string }>().csrfToken, response };
}
