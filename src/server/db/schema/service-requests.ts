// Producer Services (SR-2 … SR-5): service-request tickets, their conversation, the files
// producers upload, and the documents staff publish (docs/decisions/0019).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TICKET_STATUSES } from '../../../shared/service-request-schemas.ts';
import { producers } from './directory.ts';
import { users } from './identity.ts';
import { portals } from './portals.ts';

/** Ticket numbers (SR-2026-000123): one sequence, so instances sharing a database never collide. */
export const serviceRequestNumbers = pgSequence('service_request_number_seq', { startWith: 100, cache: 1 });

export const serviceRequestTickets = pgTable(
  'service_request_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    portalId: text('portal_id')
      .notNull()
      .references(() => portals.id),
    /** The producer ID the ticket belongs to: every user of it sees the ticket (SR-4). */
    producerId: integer('producer_id')
      .notNull()
      .references(() => producers.id),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    type: text('type').notNull(),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('submitted'),
    /** The request's fields as filed (money in cents); secrets only as ciphertext (see eft). */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** A one-line summary for lists and search (account number, group name…), never a secret. */
    summary: text('summary').notNull().default(''),
    assigneeId: uuid('assignee_id').references(() => users.id),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    check('service_request_tickets_status_known', sql`${t.status} in ('submitted','in-progress','pending-producer','resolved','cancelled')`),
    check('service_request_tickets_number_format', sql`${t.number} ~ '^SR-[0-9]{4}-[0-9]{6,}$'`),
    // The producer's open tickets, newest first (SR-4), and the staff queue by status.
    index('service_request_tickets_producer_open_idx')
      .on(t.producerId, t.createdAt.desc())
      .where(sql`${t.closedAt} is null`),
    index('service_request_tickets_status_idx').on(t.status, t.createdAt.desc()),
    // The staff queue filtered by status and type (SR-5): by date, and by number, without reading
    // every matching ticket; the count reads this index alone (bench:tickets).
    index('service_request_tickets_status_type_idx').on(t.status, t.type, t.createdAt.desc()),
    index('service_request_tickets_status_type_number_idx').on(t.status, t.type, sql`length(${t.number})`, t.number),
    index('service_request_tickets_assignee_idx').on(t.assigneeId, t.status),
    // One producer ID's tickets of a type, latest closed first: the contact information on file
    // (its last resolved contact-info request), and the staff queue filtered by producer ID.
    index('service_request_tickets_producer_type_idx').on(t.producerId, t.type, t.closedAt.desc()),
  ],
);

export const MESSAGE_KINDS = ['message', 'note', 'status'] as const;

/** The ticket's history: messages the producer sees, staff-only notes, and status changes. */
export const serviceRequestMessages = pgTable(
  'service_request_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => serviceRequestTickets.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    kind: text('kind', { enum: MESSAGE_KINDS }).notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('service_request_messages_kind_known', sql`${t.kind} in ('message','note','status')`),
    index('service_request_messages_ticket_idx').on(t.ticketId, t.createdAt),
  ],
);

/**
 * A file a user uploaded, stored under a key the server chose; the original name is kept only to
 * show it. A file is uploaded first (ticketId null) and joins its ticket when the request is filed;
 * the daily sweep removes what never joined one.
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storageKey: text('storage_key').notNull().unique(),
    originalName: text('original_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    ticketId: uuid('ticket_id').references(() => serviceRequestTickets.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('uploads_content_type_known', sql`${t.contentType} in ('application/pdf','image/png','image/jpeg')`),
    check('uploads_size_positive', sql`${t.sizeBytes} > 0`),
    index('uploads_ticket_idx').on(t.ticketId),
    index('uploads_unattached_idx')
      .on(t.createdAt)
      .where(sql`${t.ticketId} is null`),
  ],
);

/**
 * Documents staff publish for a portal's users, e.g. the Group POR Transfer Form (SR-3); a
 * portal without a row for a document serves the built-in one. The notice and the upload limits
 * are portal settings (policy and texts).
 */
export const portalDocuments = pgTable(
  'portal_documents',
  {
    portalId: text('portal_id')
      .notNull()
      .references(() => portals.id),
    name: text('name').notNull(),
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => uploads.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.portalId, t.name] })],
);

/** One affirmation per user and plan year (SEP Training Affirmation): a second shows the first ticket. */
export const sepAffirmations = pgTable(
  'sep_affirmations',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    planYear: integer('plan_year').notNull(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => serviceRequestTickets.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('sep_affirmations_user_year_key').on(t.userId, t.planYear)],
);
