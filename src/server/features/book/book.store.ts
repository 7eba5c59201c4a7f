// The SQL of a retail producer's book (BK-2 … BK-4; docs/decisions/0021). Every query starts from
// the producer's own policies (as writing agent or producer of record) and applications in the
// chosen state, through their (agent, state) indexes, so it reads the producer's few hundred or
// thousand rows however many millions the carrier holds; the filters then work on that set.
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import { PENDING_APPLICATION_STATUSES, type TApplicationList, type TClientSearch } from '../../../shared/book-schemas.ts';

export interface TBookScope {
  agentId: string;
  state: string;
  /** Today, as YYYY-MM-DD (the clock's): renewals and this month's new business count from it. */
  today: string;
}

const PENDING = sql.raw(PENDING_APPLICATION_STATUSES.map((s) => `'${s}'`).join(', '));

/** The producer's individual policies in the state. */
function scopedPolicies({ agentId, state }: TBookScope): SQL {
  return sql`select p.* from policies p
    where (p.writing_agent_id = ${agentId} or p.producer_of_record_agent_id = ${agentId}) and p.state = ${state} and p.client_id is not null`;
}

/**
 * The status of a policy's latest premium: one index probe per policy, so it is asked only where
 * needed (the past-due filter, the rows of a page), never for a whole large book up front.
 */
export function paymentStatusOf(policyNumber: SQL): SQL {
  return sql`(select pp.status from premium_payments pp where pp.policy_number = ${policyNumber} order by pp.period desc limit 1)`;
}

/** A policy still in force (not terminated or cancelled) whose latest premium is past due or in grace. */
export function owesPremium(policy: 'pol' | 'gp'): SQL {
  const alias = sql.raw(policy);
  return sql`${alias}.status not in ('terminated', 'cancelled') and ${paymentStatusOf(sql`${alias}.policy_number`)} in ('past-due', 'grace')`;
}

function scopedApplications({ agentId, state }: TBookScope): SQL {
  return sql`select a.* from applications a where a.agent_unique_id = ${agentId} and a.state = ${state}`;
}

function scoped(scope: TBookScope): SQL {
  return sql`pol as (${scopedPolicies(scope)}), app as (${scopedApplications(scope)})`;
}

/** The first day of the scope's month and of the next, as date literals. */
function monthOf(today: string): { start: string; next: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start: `${today.slice(0, 7)}-01`, next };
}

export interface TClientRow {
  client_id: string;
  first_name: string;
  last_name: string;
  date_of_birth: string | null;
  lines: string[];
  policies: number;
  pending_applications: number;
  past_due: boolean;
  total: number;
}

/** LIKE's own characters in what the user typed match themselves. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A prefix of either name, or of the whole name either way round ("Eleanor Wh", "Whitaker, El");
 * one word may also be a near spelling of either name ("Gonzales", "Whitakr": pg_trgm similarity).
 * A whole name is not matched loosely: "Whitaker, El" would find every Whitaker.
 */
function nameMatch(name: string): SQL {
  const prefix = likePrefix(name);
  const prefixes = sql`c.last_name ilike ${prefix} or c.first_name ilike ${prefix}
    or (c.first_name || ' ' || c.last_name) ilike ${prefix} or (c.last_name || ', ' || c.first_name) ilike ${prefix}`;
  if (/[\s,]/.test(name)) return sql`(${prefixes})`;
  return sql`(${prefixes} or similarity(${name}, c.last_name) >= ${NEAR_SPELLING} or similarity(${name}, c.first_name) >= ${NEAR_SPELLING})`;
}

/** pg_trgm similarity of a near spelling: "Whitakr" to "Whitaker" is 0.55, "Smyth" to "Smith" 0.2. */
const NEAR_SPELLING = 0.4;

