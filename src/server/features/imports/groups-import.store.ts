import { sql } from 'drizzle-orm';
import { executeRows, type TDbOrTx } from '../../db/client.ts';

export interface TGroupRow {
  accountNumber: string;
  name: string;
}

/** Inserts or updates one employer group by its account number; 'inserted' or 'updated'. */
export async function upsertEmployerGroup(db: TDbOrTx, row: TGroupRow, now: Date): Promise<'inserted' | 'updated'> {
  const at = now.toISOString();
  const [outcome] = await executeRows<{ inserted: boolean }>(
    db,
    sql`
    insert into employer_groups as g (account_number, name, created_at, updated_at)
    values (${row.accountNumber}, ${row.name}, ${at}::timestamptz, ${at}::timestamptz)
    on conflict (account_number) do update set name = excluded.name, updated_at = excluded.updated_at
    returning (xmax = 0) as inserted`,
  );
  return outcome?.inserted ? 'inserted' : 'updated';
}
