// The per-portal policy and texts as staff edit them. (Reads for sign-in go through the portals
// feature and the login function; this is the one writer besides migrations and seeding.)
import { eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { portals } from '../../db/schema/index.ts';
import type { TPortalId, TPortalPolicy, TPortalTexts } from '../../../shared/portals.ts';

export interface TPortalSettingsRow {
  id: TPortalId;
  name: string;
  policy: TPortalPolicy;
  texts: TPortalTexts;
  updatedAt: Date;
}

export async function findPortalSettings(db: TDbOrTx, id: TPortalId, options: { forUpdate?: boolean } = {}): Promise<TPortalSettingsRow | undefined> {
  const query = db.select().from(portals).where(eq(portals.id, id)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row && { ...row, id: row.id as TPortalId };
}

export async function savePortalSettings(
  db: TDbOrTx,
  { id, policy, texts, now }: { id: TPortalId; policy: TPortalPolicy; texts: TPortalTexts; now: Date },
): Promise<void> {
  await db.update(portals).set({ policy, texts, updatedAt: now }).where(eq(portals.id, id));
}
