import { asc, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { portals } from '../../db/schema/index.ts';
import type { TPortalId, TPortalPolicy, TPortalTexts } from '../../../shared/portals.ts';

export interface TPortal {
  id: TPortalId;
  name: string;
  policy: TPortalPolicy;
  texts: TPortalTexts;
}

export async function findPortal(db: TDbOrTx, id: TPortalId): Promise<TPortal | undefined> {
  const [row] = await db.select().from(portals).where(eq(portals.id, id)).limit(1);
  return row as TPortal | undefined;
}

export async function listPortals(db: TDbOrTx): Promise<TPortal[]> {
  return (await db.select().from(portals).orderBy(asc(portals.id))) as TPortal[];
}
