// Schema migrations plus the built-in rows every installation needs. Idempotent.
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { PORTAL_DEFINITIONS } from '../../shared/portals.ts';
import type { TDatabase, TDb } from './client.ts';
import { portals } from './schema/index.ts';

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function migrateDatabase(database: TDatabase): Promise<void> {
  await database.withExclusiveLock('portico.migrate', async (db) => {
    if (database.kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    else await migratePg(db as unknown as NodePgDatabase, { migrationsFolder });
    await ensureBuiltInPortals(db);
  });
}

/** Inserts the built-in portals with the spec's defaults; never overwrites settings staff changed. */
async function ensureBuiltInPortals(db: TDb): Promise<void> {
  const rows = Object.values(PORTAL_DEFINITIONS).map((p) => ({
    id: p.id,
    name: p.name,
    policy: p.policy,
    texts: p.texts,
  }));
  await db.insert(portals).values(rows).onConflictDoNothing({ target: portals.id });
  // New policy keys added by a later release get their defaults without touching edited ones.
  for (const p of rows) {
    await db.execute(
      sql`update portals set policy = ${JSON.stringify(p.policy)}::jsonb || policy,
                             texts = ${JSON.stringify(p.texts)}::jsonb || texts
          where id = ${p.id}`,
    );
  }
}
