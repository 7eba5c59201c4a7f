// The portals as the web shows them: the built-in definitions at once, then the names and
// self-registration setting the server holds (staff may have changed them).
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { PORTAL_DEFINITIONS, PORTAL_IDS, isPortalId, type TPortalId } from '../../shared/portals.ts';
import { apiRequest } from '../api.ts';

export interface TPortalSummary {
  id: TPortalId;
  name: string;
  selfRegistration: boolean;
}

const ZPublicPortals = z.array(z.object({ id: z.string(), name: z.string(), selfRegistration: z.boolean() }));

const BUILT_IN: readonly TPortalSummary[] = PORTAL_IDS.map((id) => ({
  id,
  name: PORTAL_DEFINITIONS[id].name,
  selfRegistration: PORTAL_DEFINITIONS[id].policy.selfRegistration,
}));

let fromServer: readonly TPortalSummary[] | null = null;

async function loadPortals(): Promise<readonly TPortalSummary[]> {
  const list = await apiRequest('/api/portals', { schema: ZPublicPortals });
  return BUILT_IN.map((portal) => {
    const stored = list.find((p) => p.id === portal.id && isPortalId(p.id));
    return stored ? { id: portal.id, name: stored.name, selfRegistration: stored.selfRegistration } : portal;
  });
}

/** All portals in display order; falls back to the built-in definitions if the server cannot answer. */
export function usePortals(): readonly TPortalSummary[] {
  const [portals, setPortals] = useState<readonly TPortalSummary[]>(fromServer ?? BUILT_IN);
  useEffect(() => {
    if (fromServer) return;
    let cancelled = false;
    loadPortals().then(
      (loaded) => {
        fromServer = loaded;
        if (!cancelled) setPortals(loaded);
      },
      () => undefined, // the built-in names are a correct answer too
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return portals;
}

export function usePortal(portalId: TPortalId): TPortalSummary {
  const portals = usePortals();
  return portals.find((p) => p.id === portalId) ?? { id: portalId, name: PORTAL_DEFINITIONS[portalId].name, selfRegistration: false };
}
