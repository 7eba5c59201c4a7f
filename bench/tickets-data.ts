// The data of bench:tickets, loaded set-based (generate_series), not through the service one by
// one: 50,000 producer IDs with one user each, and 1,000,000 tickets over them, about 30 % open.
// Producer 1 is the large one the benchmark signs in as: 5,000 tickets, 1,500 of them open, so
// its open list has more than 50 pages of 25.
import { sql } from 'drizzle-orm';
import type { TDb } from '../src/server/db/client.ts';

export const BIG_PRODUCER_AGENT_ID = '800000001';
export const BIG_PRODUCER_TICKETS = 5_000;

/**
 * Type by weight (Commission Dispute and Group POR the most common), status by weight: Submitted
 * 12 %, In Progress 12 %, Pending Producer Response 6 % (30 % open), Resolved 62 %, Cancelled 8 %.
 * Drawn from two independent hashes of the row number, so every producer ID gets a mix.
 */
const TYPE_OF = sql.raw(`case
  when abs(hashint4(-i)) % 100 < 30 then 'commission-dispute'
  when abs(hashint4(-i)) % 100 < 50 then 'group-por'
  when abs(hashint4(-i)) % 100 < 62 then 'contact-info'
  when abs(hashint4(-i)) % 100 < 74 then 'eft'
  when abs(hashint4(-i)) % 100 < 84 then 'eo-coverage'
  when abs(hashint4(-i)) % 100 < 92 then 'book-transfer'
  else 'sep-affirmation' end`);
const STATUS_OF = sql.raw(`case
  when abs(hashint4(i)) % 1000 < 120 then 'submitted'
  when abs(hashint4(i)) % 1000 < 240 then 'in-progress'
  when abs(hashint4(i)) % 1000 < 300 then 'pending-producer'
  when abs(hashint4(i)) % 1000 < 920 then 'resolved'
  else 'cancelled' end`);

/** Producer IDs 800000001… (producers.id 1… in a fresh database) with one filing user each. */
export async function loadRoster(db: TDb, input: { producers: number }): Promise<void> {
  await db.execute(sql`
    insert into producers (agent_unique_id, first_name, last_name, email, states, created_at, updated_at)
    select '8' || lpad(p::text, 8, '0'), 'First' || p, 'Last' || p, 'producer' || p || '@bench.test', '{TX}', '2024-01-01', '2024-01-01'
    from generate_series(1, ${input.producers}) as p`);
  await db.execute(sql`
    insert into users (portal_id, username, role, first_name, last_name, email, producer_id, status, created_at)
    select 'producers', 'filer' || p.id, 'primary-producer', p.first_name, p.last_name, p.email, p.id, 'active', '2024-01-01'
    from producers p`);
}

/**
 * Ticket i: producer 1 (the big one) when i is a multiple of 200, else one of the others by a
 * hash of i; created over two years in number order, as the sequence gives them.
 */
export async function loadTickets(db: TDb, input: { tickets: number; producers: number; staffUserId: string }): Promise<void> {
  const bigEvery = Math.floor(input.tickets / BIG_PRODUCER_TICKETS);
  await db.execute(sql`
    insert into service_request_tickets
      (number, portal_id, producer_id, filed_by, type, status, details, summary, assignee_id, resolution_note, created_at, updated_at, closed_at)
    select 'SR-' || extract(year from s.created_at)::int || '-' || lpad(s.i::text, 6, '0'), 'producers', u.producer_id, u.id, s.type, s.status,
      jsonb_build_object('lineOfBusiness', 'group-medical', 'accountNumber', 'G-' || (s.i % 90000 + 10000), 'accountName', 'Group ' || s.i),
      'G-' || (s.i % 90000 + 10000) || ' Group ' || s.i,
      case when s.status <> 'submitted' then ${input.staffUserId}::uuid end,
      case when s.status = 'resolved' then 'Done.' end,
      s.created_at, s.created_at + interval '1 day',
      case when s.status in ('resolved', 'cancelled') then s.created_at + interval '3 days' end
    from (
      select i, ${TYPE_OF} as type, ${STATUS_OF} as status,
        '2025-01-01'::timestamptz + make_interval(secs => i * (63072000.0 / ${input.tickets})) as created_at,
        case when i % ${bigEvery} = 0 then 1 else 2 + abs(hashint4(i + 7919)) % ${input.producers - 1} end as producer_id
      from generate_series(1, ${input.tickets}) as i
    ) s
    join users u on u.producer_id = s.producer_id and u.portal_id = 'producers' and u.username = 'filer' || s.producer_id`);
  await db.execute(sql`select setval('service_request_number_seq', ${input.tickets + 1})`);
}