function searchFilters(scope: TBookScope, query: TClientSearch): SQL[] {
  const where: SQL[] = [];
  const hasPolicy = (condition: SQL) => sql`exists (select 1 from pol where pol.client_id = c.client_id and ${condition})`;
  const hasApplication = (condition: SQL) => sql`exists (select 1 from app where app.client_id = c.client_id and ${condition})`;
  const { start, next } = monthOf(scope.today);
  switch (query.quick) {
    case 'pending-applications':
      where.push(hasApplication(sql`app.status in (${PENDING})`));
      break;
    case 'renewing-soon':
      where.push(hasPolicy(sql`pol.status = 'active' and pol.renewal_date between ${scope.today}::date and ${scope.today}::date + 30`));
      break;
    case 'past-due':
      where.push(hasPolicy(owesPremium('pol')));
      break;
    case 'new-business':
      where.push(hasPolicy(sql`pol.effective_date >= ${start}::date and pol.effective_date < ${next}::date`));
      break;
    case undefined:
      break;
  }
  if (query.name) where.push(nameMatch(query.name));
  if (query.dateOfBirth) where.push(sql`c.date_of_birth = ${query.dateOfBirth}::date`);
  if (query.number) {
    const number = query.number;
    where.push(
      sql`(c.client_id = ${number} or ${hasPolicy(sql`pol.policy_number = ${number}`)} or ${hasApplication(sql`app.application_number = ${number}`)})`,
    );
  }
  if (query.status) where.push(sql`(${hasPolicy(sql`pol.status = ${query.status}`)} or ${hasApplication(sql`app.status = ${query.status}`)})`);
  if (query.line) where.push(sql`(${hasPolicy(sql`pol.line_of_business = ${query.line}`)} or ${hasApplication(sql`app.line_of_business = ${query.line}`)})`);
  // Both ends on the same policy, not one policy after the start and another before the end.
  const from = query.effectiveFrom ? sql`pol.effective_date >= ${query.effectiveFrom}::date` : undefined;
  const to = query.effectiveTo ? sql`pol.effective_date <= ${query.effectiveTo}::date` : undefined;
  if (from || to)
    where.push(
      hasPolicy(
        sql.join(
          [from, to].filter((c) => c !== undefined),
          sql` and `,
        ),
      ),
    );
  return where;
}

function orderOf(query: TClientSearch): SQL {
  const dir = sql.raw(query.dir === 'desc' ? 'desc' : 'asc');
  switch (query.sort) {
    case 'name':
      return sql`h.last_name ${dir}, h.first_name ${dir}, h.client_id ${dir}`;
    case 'date-of-birth':
      return sql`h.date_of_birth ${dir} nulls last, h.client_id ${dir}`;
    case 'client-id':
      return sql`h.client_id ${dir}`;
  }
}

/** One page of the producer's clients that match, with the total. */
export async function searchClients(db: TDbOrTx, scope: TBookScope, query: TClientSearch): Promise<TClientRow[]> {
  const filters = searchFilters(scope, query);
  const where = filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  return executeRows<TClientRow>(
    db,
    sql`with ${scoped(scope)},
      mine as (select client_id from pol union select client_id from app),
      hits as (
        select c.client_id, c.first_name, c.last_name, c.date_of_birth::text as date_of_birth
        from mine m join clients c on c.client_id = m.client_id
        ${where}
      ),
      h as (select hits.*, count(*) over ()::integer as total from hits),
      page as (select h.* from h order by ${orderOf(query)} limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}),
      -- What the list shows of each client on the page, in one pass over the book (not per client).
      page_policies as (
        select pol.client_id, array_agg(pol.line_of_business) as lines, count(*) as policies,
          bool_or(${owesPremium('pol')}) as past_due
        from pol join page on page.client_id = pol.client_id group by pol.client_id
      ),
      page_applications as (
        select app.client_id, array_agg(app.line_of_business) as lines, count(*) filter (where app.status in (${PENDING})) as pending
        from app join page on page.client_id = app.client_id group by app.client_id
      )
      select h.*,
        array(select distinct l from unnest(coalesce(pp.lines, '{}') || coalesce(pa.lines, '{}')) as l order by l) as lines,
        coalesce(pp.policies, 0)::integer as policies, coalesce(pa.pending, 0)::integer as pending_applications, coalesce(pp.past_due, false) as past_due
      from page h left join page_policies pp on pp.client_id = h.client_id left join page_applications pa on pa.client_id = h.client_id
      order by ${orderOf(query)}`,
  );
}

