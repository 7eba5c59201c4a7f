// Commissions (BK-5, issue 17), loaded by the data feed (docs/data-feed.md): the lines of each
// producer's monthly commission statement, and the carrier's commission schedules (the rate by line,
// state and new or renewal business) from which Portico computes what a statement should have paid.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, primaryKey, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { LINES_OF_BUSINESS } from '../../../shared/book.ts';
import { BUSINESS_TYPES, CALCULATION_METHODS, COMMISSION_TRANSACTION_TYPES, FUNDING_TYPES } from '../../../shared/commissions.ts';
import { US_STATE_CODES } from '../../../shared/request-fields.ts';
import { loadedAt, oneOf } from './book.ts';
import { producers } from './directory.ts';
import { users } from './identity.ts';

/** A statement is its producer's lines of one month: (agent, period) is the statement, line_number its line. */
export const commissionLines = pgTable(
  'commission_lines',
  {
    agentUniqueId: text('agent_unique_id')
      .notNull()
      .references(() => producers.agentUniqueId),
    period: text('period').notNull(),
    lineNumber: integer('line_number').notNull(),
    /** The account (group) or policy number the line pays on. */
    accountNumber: text('account_number').notNull(),
    groupNumber: text('group_number'),
    accountName: text('account_name').notNull(),
    originalEffectiveDate: date('original_effective_date'),
    producerEffectiveDate: date('producer_effective_date'),
    cancelDate: date('cancel_date'),
    productName: text('product_name').notNull(),
    lineOfBusiness: text('line_of_business').notNull(),
    fundingType: text('funding_type'),
    calculationMethod: text('calculation_method').notNull(),
    contracts: integer('contracts'),
    premiumBasisCents: bigint('premium_basis_cents', { mode: 'number' }),
    /** Percent of premium, or dollars per contract (calculation_method says which); none for a flat amount. */
    rate: numeric('rate', { precision: 12, scale: 4 }),
    splitPercent: numeric('split_percent', { precision: 7, scale: 4 }).notNull().default('100'),
    transactionType: text('transaction_type').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    ...loadedAt,
  },
  (t) => [
    primaryKey({ columns: [t.agentUniqueId, t.period, t.lineNumber] }),
    check('commission_lines_period_format', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('commission_lines_line_known', oneOf(t.lineOfBusiness, LINES_OF_BUSINESS)),
    check('commission_lines_funding_known', sql`${t.fundingType} is null or ${oneOf(t.fundingType, FUNDING_TYPES)}`),
    check('commission_lines_method_known', oneOf(t.calculationMethod, CALCULATION_METHODS)),
    check('commission_lines_type_known', oneOf(t.transactionType, COMMISSION_TRANSACTION_TYPES)),
    check('commission_lines_split_range', sql`${t.splitPercent} > 0 and ${t.splitPercent} <= 100`),
  ],
);

/** The carrier's rate (percent of premium) for a line of business in a state, first-year or renewal, over a period. */
export const commissionSchedules = pgTable(
  'commission_schedules',
  {
    lineOfBusiness: text('line_of_business').notNull(),
    state: text('state').notNull(),
    businessType: text('business_type').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    /** The last day it applies; none while it is current. */
    effectiveTo: date('effective_to'),
    ratePercent: numeric('rate_percent', { precision: 7, scale: 4 }).notNull(),
    ...loadedAt,
  },
  (t) => [
    primaryKey({ columns: [t.lineOfBusiness, t.state, t.businessType, t.effectiveFrom] }),
    check('commission_schedules_line_known', oneOf(t.lineOfBusiness, LINES_OF_BUSINESS)),
    check('commission_schedules_state_known', oneOf(t.state, US_STATE_CODES)),
    check('commission_schedules_type_known', oneOf(t.businessType, BUSINESS_TYPES)),
    check('commission_schedules_period_order', sql`${t.effectiveTo} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
    check('commission_schedules_rate_range', sql`${t.ratePercent} >= 0 and ${t.ratePercent} <= 100`),
  ],
);

/**
 * A statement's totals by line of business and transaction type, kept by the commissions feed in
 * the transaction that loads the lines: the summary, the statement list, a statement's totals and
 * the reporting tool's chart read a few hundred rows here instead of every line (a large producer
 * has 75,000 lines in 24 months).
 */
export const commissionMonthTotals = pgTable(
  'commission_month_totals',
  {
    agentUniqueId: text('agent_unique_id').notNull(),
    period: text('period').notNull(),
    lineOfBusiness: text('line_of_business').notNull(),
    transactionType: text('transaction_type').notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    lines: integer('lines').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agentUniqueId, t.period, t.lineOfBusiness, t.transactionType] })],
);

/**
 * The months the carrier has issued commission statements for, kept by the commissions feed as it
 * loads lines: owed versus paid judges a month only once its statements are out, and the newest
 * month of all producers is one index probe here rather than a scan of every line.
 */
export const commissionPeriods = pgTable('commission_periods', {
  period: text('period').primaryKey(),
  /** When the first line of the month was loaded. */
  firstLoadedAt: timestamp('first_loaded_at', { withTimezone: true }).notNull(),
});

/**
 * The sub-users of a producer ID their Primary Producer lets see commissions (issue 17 §2): a row
 * is the grant. The Primary Producer and retail producers always see their own.
 */
export const commissionAccess = pgTable('commission_access', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull(),
  grantedBy: uuid('granted_by')
    .notNull()
    .references(() => users.id),
});

/**
 * A group or policy whose producer of record a feed load changed (issue 17 §3, "lost its producer
 * of record in the last feed"): written by the load itself, before the row is updated.
 */
export const producerOfRecordChanges = pgTable(
  'producer_of_record_changes',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    /** The group's account number or the policy's number. */
    accountNumber: text('account_number').notNull(),
    previousAgentId: text('previous_agent_id').notNull(),
    newAgentId: text('new_agent_id'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('producer_of_record_changes_kind_known', sql`${t.kind} in ('group', 'policy')`),
    index('producer_of_record_changes_previous_idx').on(t.previousAgentId, t.changedAt),
  ],
);
