import type { TConfig } from '../config.ts';
import { openDatabase, type TDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';

/** Opens and migrates the database, runs `work`, and always closes it. */
export async function withDatabase(config: TConfig, work: (database: TDatabase) => Promise<number>): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Who the audit trail names for what an operator does on the command line. */
export const OPERATOR = { label: 'portico cli' };