export interface TApplicationRow {
  application_number: string;
  client_id: string;
  client_name: string;
  line_of_business: string;
  plan_name: string;
  status: string;
  status_date: string;
  submitted_date: string;
  policy_number: string | null;
  total: number;
}

function applicationOrder(query: TApplicationList): SQL {
  const dir = sql.raw(query.dir === 'asc' ? 'asc' : 'desc');
  switch (query.sort) {
    case 'status-date':
      return sql`a.status_date ${dir}, a.application_number ${dir}`;
    case 'submitted':
      return sql`a.submitted_date ${dir}, a.application_number ${dir}`;
    case 'client':
      return sql`c.last_name ${dir}, c.first_name ${dir}, a.application_number ${dir}`;
    case 'status':
      return sql`a.status ${dir}, a.status_date desc, a.application_number ${dir}`;
  }
}

/** One page of the producer's applications in the state (BK-2), with the total. */
export async function listApplications(db: TDbOrTx, scope: TBookScope, query: TApplicationList): Promise<TApplicationRow[]> {
  const filters: SQL[] = [];
  if (query.status === 'pending') filters.push(sql`a.status in (${PENDING})`);
  else if (query.status) filters.push(sql`a.status = ${query.status}`);
  if (query.line) filters.push(sql`a.line_of_business = ${query.line}`);
  const where = filters.length ? sql`where ${sql.join(filters, sql` and `)}` : sql``;
  return executeRows<TApplicationRow>(
    db,
    sql`select a.application_number, a.client_id, c.first_name || ' ' || c.last_name as client_name, a.line_of_business, a.plan_name,
        a.status, a.status_date::text as status_date, a.submitted_date::text as submitted_date, a.policy_number,
        count(*) over ()::integer as total
      from (${scopedApplications(scope)}) a join clients c on c.client_id = a.client_id
      ${where}
      order by ${applicationOrder(query)}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
}

export interface TSummaryRow {
  pending_applications: number;
  renewing_soon: number;
  past_due: number;
  in_grace: number;
  new_business: number;
}

export async function summarizeBook(
  db: TDbOrTx,
  scope: TBookScope,
): Promise<{ counts: TSummaryRow; inForce: { line: string; policies: number; premium: string }[] }> {
  const { start, next } = monthOf(scope.today);
  const [counts] = await executeRows<TSummaryRow>(
    db,
    sql`with ${scoped(scope)}, paying as (select ${paymentStatusOf(sql`pol.policy_number`)} as status from pol where pol.status not in ('terminated', 'cancelled'))
      select
        (select count(*) from app where app.status in (${PENDING}))::integer as pending_applications,
        (select count(*) from pol where pol.status = 'active' and pol.renewal_date between ${scope.today}::date and ${scope.today}::date + 30)::integer as renewing_soon,
        (select count(*) from paying where paying.status = 'past-due')::integer as past_due,
        (select count(*) from paying where paying.status = 'grace')::integer as in_grace,
        (select count(*) from pol where pol.effective_date >= ${start}::date and pol.effective_date < ${next}::date)::integer as new_business`,
  );
  const inForce = await executeRows<{ line: string; policies: number; premium: string }>(
    db,
    sql`select p.line_of_business as line, count(*)::integer as policies, sum(p.monthly_premium_cents)::text as premium
      from (${scopedPolicies(scope)}) p where p.status in ('active', 'grace') group by p.line_of_business order by p.line_of_business`,
  );
  return { counts: counts as TSummaryRow, inForce };
}

export type TPolicyRow = Record<string, string | null> & { policy_number: string; monthly_premium_cents: string };

export interface TPaymentRow {
  policy_number: string;
  period: string;
  amount_due_cents: string;
  due_date: string;
  amount_paid_cents: string;
  paid_date: string | null;
  status: string;
}

/** Policies `from` names (a FROM item aliased `p`, with its WHERE), newest first, with their latest premium's status. */
export async function findPolicies(db: TDbOrTx, from: SQL): Promise<TPolicyRow[]> {
  return executeRows<TPolicyRow>(
    db,
    sql`select p.policy_number, p.line_of_business, p.plan_name, p.state, p.status, p.effective_date::text as effective_date,
        p.renewal_date::text as renewal_date, p.termination_date::text as termination_date, p.monthly_premium_cents::text as monthly_premium_cents,
        ${paymentStatusOf(sql`p.policy_number`)} as payment_status
      from ${from} order by p.effective_date desc, p.policy_number`,
  );
}

/** The premium payments of these policies, newest month first. */
export async function findPayments(db: TDbOrTx, policyNumbers: readonly string[]): Promise<TPaymentRow[]> {
  if (policyNumbers.length === 0) return [];
  return executeRows<TPaymentRow>(
    db,
    sql`select policy_number, period, amount_due_cents::text as amount_due_cents, due_date::text as due_date,
        amount_paid_cents::text as amount_paid_cents, paid_date::text as paid_date, status
      from premium_payments where policy_number in (${sql.join(
        policyNumbers.map((n) => sql`${n}`),
        sql`, `,
      )}) order by policy_number, period desc`,
  );
}

export interface TClientDetailRows {
  client: Record<string, string | null>;
  policies: TPolicyRow[];
  payments: TPaymentRow[];
  applications: Record<string, string | null>[];
  history: { application_number: string; status: string; status_date: string }[];
}

/** The client with what the producer has of theirs in the state; undefined when that is nothing. */
export async function findClientInScope(db: TDbOrTx, scope: TBookScope, clientId: string): Promise<TClientDetailRows | undefined> {
  const policies = await findPolicies(db, sql`(${scopedPolicies(scope)}) p where p.client_id = ${clientId}`);
  const applications = await executeRows<Record<string, string | null>>(
    db,
    sql`select a.application_number, a.line_of_business, a.plan_name, a.status, a.status_date::text as status_date,
        a.submitted_date::text as submitted_date, a.policy_number
      from (${scopedApplications(scope)}) a where a.client_id = ${clientId} order by a.submitted_date desc, a.application_number`,
  );
  if (policies.length === 0 && applications.length === 0) return undefined;
  const [client] = await executeRows<Record<string, string | null>>(
    db,
    sql`select client_id, first_name, last_name, date_of_birth::text as date_of_birth, state, email::text as email, phone, zip
      from clients where client_id = ${clientId}`,
  );
  if (!client) return undefined;
  const policyNumbers = policies.map((p) => p.policy_number);
  const applicationNumbers = applications.map((a) => a.application_number as string);
  const payments = await findPayments(db, policyNumbers);
  const history = applicationNumbers.length
    ? await executeRows<TClientDetailRows['history'][number]>(
        db,
        sql`select application_number, status, status_date::text as status_date from application_status_history
          where application_number in (${sql.join(
            applicationNumbers.map((n) => sql`${n}`),
            sql`, `,
          )}) order by application_number, status_date, recorded_at`,
      )
    : [];
  return { client, policies, payments, applications, history };
}

/** The roster's Agent Unique ID and appointed states of a producer (the retail user's link). */
export async function findProducerAppointments(db: TDbOrTx, producerId: number): Promise<{ agentId: string; states: string[] } | undefined> {
  const [row] = await executeRows<{ agent_unique_id: string; states: string[] }>(
    db,
    sql`select agent_unique_id, states from producers where id = ${producerId}`,
  );
  return row ? { agentId: row.agent_unique_id, states: row.states } : undefined;
}

export async function findChosenState(db: TDbOrTx, tokenHash: string): Promise<string | undefined> {
  const [row] = await executeRows<{ state: string }>(db, sql`select state from session_states where token_hash = ${tokenHash}`);
  return row?.state;
}

export async function saveChosenState(db: TDbOrTx, tokenHash: string, state: string): Promise<void> {
  await db.execute(sql`insert into session_states (token_hash, state) values (${tokenHash}, ${state})
    on conflict (token_hash) do update set state = excluded.state`);
}
