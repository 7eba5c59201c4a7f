// The SQL of a group producer's Book of Business (issue 16 §2): the employer groups whose producer
// of record is the producer ID (through employer_groups' producer index), and their group
// policies. A few dozen groups even for a large agency, so the filters work on that set.
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import type { TGroupSearch } from '../../../shared/book-schemas.ts';
import { findPayments, findPolicies, owesPremium, type TPaymentRow, type TPolicyRow } from './book.store.ts';

export interface TGroupRow {
  account_number: string;
  name: string;
  state: string | null;
  line_of_business: string | null;
  effective_date: string | null;
  employee_count: number | null;
  policies: number;
  premium: string;
  past_due: boolean;
  total: number;
}

const GROUP_COLUMNS = sql`g.account_number, g.name, g.state, g.line_of_business, g.effective_date::text as effective_date, g.employee_count`;

function groupOrder(query: TGroupSearch): SQL {
  const dir = sql.raw(query.dir === 'desc' ? 'desc' : 'asc');
  switch (query.sort) {
    case 'name':
      return sql`g.name ${dir}, g.account_number ${dir}`;
    case 'account-number':
      return sql`g.account_number ${dir}`;
    case 'effective-date':
      return sql`g.effective_date ${dir} nulls last, g.account_number ${dir}`;
    case 'employees':
      return sql`g.employee_count ${dir} nulls last, g.account_number ${dir}`;
  }
}

/** LIKE's own characters in what the user typed match themselves. */
function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** One page of the producer ID's groups that match, with the total. */
export async function searchGroups(db: TDbOrTx, agentId: string, query: TGroupSearch): Promise<TGroupRow[]> {
  const filters: SQL[] = [sql`g.producer_agent_id = ${agentId}`];
  const hasPolicy = (condition: SQL) => sql`exists (select 1 from policies gp where gp.group_account_number = g.account_number and ${condition})`;
  if (query.q) filters.push(sql`(g.name ilike ${likeContains(query.q)} or g.account_number = ${query.q})`);
  if (query.line) filters.push(sql`(g.line_of_business = ${query.line} or ${hasPolicy(sql`gp.line_of_business = ${query.line}`)})`);
  if (query.pastDue) filters.push(hasPolicy(owesPremium('gp')));
  return executeRows<TGroupRow>(
    db,
    sql`select ${GROUP_COLUMNS}, count(*) over ()::integer as total,
        (select count(*) from policies gp where gp.group_account_number = g.account_number)::integer as policies,
        (select coalesce(sum(gp.monthly_premium_cents), 0) from policies gp
          where gp.group_account_number = g.account_number and gp.status in ('active', 'grace'))::text as premium,
        ${hasPolicy(owesPremium('gp'))} as past_due
      from employer_groups g
      where ${sql.join(filters, sql` and `)}
      order by ${groupOrder(query)}
      limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
}

export type TGroupFacts = Omit<TGroupRow, 'policies' | 'premium' | 'past_due' | 'total'> & {
  por_agent_id: string | null;
  por_name: string | null;
  por_agency: string | null;
};

export interface TGroupWithPolicies {
  group: TGroupFacts;
  policies: TPolicyRow[];
  payments: TPaymentRow[];
}

/** The group `where` picks (alias `g`), its producer of record, and its policies with their payments. */
async function findGroupWithPolicies(db: TDbOrTx, where: SQL): Promise<TGroupWithPolicies | undefined> {
  const [group] = await executeRows<TGroupFacts>(
    db,
    sql`select ${GROUP_COLUMNS}, pr.agent_unique_id as por_agent_id, pr.first_name || ' ' || pr.last_name as por_name, a.name::text as por_agency
      from employer_groups g left join producers pr on pr.agent_unique_id = g.producer_agent_id left join agencies a on a.id = pr.agency_id
      where ${where}`,
  );
  if (!group) return undefined;
  const policies = await findPolicies(db, sql`policies p where p.group_account_number = ${group.account_number}`);
  return {
    group,
    policies,
    payments: await findPayments(
      db,
      policies.map((p) => p.policy_number),
    ),
  };
}

/** The group, if the producer ID is its producer of record. */
export function findGroupInScope(db: TDbOrTx, agentId: string, accountNumber: string): Promise<TGroupWithPolicies | undefined> {
  return findGroupWithPolicies(db, sql`g.account_number = ${accountNumber} and g.producer_agent_id = ${agentId}`);
}

/** An employers-portal user's own group (by its id, from the session). */
export function findGroupById(db: TDbOrTx, groupId: number): Promise<TGroupWithPolicies | undefined> {
  return findGroupWithPolicies(db, sql`g.id = ${groupId}`);
}
