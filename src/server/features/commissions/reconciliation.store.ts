// SQL of owed versus paid (issue 17 §3): what a producer of record was owed on the premium the
// carrier received, at the schedule's rate for the policy's line, state and year (first-year or
// renewal), next to what their statements paid on the policy that month; and the lines paid on a
// policy that had ended, and chargebacks whose premium was later paid but never reversed.
import { sql } from 'drizzle-orm';
import { executeRows, type TDb, type TDbOrTx } from '../../db/client.ts';

export interface TRangeOf {
  agentId: string;
  from: string;
  to: string;
}

export interface TOwedRow {
  period: string;
  account_number: string;
  account_name: string;
  line_of_business: string;
  business_type: 'new' | 'renewal';
  premium_cents: string;
  rate_percent: string | null;
  owed_cents: string | null;
  paid_cents: string | null;
  lines: string;
  /** Paid in full to this producer as a percent of premium: a split or a per-contract line is not judged. */
  judgeable: boolean;
}

/**
 * Each month a policy the producer is producer of record for had premium received: the rate in
 * force on the month's first day and what it makes owed, with what the statement paid
 * (first-year, renewal and adjustment lines; chargebacks are judged on their own).
 */
export async function findOwedAndPaid(db: TDb, range: TRangeOf): Promise<TOwedRow[]> {
  // A large producer's year sorts tens of thousands of rows, which spilled to disk at the default
  // 4 MB; the memory is raised for this statement's transaction only, not for every connection.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '16MB'`);
    return owedAndPaidRows(tx, range);
  });
}

async function owedAndPaidRows(db: TDbOrTx, range: TRangeOf): Promise<TOwedRow[]> {
  return executeRows<TOwedRow>(
    db,
    sql`with received as (
          -- The month's first day, computed once a row (to_date per comparison cost a third of the query).
          select p.policy_number, p.line_of_business, p.state, pp.period, (pp.period || '-01')::date as month_start, pp.amount_paid_cents,
            coalesce(c.first_name || ' ' || c.last_name, g.name, p.plan_name) as account_name,
            case when pp.period < to_char(p.effective_date + interval '12 months', 'YYYY-MM') then 'new' else 'renewal' end as business_type
          from policies p
          join premium_payments pp on pp.policy_number = p.policy_number
          left join clients c on c.client_id = p.client_id
          left join employer_groups g on g.account_number = p.group_account_number
          where p.producer_of_record_agent_id = ${range.agentId} and pp.period between ${range.from} and ${range.to} and pp.amount_paid_cents > 0
        ), paid as (
          -- A group's lines may name the policy or the group's account: then the group's policy of
          -- the line's line of business is the one paid. One key (the policy) makes one equality join.
          -- (A scalar subquery with LIMIT stays one index probe per line; as a join the planner may
          -- hash every policy on file.)
          select coalesce(
              (select gp.policy_number from policies gp where gp.group_account_number = l.account_number and gp.line_of_business = l.line_of_business limit 1),
              l.account_number
            ) as policy_number, l.period, l.line_of_business,
            sum(l.amount_cents) as paid_cents, count(*) as lines,
            bool_and(l.split_percent = 100 and l.calculation_method = 'percent-of-premium') as judgeable
          from commission_lines l
          where l.agent_unique_id = ${range.agentId} and l.period between ${range.from} and ${range.to} and l.transaction_type <> 'chargeback'
          group by 1, l.period, l.line_of_business
        )
        select r.period, r.policy_number as account_number, r.account_name, r.line_of_business, r.business_type,
          r.amount_paid_cents as premium_cents, s.rate_percent::text as rate_percent,
          round(r.amount_paid_cents * s.rate_percent / 100)::bigint as owed_cents, paid.paid_cents, coalesce(paid.lines, 0) as lines,
          coalesce(paid.judgeable, true) as judgeable
        from received r
        left join lateral (
          select rate_percent from commission_schedules s
          where s.line_of_business = r.line_of_business and s.state = r.state and s.business_type = r.business_type
            and s.effective_from <= r.month_start and (s.effective_to is null or s.effective_to >= r.month_start)
          order by s.effective_from desc limit 1
        ) s on true
        left join paid on paid.policy_number = r.policy_number and paid.period = r.period and paid.line_of_business = r.line_of_business
        order by r.period, r.policy_number`,
  );
}

export interface TLineRow {
  period: string;
  line_number: number;
  account_number: string;
  account_name: string;
  line_of_business: string;
  amount_cents: string;
}

/** Lines paying on a policy that had ended before the statement's month began. */
export async function findPaidAfterTermination(db: TDbOrTx, range: TRangeOf): Promise<(TLineRow & { termination_date: string })[]> {
  return executeRows(
    db,
    sql`select l.period, l.line_number, l.account_number, l.account_name, l.line_of_business, l.amount_cents, p.termination_date::text
        from commission_lines l
        -- One index probe per line (LIMIT keeps the planner from hashing every ended policy on file).
        cross join lateral (
          select termination_date from policies p where p.policy_number = l.account_number and p.termination_date is not null limit 1
        ) p
        where l.agent_unique_id = ${range.agentId} and l.period between ${range.from} and ${range.to}
          and l.amount_cents > 0 and p.termination_date <= to_date(l.period, 'YYYY-MM')
        order by l.period, l.line_number`,
  );
}

/** Chargebacks whose month's premium has since been paid, with no later adjustment on the policy making up for them. */
export async function findUnreversedChargebacks(db: TDbOrTx, range: TRangeOf): Promise<TLineRow[]> {
  return executeRows(
    db,
    sql`select l.period, l.line_number, l.account_number, l.account_name, l.line_of_business, l.amount_cents
        from commission_lines l
        join premium_payments pp on pp.policy_number = l.account_number and pp.period = l.period and pp.status = 'paid'
        where l.agent_unique_id = ${range.agentId} and l.period between ${range.from} and ${range.to} and l.transaction_type = 'chargeback'
          and not exists (
            select 1 from commission_lines a
            where a.agent_unique_id = l.agent_unique_id and a.account_number = l.account_number and a.transaction_type = 'adjustment'
              and a.period >= l.period and a.amount_cents >= -l.amount_cents
          )
        order by l.period, l.line_number`,
  );
}
