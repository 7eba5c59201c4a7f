// The carrier's book of business, loaded by the data feed (BK-8, docs/data-feed.md): clients,
// policies (individual or group), applications with their status history, and premium payments.
// Rows are keyed by the carrier's natural keys, so a reload updates in place; references are by
// those keys too, so a feed row names what it points at exactly as the carrier's file does.
import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES, LINES_OF_BUSINESS, PAYMENT_STATUSES, POLICY_STATUSES } from '../../../shared/book.ts';
import { employerGroups, producers } from './directory.ts';
import { sessions } from './identity.ts';
import { citext } from './types.ts';

/** `column in (…)`: the database refuses what the feed's own checks would (a second line of defence). */
export function oneOf(column: AnyPgColumn, values: readonly string[]) {
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}

export const loadedAt = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
};

/** Individual members (retail clients). */
export const clients = pgTable(
  'clients',
  {
    clientId: text('client_id').primaryKey(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth'),
    state: text('state'),
    email: citext('email'),
    phone: text('phone'),
    zip: text('zip'),
    ...loadedAt,
  },
  (t) => [index('clients_last_first_idx').on(t.lastName, t.firstName)],
);

export const policies = pgTable(
  'policies',
  {
    policyNumber: text('policy_number').primaryKey(),
    /** Exactly one of client (individual) and group (group policy). */
    clientId: text('client_id').references(() => clients.clientId),
    groupAccountNumber: text('group_account_number').references(() => employerGroups.accountNumber),
    lineOfBusiness: text('line_of_business').notNull(),
    planName: text('plan_name').notNull(),
    state: text('state').notNull(),
    status: text('status', { enum: POLICY_STATUSES }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    renewalDate: date('renewal_date'),
    terminationDate: date('termination_date'),
    monthlyPremiumCents: bigint('monthly_premium_cents', { mode: 'number' }).notNull(),
    writingAgentId: text('writing_agent_id').references(() => producers.agentUniqueId),
    producerOfRecordAgentId: text('producer_of_record_agent_id').references(() => producers.agentUniqueId),
    ...loadedAt,
  },
  (t) => [
    check('policies_one_holder', sql`(${t.clientId} is null) <> (${t.groupAccountNumber} is null)`),
    check('policies_status_known', oneOf(t.status, POLICY_STATUSES)),
    check('policies_line_known', oneOf(t.lineOfBusiness, LINES_OF_BUSINESS)),
    index('policies_client_idx').on(t.clientId),
    index('policies_group_idx').on(t.groupAccountNumber),
    index('policies_writing_agent_idx').on(t.writingAgentId, t.state),
    index('policies_producer_of_record_idx').on(t.producerOfRecordAgentId, t.state),
  ],
);

export const applications = pgTable(
  'applications',
  {
    applicationNumber: text('application_number').primaryKey(),
    clientId: text('client_id')
      .notNull()
      .references(() => clients.clientId),
    lineOfBusiness: text('line_of_business').notNull(),
    planName: text('plan_name').notNull(),
    state: text('state').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    statusDate: date('status_date').notNull(),
    submittedDate: date('submitted_date').notNull(),
    agentUniqueId: text('agent_unique_id')
      .notNull()
      .references(() => producers.agentUniqueId),
    policyNumber: text('policy_number').references(() => policies.policyNumber),
    ...loadedAt,
  },
  (t) => [
    check('applications_status_known', oneOf(t.status, APPLICATION_STATUSES)),
    check('applications_line_known', oneOf(t.lineOfBusiness, LINES_OF_BUSINESS)),
    index('applications_client_idx').on(t.clientId),
    index('applications_agent_idx').on(t.agentUniqueId, t.state, t.status),
  ],
);

/** Each status an application has had, as the feed reported it: a changed status appends a row. */
export const applicationStatusHistory = pgTable(
  'application_status_history',
  {
    applicationNumber: text('application_number').notNull(),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull(),
    statusDate: date('status_date').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationNumber, t.status, t.statusDate] }),
    foreignKey({ columns: [t.applicationNumber], foreignColumns: [applications.applicationNumber] }).onDelete('cascade'),
  ],
);

/** A policy's premium for one month (`period` is YYYY-MM). */
export const premiumPayments = pgTable(
  'premium_payments',
  {
    policyNumber: text('policy_number')
      .notNull()
      .references(() => policies.policyNumber),
    period: text('period').notNull(),
    amountDueCents: bigint('amount_due_cents', { mode: 'number' }).notNull(),
    dueDate: date('due_date').notNull(),
    amountPaidCents: bigint('amount_paid_cents', { mode: 'number' }).notNull().default(0),
    paidDate: date('paid_date'),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull(),
    ...loadedAt,
  },
  (t) => [
    primaryKey({ columns: [t.policyNumber, t.period] }),
    check('premium_payments_period_format', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('premium_payments_status_known', oneOf(t.status, PAYMENT_STATUSES)),
  ],
);

/** One load of a feed file, by CLI or API: who, what kind, how it went (listed in the staff console). */
export const feedRuns = pgTable(
  'feed_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    source: text('source', { enum: ['cli', 'api'] }).notNull(),
    actorLabel: text('actor_label').notNull(),
    status: text('status', { enum: ['running', 'completed', 'failed'] }).notNull(),
    rowsRead: bigint('rows_read', { mode: 'number' }).notNull().default(0),
    inserted: bigint('inserted', { mode: 'number' }).notNull().default(0),
    updated: bigint('updated', { mode: 'number' }).notNull().default(0),
    unchanged: bigint('unchanged', { mode: 'number' }).notNull().default(0),
    failed: bigint('failed', { mode: 'number' }).notNull().default(0),
    /** Why the whole run stopped (a bad header, the database gone), when it did. */
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('feed_runs_started_idx').on(t.startedAt.desc())],
);

/** The carrier systems' credentials for POST /api/feed/{kind}: shown once, kept as a SHA-256 hash. */
export const feedTokens = pgTable('feed_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/**
 * The state a retail producer chose for this session (BK-1): every book view is scoped to it. Kept
 * beside the session, not in it, so the session lookup on every request stays as it is.
 */
export const sessionStates = pgTable(
  'session_states',
  {
    tokenHash: text('token_hash')
      .primaryKey()
      .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
    state: text('state').notNull(),
  },
  (t) => [check('session_states_state_known', sql`${t.state} in ('IL', 'MT', 'NM', 'OK', 'TX')`)],
);
