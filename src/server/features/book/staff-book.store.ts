// The SQL of staff finding a producer whose book to read (issue 16 §4): by Agent Unique ID (the
// roster's unique index) or by the start of a name. The roster is the carrier's producers, some
// thousands, so a name prefix reads it without an index of its own.
import { sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';

export interface TProducerRow {
  agent_unique_id: string;
  first_name: string;
  last_name: string;
  agency: string | null;
  states: string[];
  groups: number;
}

const PRODUCER_COLUMNS = sql`pr.agent_unique_id, pr.first_name, pr.last_name, a.name::text as agency, pr.states,
  (select count(*) from employer_groups g where g.producer_agent_id = pr.agent_unique_id)::integer as groups`;

/** LIKE's own characters in what the user typed match themselves. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The producer with that Agent Unique ID, with their appointed states and how many groups they hold. */
export async function findProducerByAgentId(db: TDbOrTx, agentId: string): Promise<TProducerRow | undefined> {
  const [row] = await executeRows<TProducerRow>(
    db,
    sql`select ${PRODUCER_COLUMNS} from producers pr left join agencies a on a.id = pr.agency_id where pr.agent_unique_id = ${agentId}`,
  );
  return row;
}

/** Producers whose first or last name, or whole name either way round, starts with `name`; by name. */
export async function findProducersByName(db: TDbOrTx, name: string, limit: number): Promise<TProducerRow[]> {
  const prefix = likePrefix(name);
  return executeRows<TProducerRow>(
    db,
    sql`select ${PRODUCER_COLUMNS} from producers pr left join agencies a on a.id = pr.agency_id
      where pr.last_name ilike ${prefix} or pr.first_name ilike ${prefix}
        or (pr.first_name || ' ' || pr.last_name) ilike ${prefix} or (pr.last_name || ', ' || pr.first_name) ilike ${prefix}
      order by pr.last_name, pr.first_name, pr.agent_unique_id
      limit ${limit}`,
  );
}
