// SQL of producer-of-record alerts (issue 17 §3): open Group POR and Book of Business Transfer
// requests that would move a producer's group elsewhere, and the groups and policies a feed load
// took from them.
import { sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import { OPEN_TICKET_STATUSES } from '../../../shared/service-request-schemas.ts';

const OPEN = sql.join(
  OPEN_TICKET_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/** Open Group POR requests another producer ID filed for a group this producer is producer of record for. */
export async function findPendingPorRequests(db: TDbOrTx, input: { agentId: string; producerId: number }) {
  return executeRows<{ account_number: string; name: string; created_at: Date | string }>(
    db,
    sql`select g.account_number, g.name, t.created_at from service_request_tickets t
        join employer_groups g on g.account_number = t.details->>'accountNumber'
        where t.type = 'group-por' and t.status in (${OPEN}) and g.producer_agent_id = ${input.agentId} and t.producer_id <> ${input.producerId}
        order by t.created_at desc`,
  );
}

/**
 * Open Book of Business Transfers naming another receiving producer that reach this producer's
 * groups: filed by their own producer ID (all its accounts or a list), or listing one of its groups.
 */
export async function findPendingTransfers(db: TDbOrTx, input: { agentId: string; producerId: number }) {
  return executeRows<{ number: string | null; account_number: string | null; name: string | null; created_at: Date | string }>(
    db,
    sql`select case when t.producer_id = ${input.producerId} then t.number end as number, g.account_number, g.name, t.created_at
        from service_request_tickets t
        left join lateral (
          select g.account_number, g.name from employer_groups g
          where g.producer_agent_id = ${input.agentId} and g.account_number in (select jsonb_array_elements_text(t.details->'accountNumbers'))
        ) g on true
        where t.type = 'book-transfer' and t.status in (${OPEN}) and t.details->>'receivingAgentId' <> ${input.agentId}
          and (t.producer_id = ${input.producerId} or g.account_number is not null)
        order by t.created_at desc`,
  );
}

/** Groups and policies whose producer of record a feed load changed away from this producer since `since`. */
export async function findLostRecords(db: TDbOrTx, input: { agentId: string; since: Date }) {
  return executeRows<{ kind: 'group' | 'policy'; account_number: string; name: string | null; changed_at: Date | string }>(
    db,
    sql`select c.kind, c.account_number, coalesce(g.name, p.plan_name) as name, c.changed_at
        from producer_of_record_changes c
        left join employer_groups g on c.kind = 'group' and g.account_number = c.account_number
        left join policies p on c.kind = 'policy' and p.policy_number = c.account_number
        where c.previous_agent_id = ${input.agentId} and c.changed_at >= ${input.since.toISOString()}
        order by c.changed_at desc`,
  );
}
