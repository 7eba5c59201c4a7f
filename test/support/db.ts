// A fresh, migrated database per test file: a copy of a migrated PGlite template (in memory),
// or a new PostgreSQL database cloned from a migrated template database.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, PGLITE_EXTENSIONS, wrapPglite, type TDatabase } from '../../src/server/db/client.ts';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE } from './templates.ts';

export type TTestEngine = 'pglite' | 'postgres';

export function testEngine(): TTestEngine {
  return process.env.PORTICO_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

export async function createTestDatabase(): Promise<TDatabase> {
  return testEngine() === 'postgres' ? createPostgresDatabase() : createPgliteDatabase();
}

async function createPgliteDatabase(): Promise<TDatabase> {
  const blob = new Blob([await readFile(PGLITE_TEMPLATE_FILE)]);
  const client = await PGlite.create({ loadDataDir: blob, extensions: PGLITE_EXTENSIONS });
  return wrapPglite(client);
}

async function createPostgresDatabase(): Promise<TDatabase> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error('PORTICO_TEST_DB=postgres needs DATABASE_URL');
  const name = `portico_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name} template ${PG_TEMPLATE_DB}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent', poolSize: 12 });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Environment for running the `portico` CLI against a fresh database of the engine under test. */
export async function createCliEnvironment(): Promise<{ env: NodeJS.ProcessEnv; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-cli-'));
  const base = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: '' };
  const baseUrl = process.env.DATABASE_URL;
  if (testEngine() !== 'postgres' || !baseUrl) {
    return { env: base, dataDir, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const name = `portico_cli_${randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    env: { ...base, DATABASE_URL: url.toString() },
    dataDir,
    async cleanup() {
      await adminQuery(baseUrl, `drop database if exists ${name} with (force)`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
