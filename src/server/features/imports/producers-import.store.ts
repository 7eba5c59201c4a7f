import { sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';

export interface TProducerRow {
  agentUniqueId: string;
  firstName: string;
  lastName: string;
  email: string;
  agencyName: string | null;
  states: string[];
}

/**
 * Inserts or updates one roster entry (and its agency) in one statement; 'inserted' or 'updated'.
 * States are validated codes (IL, MT, …), so their array literal needs no quoting.
 */
export async function upsertProducer(db: TDbOrTx, row: TProducerRow, now: Date): Promise<'inserted' | 'updated'> {
  const at = now.toISOString();
  const [outcome] = await executeRows<{ inserted: boolean }>(
    db,
    sql`
    with agency as (
      insert into agencies (name) select ${row.agencyName}::text where ${row.agencyName}::text is not null
      on conflict (name) do update set name = agencies.name
      returning id
    )
    insert into producers as p (agent_unique_id, first_name, last_name, email, agency_id, states, created_at, updated_at)
    values (${row.agentUniqueId}, ${row.firstName}, ${row.lastName}, ${row.email},
            (select id from agency), ${`{${row.states.join(',')}}`}::text[],
            ${at}::timestamptz, ${at}::timestamptz)
    on conflict (agent_unique_id) do update set
      first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
      agency_id = excluded.agency_id, states = excluded.states, updated_at = excluded.updated_at
    returning (xmax = 0) as inserted`,
  );
  return outcome?.inserted ? 'inserted' : 'updated';
}
