// The feed's kinds (docs/data-feed.md): each kind's columns as the carrier's file names them, how
// each reads, the table it loads, its natural key, and what its rows must point at. The columns
// here are the contract; the SQL that loads a batch is generated from them (feed-batch.store.ts).
import { APPLICATION_STATUSES, LINES_OF_BUSINESS, PAYMENT_STATUSES, POLICY_STATUSES } from '../../../shared/book.ts';
import { APPOINTMENT_STATES } from '../../../shared/portals.ts';
import { GROUP_LINES } from '../../../shared/service-request-types.ts';
import { US_STATE_CODES } from '../../../shared/request-fields.ts';
import { BUSINESS_TYPES, CALCULATION_METHODS, COMMISSION_TRANSACTION_TYPES, FUNDING_TYPES } from '../../../shared/commissions.ts';
import { agentId, decimal, email, identifier, isoDate, listOf, money, month, oneOf, phone, text, wholeNumber, zip, type TReader } from './feed-values.ts';

export const FEED_KINDS = ['producers', 'groups', 'clients', 'policies', 'applications', 'payments', 'commissions', 'commission-schedules'] as const;
export type TFeedKindName = (typeof FEED_KINDS)[number];

export function isFeedKind(name: string): name is TFeedKindName {
  return (FEED_KINDS as readonly string[]).includes(name);
}

export interface TFeedColumn {
  /** The CSV header's name. */
  csv: string;
  /** The table's column (and the staging table's), when it differs from `csv`. */
  column?: string;
  sqlType: 'text' | 'citext' | 'text[]' | 'date' | 'bigint' | 'integer' | 'numeric';
  /** Must be in the header and filled on every row. */
  required: boolean;
  read: TReader;
  /** The COPY value of an empty cell of an optional column (else null). */
  whenEmpty?: string;
  /**
   * The cell names a row of another table, made when missing, and the table keeps that row's id
   * (a producer's agency): staged under `csv`, written to `column`.
   */
  namesRowOf?: { table: string; nameColumn: string };
}

export interface TFeedReference {
  /** The CSV column that names the other row. */
  csv: string;
  table: string;
  tableColumn: string;
  /** The report's reason, e.g. "no client C-1 is on file". */
  what: string;
}

/** A check across columns of one row: the column to blame and why, or nothing. */
export type TRowCheck = (row: ReadonlyMap<string, string | null>) => { csv: string; problem: string } | undefined;

export interface TFeedKind {
  name: TFeedKindName;
  /** What the summary calls the rows, e.g. "Clients". */
  label: string;
  table: string;
  columns: readonly TFeedColumn[];
  /** The natural key, as table columns. */
  key: readonly string[];
  references: readonly TFeedReference[];
  rowCheck?: TRowCheck;
  /** Written after each batch's upsert, e.g. an application's status history. */
  afterUpsert?: string;
  /** Run before each batch's upsert when the file has the staged column `whenPresent` (to see the rows as they were). */
  beforeUpsert?: { whenPresent: string; sql: string };
}

const required = true;
const optional = false;
const STATES = oneOf(US_STATE_CODES, 'a US state code such as TX');
const LINES = oneOf(LINES_OF_BUSINESS);

// The roster (ID-5's source of truth): who may register, their agency and appointed states.
const producers: TFeedKind = {
  name: 'producers',
  label: 'Producers',
  table: 'producers',
  key: ['agent_unique_id'],
  columns: [
    { csv: 'agent_unique_id', sqlType: 'text', required, read: agentId },
    { csv: 'first_name', sqlType: 'text', required, read: text(100) },
    { csv: 'last_name', sqlType: 'text', required, read: text(100) },
    { csv: 'email', sqlType: 'text', required, read: email },
    { csv: 'agency_name', column: 'agency_id', sqlType: 'citext', required: optional, read: text(200), namesRowOf: { table: 'agencies', nameColumn: 'name' } },
    { csv: 'states', sqlType: 'text[]', required: optional, read: listOf(APPOINTMENT_STATES), whenEmpty: '{}' },
  ],
  references: [],
};

