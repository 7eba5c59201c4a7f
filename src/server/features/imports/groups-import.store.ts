import type { TDbOrTx } from '../../db/client.ts';
import { employerGroups } from '../../db/schema/index.ts';

export async function upsertEmployerGroups(db: TDbOrTx, groups: { accountNumber: string; name: string }[]): Promise<void> {
  await db.insert(employerGroups).values(groups).onConflictDoNothing({ target: employerGroups.accountNumber });
}
