import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { TPortalPolicy, TPortalTexts } from '../../../shared/portals.ts';

/** A front door with its own users, texts and policies (like a Keycloak realm). */
export const portals = pgTable('portals', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  policy: jsonb('policy').$type<TPortalPolicy>().notNull(),
  texts: jsonb('texts').$type<TPortalTexts>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
