// Forms and training (BK-6, docs/decisions/0022): the PDFs staff publish for the producer portals
// and who completed which course. A document is never deleted, only retired: a completion keeps
// pointing at the course it was for, and the audit log at what was offered.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LINES_OF_BUSINESS } from '../../../shared/book.ts';
import { APPOINTMENT_STATES } from '../../../shared/portals.ts';
import { RESOURCE_KINDS, RESOURCE_PORTALS } from '../../../shared/resource-schemas.ts';
import { oneOf } from './book.ts';
import { users } from './identity.ts';
import { uploads } from './service-requests.ts';

export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** null: both producer portals. */
    portalId: text('portal_id'),
    /** null: every state. */
    state: text('state'),
    /** null: every line of business. */
    line: text('line'),
    planYear: integer('plan_year'),
    sepCourse: boolean('sep_course').notNull().default(false),
    /** Each upload is one document's file: the sweep keeps it while a document names it. */
    uploadId: uuid('upload_id')
      .notNull()
      .unique()
      .references(() => uploads.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredBy: uuid('retired_by').references(() => users.id),
  },
  (t) => [
    check('resources_kind_known', oneOf(t.kind, RESOURCE_KINDS)),
    check('resources_portal_known', sql`${t.portalId} is null or ${oneOf(t.portalId, RESOURCE_PORTALS)}`),
    check('resources_state_known', sql`${t.state} is null or ${oneOf(t.state, APPOINTMENT_STATES)}`),
    check('resources_line_known', sql`${t.line} is null or ${oneOf(t.line, LINES_OF_BUSINESS)}`),
    check('resources_sep_is_a_dated_course', sql`not ${t.sepCourse} or (${t.kind} = 'course' and ${t.planYear} is not null)`),
    check('resources_retired_by_someone', sql`(${t.retiredAt} is null) = (${t.retiredBy} is null)`),
    // The producers' lists: what is offered now, newest first.
    index('resources_offered_idx')
      .on(t.kind, t.publishedAt)
      .where(sql`${t.retiredAt} is null`),
  ],
);

/** A user completed a course, on this date; the first completion is the one kept. */
export const trainingCompletions = pgTable(
  'training_completions',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resourceId] }), index('training_completions_resource_idx').on(t.resourceId)],
);