const groups: TFeedKind = {
  name: 'groups',
  label: 'Employer groups',
  table: 'employer_groups',
  key: ['account_number'],
  columns: [
    { csv: 'account_number', sqlType: 'text', required, read: identifier() },
    { csv: 'name', sqlType: 'text', required, read: text(200) },
    { csv: 'state', sqlType: 'text', required: optional, read: STATES },
    { csv: 'producer_agent_unique_id', column: 'producer_agent_id', sqlType: 'text', required: optional, read: agentId },
    { csv: 'line_of_business', sqlType: 'text', required: optional, read: oneOf(GROUP_LINES) },
    { csv: 'effective_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'employee_count', sqlType: 'integer', required: optional, read: wholeNumber(1_000_000) },
  ],
  references: [{ csv: 'producer_agent_unique_id', table: 'producers', tableColumn: 'agent_unique_id', what: 'producer' }],
  // A group that changes producer of record: its producer is told (issue 17 §3).
  beforeUpsert: {
    whenPresent: 'producer_agent_id',
    sql: `insert into producer_of_record_changes (kind, account_number, previous_agent_id, new_agent_id, changed_at)
      select 'group', g.account_number, g.producer_agent_id, s.producer_agent_id, $1 from {stage} s join employer_groups g on g.account_number = s.account_number
      where g.producer_agent_id is not null and g.producer_agent_id is distinct from s.producer_agent_id`,
  },
};

const clients: TFeedKind = {
  name: 'clients',
  label: 'Clients',
  table: 'clients',
  key: ['client_id'],
  columns: [
    { csv: 'client_id', sqlType: 'text', required, read: identifier() },
    { csv: 'first_name', sqlType: 'text', required, read: text(100) },
    { csv: 'last_name', sqlType: 'text', required, read: text(100) },
    { csv: 'date_of_birth', sqlType: 'date', required, read: isoDate },
    { csv: 'state', sqlType: 'text', required, read: STATES },
    { csv: 'email', sqlType: 'text', required: optional, read: email },
    { csv: 'phone', sqlType: 'text', required: optional, read: phone },
    { csv: 'zip', sqlType: 'text', required: optional, read: zip },
  ],
  references: [],
};

const policies: TFeedKind = {
  name: 'policies',
  label: 'Policies',
  table: 'policies',
  key: ['policy_number'],
  columns: [
    { csv: 'policy_number', sqlType: 'text', required, read: identifier() },
    { csv: 'client_id', sqlType: 'text', required: optional, read: identifier() },
    { csv: 'group_account_number', sqlType: 'text', required: optional, read: identifier() },
    { csv: 'line_of_business', sqlType: 'text', required, read: LINES },
    { csv: 'plan_name', sqlType: 'text', required, read: text(200) },
    { csv: 'state', sqlType: 'text', required, read: STATES },
    { csv: 'status', sqlType: 'text', required, read: oneOf(POLICY_STATUSES) },
    { csv: 'effective_date', sqlType: 'date', required, read: isoDate },
    { csv: 'renewal_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'termination_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'monthly_premium', column: 'monthly_premium_cents', sqlType: 'bigint', required, read: money },
    { csv: 'writing_agent_id', sqlType: 'text', required: optional, read: agentId },
    { csv: 'producer_of_record_agent_id', sqlType: 'text', required: optional, read: agentId },
  ],
  references: [
    { csv: 'client_id', table: 'clients', tableColumn: 'client_id', what: 'client' },
    { csv: 'group_account_number', table: 'employer_groups', tableColumn: 'account_number', what: 'employer group' },
    { csv: 'writing_agent_id', table: 'producers', tableColumn: 'agent_unique_id', what: 'producer' },
    { csv: 'producer_of_record_agent_id', table: 'producers', tableColumn: 'agent_unique_id', what: 'producer' },
  ],
  // A policy that changes producer of record: its producer is told (issue 17 §3).
  beforeUpsert: {
    whenPresent: 'producer_of_record_agent_id',
    sql: `insert into producer_of_record_changes (kind, account_number, previous_agent_id, new_agent_id, changed_at)
      select 'policy', p.policy_number, p.producer_of_record_agent_id, s.producer_of_record_agent_id, $1 from {stage} s join policies p on p.policy_number = s.policy_number
      where p.producer_of_record_agent_id is not null and p.producer_of_record_agent_id is distinct from s.producer_of_record_agent_id`,
  },
  rowCheck: (row) => {
    const individual = Boolean(row.get('client_id'));
    const group = Boolean(row.get('group_account_number'));
    if (individual !== group) return undefined;
    return { csv: 'client_id', problem: 'name exactly one of client_id (an individual policy) and group_account_number (a group policy)' };
  },
};

const applications: TFeedKind = {
  name: 'applications',
  label: 'Applications',
  table: 'applications',
  key: ['application_number'],
  columns: [
    { csv: 'application_number', sqlType: 'text', required, read: identifier() },
    { csv: 'client_id', sqlType: 'text', required, read: identifier() },
    { csv: 'line_of_business', sqlType: 'text', required, read: LINES },
    { csv: 'plan_name', sqlType: 'text', required, read: text(200) },
    { csv: 'state', sqlType: 'text', required, read: STATES },
    { csv: 'status', sqlType: 'text', required, read: oneOf(APPLICATION_STATUSES) },
    { csv: 'status_date', sqlType: 'date', required, read: isoDate },
    { csv: 'submitted_date', sqlType: 'date', required, read: isoDate },
    { csv: 'agent_unique_id', sqlType: 'text', required, read: agentId },
    { csv: 'policy_number', sqlType: 'text', required: optional, read: identifier() },
  ],
  references: [
    { csv: 'client_id', table: 'clients', tableColumn: 'client_id', what: 'client' },
    { csv: 'agent_unique_id', table: 'producers', tableColumn: 'agent_unique_id', what: 'producer' },
    { csv: 'policy_number', table: 'policies', tableColumn: 'policy_number', what: 'policy' },
  ],
  rowCheck: (row) =>
    row.get('status') === 'issued' && !row.get('policy_number') ? { csv: 'policy_number', problem: 'an issued application names its policy' } : undefined,
  // A status (and its date) not seen before for the application appends to its history.
  afterUpsert: `insert into application_status_history (application_number, status, status_date, recorded_at)
    select application_number, status, status_date, $1 from {stage} on conflict do nothing`,
};

const payments: TFeedKind = {
  name: 'payments',
  label: 'Premium payments',
  table: 'premium_payments',
  key: ['policy_number', 'period'],
  columns: [
    { csv: 'policy_number', sqlType: 'text', required, read: identifier() },
    { csv: 'period', sqlType: 'text', required, read: month },
    { csv: 'amount_due', column: 'amount_due_cents', sqlType: 'bigint', required, read: money },
    { csv: 'due_date', sqlType: 'date', required, read: isoDate },
    { csv: 'amount_paid', column: 'amount_paid_cents', sqlType: 'bigint', required: optional, read: money, whenEmpty: '0' },
    { csv: 'paid_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'status', sqlType: 'text', required, read: oneOf(PAYMENT_STATUSES) },
  ],
  references: [{ csv: 'policy_number', table: 'policies', tableColumn: 'policy_number', what: 'policy' }],
};

// A producer's monthly commission statement, line by line (BK-5): the statement is the producer's
// lines of the period; a reload replaces a line by its number.
const commissions: TFeedKind = {
  name: 'commissions',
  label: 'Commission statement lines',
  table: 'commission_lines',
  key: ['agent_unique_id', 'period', 'line_number'],
  columns: [
    { csv: 'agent_unique_id', sqlType: 'text', required, read: agentId },
    { csv: 'period', sqlType: 'text', required, read: month },
    { csv: 'line_number', sqlType: 'integer', required, read: wholeNumber(1_000_000) },
    { csv: 'account_number', sqlType: 'text', required, read: identifier() },
    { csv: 'group_number', sqlType: 'text', required: optional, read: identifier() },
    { csv: 'account_name', sqlType: 'text', required, read: text(200) },
    { csv: 'original_effective_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'producer_effective_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'cancel_date', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'product_name', sqlType: 'text', required, read: text(200) },
    { csv: 'line_of_business', sqlType: 'text', required, read: LINES },
    { csv: 'funding_type', sqlType: 'text', required: optional, read: oneOf(FUNDING_TYPES) },
    { csv: 'calculation_method', sqlType: 'text', required, read: oneOf(CALCULATION_METHODS) },
    { csv: 'contracts', sqlType: 'integer', required: optional, read: wholeNumber(1_000_000) },
    { csv: 'premium_basis', column: 'premium_basis_cents', sqlType: 'bigint', required: optional, read: money },
    { csv: 'rate', sqlType: 'numeric', required: optional, read: decimal({ max: 100_000, scale: 4 }) },
    { csv: 'split_percent', sqlType: 'numeric', required: optional, read: decimal({ max: 100, scale: 4 }), whenEmpty: '100' },
    { csv: 'transaction_type', sqlType: 'text', required, read: oneOf(COMMISSION_TRANSACTION_TYPES) },
    { csv: 'amount', column: 'amount_cents', sqlType: 'bigint', required, read: money },
  ],
  references: [{ csv: 'agent_unique_id', table: 'producers', tableColumn: 'agent_unique_id', what: 'producer' }],
  // The statements the batch touched: their totals by line and type recounted from their lines (a
  // total whose line and type no longer occur goes), and their months recorded as issued (owed
  // versus paid judges those only). One statement: a prepared statement holds one command.
  afterUpsert: `with touched as (select distinct agent_unique_id, period from {stage}),
    recounted as (
      select l.agent_unique_id, l.period, l.line_of_business, l.transaction_type, sum(l.amount_cents) as total_cents, count(*) as lines
      from commission_lines l join touched using (agent_unique_id, period)
      group by l.agent_unique_id, l.period, l.line_of_business, l.transaction_type
    ),
    gone as (
      delete from commission_month_totals t using touched
      where t.agent_unique_id = touched.agent_unique_id and t.period = touched.period
        and not exists (select 1 from recounted r where r.agent_unique_id = t.agent_unique_id and r.period = t.period
          and r.line_of_business = t.line_of_business and r.transaction_type = t.transaction_type)
    ),
    issued as (
      insert into commission_periods (period, first_loaded_at) select distinct period, $1::timestamptz from touched on conflict do nothing
    )
    insert into commission_month_totals (agent_unique_id, period, line_of_business, transaction_type, total_cents, lines)
    select * from recounted
    on conflict (agent_unique_id, period, line_of_business, transaction_type)
    do update set total_cents = excluded.total_cents, lines = excluded.lines
    where (commission_month_totals.total_cents, commission_month_totals.lines) is distinct from (excluded.total_cents, excluded.lines)`,
  rowCheck: (row) => {
    if (Number(row.get('split_percent') ?? '100') === 0) return { csv: 'split_percent', problem: 'a split is more than 0 percent' };
    if (row.get('calculation_method') !== 'flat' && !row.get('rate'))
      return { csv: 'rate', problem: 'a percent-of-premium or per-contract line gives its rate' };
    return undefined;
  },
};

// The carrier's commission schedules: the rate (percent of premium) by line, state and first-year or
// renewal business, from a date (to a date, or while current).
const commissionSchedules: TFeedKind = {
  name: 'commission-schedules',
  label: 'Commission schedules',
  table: 'commission_schedules',
  key: ['line_of_business', 'state', 'business_type', 'effective_from'],
  columns: [
    { csv: 'line_of_business', sqlType: 'text', required, read: LINES },
    { csv: 'state', sqlType: 'text', required, read: STATES },
    { csv: 'business_type', sqlType: 'text', required, read: oneOf(BUSINESS_TYPES) },
    { csv: 'effective_from', sqlType: 'date', required, read: isoDate },
    { csv: 'effective_to', sqlType: 'date', required: optional, read: isoDate },
    { csv: 'rate_percent', sqlType: 'numeric', required, read: decimal({ max: 100, scale: 4 }) },
  ],
  references: [],
  rowCheck: (row) => {
    const from = row.get('effective_from');
    const to = row.get('effective_to');
    return from && to && to < from ? { csv: 'effective_to', problem: 'ends before effective_from' } : undefined;
  },
};

export const FEED_KIND: Record<TFeedKindName, TFeedKind> = {
  producers,
  groups,
  clients,
  policies,
  applications,
  payments,
  commissions,
  'commission-schedules': commissionSchedules,
};

export function columnOf(column: TFeedColumn): string {
  return column.column ?? column.csv;
}

/** The staging table's column: the table's, except for a cell naming a row of another table. */
export function stagedAs(column: TFeedColumn): string {
  return column.namesRowOf ? column.csv : columnOf(column);
}
