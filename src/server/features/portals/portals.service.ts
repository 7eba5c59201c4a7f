import type { TDbOrTx } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { isPortalId, PORTAL_IDS } from '../../../shared/portals.ts';
import { findPortal, listPortals, type TPortal } from './portals.store.ts';

export type { TPortal };

export async function getPortal(db: TDbOrTx, id: string): Promise<TPortal> {
  const portal = isPortalId(id) ? await findPortal(db, id) : undefined;
  if (!portal) throw new AppError('portal.not_found');
  return portal;
}

/** Portals in the spec's order (producers, employers, retail, staff). */
export async function getPortals(db: TDbOrTx): Promise<TPortal[]> {
  const rows = await listPortals(db);
  return PORTAL_IDS.flatMap((id) => rows.filter((r) => r.id === id));
}
