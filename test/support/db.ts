// A fresh, migrated database per test file: a copy of a migrated PGlite template (in memory),
// or a new PostgreSQL database cloned from a migrated template database.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
