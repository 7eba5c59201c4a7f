// The end-to-end tests' demo, built once per run (the e2e project's global setup): a PGlite data
// directory with the demo loaded, and the folder of the disk file store its forms and training were
// uploaded to. Each e2e server gets its own copy of both, so files stay as isolated as when each
// seeded its own (~9 s each); the secret box stays random per server, since the demo seed gets none
// (no tickets, nothing sealed).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS, wrapPglite, type TDatabase } from '../../src/server/db/client.ts';
import { migrateDatabase } from '../../src/server/db/migrate.ts';
import { seedDemoData } from '../../src/server/features/demo/demo.service.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import { createDiskFileStore } from '../../src/server/platform/file-store/index.ts';

/** Set by buildDemoTemplate() in the global setup; the workers inherit it (like the Chromium path). */
const TEMPLATE_ENV = 'PORTICO_E2E_DEMO_TEMPLATE';
const DATABASE_FILE = 'pglite.tar.gz';
const FILES_DIR = 'files';
const DAY_FILE = 'day.txt';

/**
 * The demo's dates are relative to the day it is loaded on (applications "yesterday", the first of
 * next month, this year's SEP course), so a copy is only as good as a fresh seed on the same day.
 */
function today(): string {
  const now = new Date();
  return `${now.toISOString().slice(0, 10)} ${now.toDateString()}`;
}

/** Loads the demo once into a folder of its own; the returned teardown removes it. */
export async function buildDemoTemplate(): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-e2e-demo-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const database = wrapPglite(client);
  try {
    await migrateDatabase(database);
    const day = today();
    // The same seed as startServer ran per file before: the file store, no secret box.
    await mkdir(join(dir, FILES_DIR));
    const fileStore = createDiskFileStore(join(dir, FILES_DIR));
    await seedDemoData({ db: database.db, clock: systemClock, bulk: database.withBulkConnection, fileStore });
    const dump = await client.dumpDataDir('gzip');
    await writeFile(join(dir, DATABASE_FILE), Buffer.from(await dump.arrayBuffer()));
    // Seeded across midnight: no day, so every server seeds its own as before.
    if (today() === day) await writeFile(join(dir, DAY_FILE), day);
  } catch (error) {
    await remove();
    throw error;
  } finally {
    await database.close();
  }
  process.env[TEMPLATE_ENV] = dir;
  return remove;
}

/**
 * A copy of the run's demo: a new in-memory PGlite loaded from it, and its uploaded files copied
 * into `filesDir` (an empty folder). Undefined when there is none to copy (no global setup built
 * one, or the day changed since): the caller then seeds the demo itself.
 */
export async function copyDemoTemplate(filesDir: string): Promise<TDatabase | undefined> {
  const dir = process.env[TEMPLATE_ENV];
  if (!dir) return undefined;
  const day = await readFile(join(dir, DAY_FILE), 'utf8').catch(() => undefined);
  if (day !== today()) return undefined;
  const [bytes] = await Promise.all([readFile(join(dir, DATABASE_FILE)), cp(join(dir, FILES_DIR), filesDir, { recursive: true })]);
  const client = await PGlite.create({ loadDataDir: new Blob([bytes]), extensions: PGLITE_EXTENSIONS });
  return wrapPglite(client);
}
