// A real listening server for end-to-end tests: fresh database, demo data, the built web app.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { seedDemoData } from '../../src/server/features/demo/demo.service.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import type { TDatabase } from '../../src/server/db/client.ts';
import { createTestDatabase } from './db.ts';

export interface TRunningServer {
  baseUrl: string;
  app: FastifyInstance;
  database: TDatabase;
  close(): Promise<void>;
}

export async function startServer(): Promise<TRunningServer> {
  const database = await createTestDatabase();
  await seedDemoData({ db: database.db, clock: systemClock });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', PORT: '0' });
  const app = await buildApp({ config, database, logger: false, loginFailureLimit: { maxFailures: 10_000, windowMinutes: 15 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return { baseUrl: `http://127.0.0.1:${address.port}`, app, database, close: () => app.close() };
}
