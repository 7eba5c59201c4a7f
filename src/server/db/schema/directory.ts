// The carrier's business directory: agencies, producers (the roster) and employer groups.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, serial, text, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { citext } from './types.ts';

export const agencies = pgTable('agencies', {
  id: serial('id').primaryKey(),
  name: citext('name').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const producers = pgTable(
  'producers',
  {
    id: serial('id').primaryKey(),
    agentUniqueId: text('agent_unique_id').notNull().unique(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: citext('email').notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    states: text('states')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('producers_agent_unique_id_format', sql`${t.agentUniqueId} ~ '^[0-9]{9}$'`),
    check('producers_states_known', sql`${t.states} <@ ARRAY['IL','MT','NM','OK','TX']::text[]`),
  ],
);

export const employerGroups = pgTable(
  'employer_groups',
  {
    id: serial('id').primaryKey(),
    accountNumber: text('account_number').notNull().unique(),
    name: text('name').notNull(),
    /** From the data feed (docs/data-feed.md); optional, so the earlier account_number,name file still loads. */
    state: text('state'),
    producerAgentId: text('producer_agent_id').references((): AnyPgColumn => producers.agentUniqueId),
    lineOfBusiness: text('line_of_business'),
    effectiveDate: date('effective_date'),
    employeeCount: integer('employee_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('employer_groups_producer_idx').on(t.producerAgentId)],
);
