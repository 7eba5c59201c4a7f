// A real listening server for end-to-end tests: fresh database, demo data, the built web app.
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedDemoData } from '../../src/server/features/demo/demo.service.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { createOutboxSender } from '../../src/server/platform/outbox/index.ts';
import type { TDatabase } from '../../src/server/db/client.ts';
import { createTestDatabase, testEngine } from './db.ts';
import { copyDemoTemplate } from './demo-template.ts';
import { createTestFiles, type TTestFiles } from './files.ts';

export interface TRunningServer {
  baseUrl: string;
  app: FastifyInstance;
  database: TDatabase;
  close(): Promise<void>;
}

export interface TStartServerOptions {
  /**
   * `smtp://…` of a test SMTP server (test/support/smtp.ts): the server then runs the outbox
   * sender like `serve` does, on a port chosen up front so PUBLIC_URL (links in e-mail) is right.
   * Without it no e-mail leaves the outbox, as before.
   */
  smtpUrl?: string;
  /** More environment for loadConfig (e.g. MAIL_FROM). */
  env?: Record<string, string>;
}

export async function startServer(options: TStartServerOptions = {}): Promise<TRunningServer> {
  const files = await createTestFiles();
  const database = await demoDatabase(files);
  const port = options.smtpUrl ? await freePort() : 0;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    PORT: String(port),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl, PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...options.env,
  });
  const outbox = options.smtpUrl ? createOutboxSender({ config, db: database.db, clock: systemClock, options: { pollIntervalMs: 250 } }) : undefined;
  // E2E_WEB_ROOT: a web build elsewhere than dist/web, so that two checkouts' builds do not collide.
  const webRoot = process.env.E2E_WEB_ROOT;
  const app = await buildApp({
    config,
    database,
    fileStore: files.fileStore,
    secretBox: files.secretBox,
    logger: false,
    loginFailureLimit: { maxFailures: 10_000, windowMinutes: 15 },
    ...(outbox ? { outbox } : {}),
    ...(webRoot ? { webRoot } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  outbox?.start();
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const close = async () => {
    await app.close();
    await files.cleanup();
  };
  return { baseUrl: `http://127.0.0.1:${address.port}`, app, database, close };
}

/**
 * A database with the demo's forms and training (they need the file store); its tickets stay out of
 * the e2e tests' way. A copy of the run's demo (demo-template.ts) when there is one, else seeded here.
 */
async function demoDatabase(files: TTestFiles): Promise<TDatabase> {
  const copy = testEngine() === 'pglite' ? await copyDemoTemplate(files.filesDir) : undefined;
  if (copy) return copy;
  const database = await createTestDatabase();
  await seedDemoData({ db: database.db, clock: systemClock, bulk: database.withBulkConnection, fileStore: files.fileStore });
  return database;
}

/** A TCP port free right now on 127.0.0.1 (the OS picks it; the server takes it a moment later). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address !== 'string' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
