import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';

interface TSessionStore {
  /** The session this tab knows of; the server's cookie is the truth, this saves a round trip. */
  session: TSessionResponse | null;
  setSession: (session: TSessionResponse | null) => void;
}

const SessionContext = createContext<TSessionStore | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<TSessionResponse | null>(null);
  const store = useMemo(() => ({ session, setSession }), [session]);
  return <SessionContext value={store}>{children}</SessionContext>;
}

export function useSessionStore(): TSessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore needs a SessionProvider');
  return store;
}
