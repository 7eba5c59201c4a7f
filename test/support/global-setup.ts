// Once per run: migrates a PGlite template file and, with DATABASE_URL, a template database;
// finds (and if need be unpacks) the end-to-end tests' Chromium.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, PGLITE_EXTENSIONS, wrapPglite } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { resolveChromium } from './browser.ts';
import { adminQuery } from './db.ts';
import { PG_TEMPLATE_DB, PGLITE_TEMPLATE_FILE } from './templates.ts';

export default async function setup(): Promise<void> {
  await Promise.all([migrateTemplates(), resolveChromium()]);
}

async function migrateTemplates(): Promise<void> {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = wrapPglite(client);
  await migrateDatabase(database);
  const dump = await client.dumpDataDir('gzip');
  await mkdir(dirname(PGLITE_TEMPLATE_FILE), { recursive: true });
  // Written aside and renamed: a test run started meanwhile reads the old template or the new, never half of one.
  const partial = `${PGLITE_TEMPLATE_FILE}.${process.pid}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, PGLITE_TEMPLATE_FILE);
  await database.close();

  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    await adminQuery(baseUrl, `drop database if exists ${PG_TEMPLATE_DB} with (force)`);
    await adminQuery(baseUrl, `create database ${PG_TEMPLATE_DB}`);
    const url = new URL(baseUrl);
    url.pathname = `/${PG_TEMPLATE_DB}`;
    const pgDatabase = await openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent' });
    await migrateDatabase(pgDatabase);
    await pgDatabase.close();
  }
}
