import { boolean, date, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** LC-2: what each lifecycle run did (or, dry, would do), per portal and action. */
export const lifecycleRuns = pgTable('lifecycle_runs', {
  id: serial('id').primaryKey(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  dryRun: boolean('dry_run').notNull(),
  trigger: text('trigger').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  counts: jsonb('counts').$type<Record<string, Record<string, number>>>().notNull().default({}),
});
