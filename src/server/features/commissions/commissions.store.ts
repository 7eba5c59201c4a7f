// SQL of commissions (BK-5): a producer's statements are their commission lines grouped by month
// (the primary key's leading columns, so a producer's months are one index range), and the grants
// that let a producer ID's sub-users see them.
import { sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';

export interface TCommissionProducer {
  agentUniqueId: string;
  name: string;
  agency: string | null;
}

/** The producer with that producers.id (a producers-portal user's producer ID), or with that Agent Unique ID. */
export async function findCommissionProducer(db: TDbOrTx, producer: number | { agentUniqueId: string }): Promise<TCommissionProducer | undefined> {
  const where = typeof producer === 'number' ? sql`p.id = ${producer}` : sql`p.agent_unique_id = ${producer.agentUniqueId}`;
  const [row] = await executeRows<{ agent_unique_id: string; name: string; agency: string | null }>(
    db,
    sql`select p.agent_unique_id, p.first_name || ' ' || p.last_name as name, a.name as agency
        from producers p left join agencies a on a.id = p.agency_id where ${where}`,
  );
  return row ? { agentUniqueId: row.agent_unique_id, name: row.name, agency: row.agency } : undefined;
}

export interface TMonthTotalRow {
  period: string;
  totalCents: number;
  lines: number;
}

/** Each month with a statement, newest first. */
export async function findMonthTotals(db: TDbOrTx, input: { agentId: string }): Promise<TMonthTotalRow[]> {
  const rows = await executeRows<{ period: string; total: string; lines: string }>(
    db,
    sql`select period, sum(total_cents) as total, sum(lines) as lines from commission_month_totals
        where agent_unique_id = ${input.agentId}
        group by period order by period desc`,
  );
  return rows.map((row) => ({ period: row.period, totalCents: Number(row.total), lines: Number(row.lines) }));
}

/** The producer's newest statement month (YYYY-MM), from the primary key's end: one index probe. */
export async function findNewestPeriod(db: TDbOrTx, agentId: string): Promise<string | undefined> {
  const [row] = await executeRows<{ period: string | null }>(db, sql`select max(period) as period from commission_lines where agent_unique_id = ${agentId}`);
  return row?.period ?? undefined;
}

/** The newest month the carrier has issued statements for, to anyone. */
export async function findNewestIssuedPeriod(db: TDbOrTx): Promise<string | undefined> {
  const [row] = await executeRows<{ period: string | null }>(db, sql`select max(period) as period from commission_periods`);
  return row?.period ?? undefined;
}

/** A statement's totals by line of business and by transaction type (one pass over its lines). */
export async function findStatementTotals(db: TDbOrTx, input: { agentId: string; period: string }) {
  const rows = await executeRows<{ line_of_business: string | null; transaction_type: string | null; total: string; lines: string }>(
    db,
    sql`select line_of_business, transaction_type, sum(total_cents) as total, sum(lines) as lines from commission_month_totals
        where agent_unique_id = ${input.agentId} and period = ${input.period}
        group by grouping sets ((line_of_business), (transaction_type))`,
  );
  const of = (row: (typeof rows)[number]) => ({ totalCents: Number(row.total), lines: Number(row.lines) });
  return {
    byLine: rows.flatMap((row) => (row.line_of_business === null ? [] : [{ lineOfBusiness: row.line_of_business, ...of(row) }])),
    byType: rows.flatMap((row) => (row.transaction_type === null ? [] : [{ transactionType: row.transaction_type, ...of(row) }])),
  };
}

export interface TStatementLineRow {
  line_number: number;
  account_number: string;
  group_number: string | null;
  account_name: string;
  original_effective_date: string | null;
  producer_effective_date: string | null;
  cancel_date: string | null;
  product_name: string;
  line_of_business: string;
  funding_type: string | null;
  calculation_method: string;
  contracts: number | null;
  premium_basis_cents: string | null;
  rate: string | null;
  split_percent: string;
  transaction_type: string;
  amount_cents: string;
}

/** A line's columns as TStatementLineRow reads them (dates and decimals as the text they are stored as). */
const LINE_COLUMNS = sql.raw(`line_number, account_number, group_number, account_name, original_effective_date::text, producer_effective_date::text,
  cancel_date::text, product_name, line_of_business, funding_type, calculation_method, contracts, premium_basis_cents,
  rate::text, split_percent::text, transaction_type, amount_cents`);

/** A statement's page of lines in line order, `limit` from `offset` (the statement page; downloads read findReportLines). */
export async function findStatementLines(db: TDbOrTx, input: { agentId: string; period: string; limit: number; offset: number }): Promise<TStatementLineRow[]> {
  return executeRows<TStatementLineRow>(
    db,
    sql`select ${LINE_COLUMNS}
        from commission_lines where agent_unique_id = ${input.agentId} and period = ${input.period}
        order by line_number limit ${input.limit} offset ${input.offset}`,
  );
}

export async function hasCommissionAccess(db: TDbOrTx, userId: string): Promise<boolean> {
  const rows = await executeRows<{ one: number }>(db, sql`select 1 as one from commission_access where user_id = ${userId}`);
  return rows.length > 0;
}

/** The users of a producer ID (not deleted) with a grant. */
export async function findGrantedUserIds(db: TDbOrTx, producerId: number): Promise<string[]> {
  const rows = await executeRows<{ user_id: string }>(
    db,
    sql`select a.user_id from commission_access a join users u on u.id = a.user_id
        where u.producer_id = ${producerId} and u.deleted_at is null order by a.user_id`,
  );
  return rows.map((row) => row.user_id);
}

/** Grants or withdraws; returns whether anything changed. */
export async function setCommissionAccess(tx: TDbOrTx, input: { userId: string; allowed: boolean; by: string; now: Date }): Promise<boolean> {
  const rows = input.allowed
    ? await executeRows(
        tx,
        sql`insert into commission_access (user_id, granted_at, granted_by) values (${input.userId}, ${input.now.toISOString()}, ${input.by})
            on conflict (user_id) do nothing returning user_id`,
      )
    : await executeRows(tx, sql`delete from commission_access where user_id = ${input.userId} returning user_id`);
  return rows.length > 0;
}

/** A user as the policy judges a grant to them (their portal, role and producer ID). */
export async function findGrantTarget(db: TDbOrTx, userId: string) {
  const [row] = await executeRows<{ id: string; username: string; portal_id: string; role: string; producer_id: number | null; group_id: number | null }>(
    db,
    sql`select id, username, portal_id, role, producer_id, group_id from users where id = ${userId} and deleted_at is null`,
  );
  return row;
}

export interface TReportFilter {
  agentId: string;
  from: string;
  to: string;
  account?: string | undefined;
  line?: string | undefined;
  type?: string | undefined;
}

function reportWhere(filter: TReportFilter) {
  return sql`agent_unique_id = ${filter.agentId} and period between ${filter.from} and ${filter.to}
    ${filter.account === undefined ? sql`` : sql`and account_number = ${filter.account}`}
    ${filter.line === undefined ? sql`` : sql`and line_of_business = ${filter.line}`}
    ${filter.type === undefined ? sql`` : sql`and transaction_type = ${filter.type}`}`;
}

/**
 * The reporting tool's months: the total of each month and line of business the filter covers,
 * from the statements' totals (an account's, from its lines).
 */
export async function findReportCells(db: TDbOrTx, filter: TReportFilter) {
  const rows = await executeRows<{ period: string; line_of_business: string; total: string; lines: string }>(
    db,
    filter.account === undefined
      ? sql`select period, line_of_business, sum(total_cents) as total, sum(lines) as lines from commission_month_totals
            where ${reportWhere(filter)} group by period, line_of_business order by period, line_of_business`
      : sql`select period, line_of_business, sum(amount_cents) as total, count(*) as lines from commission_lines
            where ${reportWhere(filter)} group by period, line_of_business order by period, line_of_business`,
  );
  return rows.map((row) => ({ period: row.period, lineOfBusiness: row.line_of_business, totalCents: Number(row.total), lines: Number(row.lines) }));
}

/** The accounts the filter paid most on. */
export async function findReportAccounts(db: TDbOrTx, filter: TReportFilter & { limit: number }) {
  const rows = await executeRows<{ account_number: string; account_name: string; total: string; lines: string }>(
    db,
    sql`select account_number, max(account_name) as account_name, sum(amount_cents) as total, count(*) as lines from commission_lines
        where ${reportWhere(filter)} group by account_number order by sum(amount_cents) desc, account_number limit ${filter.limit}`,
  );
  return rows.map((row) => ({ accountNumber: row.account_number, accountName: row.account_name, totalCents: Number(row.total), lines: Number(row.lines) }));
}

/** The lines the filter covers, in statement order, `limit` from after (period, line number). */
export async function findReportLines(db: TDbOrTx, filter: TReportFilter & { after?: { period: string; lineNumber: number }; limit: number }) {
  return executeRows<TStatementLineRow & { period: string }>(
    db,
    sql`select period, ${LINE_COLUMNS}
        from commission_lines where ${reportWhere(filter)}
          ${filter.after === undefined ? sql`` : sql`and (period, line_number) > (${filter.after.period}, ${filter.after.lineNumber})`}
        order by period, line_number limit ${filter.limit}`,
  );
}
