import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api.ts';
// Known crossing (issue 13), kept until the session provider can hand ui/ an "on 401" callback
// (e.g. a ui-level UnauthenticatedContext that SessionProvider fills); the rule stops new ones.
// eslint-disable-next-line no-restricted-imports
import { useSessionStore } from '../features/identity/session-context.tsx';

interface TLoaded<T> {
  /** The key (and reload count) this answer belongs to. */
  for: string;
  data: T | undefined;
  error: TLoadError | null;
}

export interface TLoadError {
  message: string;
  /** The HTTP status, 0 when the server could not be reached. */
  status: number;
}

export interface TRemoteData<T> {
  /** The latest answer; kept while the next one loads, so tables do not jump. */
  data: T | undefined;
  error: TLoadError | null;
  loading: boolean;
  reload: () => void;
}

const UNKNOWN_FAILURE = 'Something went wrong. Please try again.';

/**
 * Loads `load()` whenever `key` changes (e.g. the serialized search), or on reload(). A 401 means
 * the session ended meanwhile: the session is forgotten, and the page sends the user to log in.
 */
export function useRemoteData<T>(key: string, load: () => Promise<T>): TRemoteData<T> {
  const { setSession } = useSessionStore();
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const [version, setVersion] = useState(0);
  const [loaded, setLoaded] = useState<TLoaded<T>>({ for: '', data: undefined, error: null });
  const current = `${version}:${key}`;

  useEffect(() => {
    let cancelled = false;
    loadRef.current().then(
      (data) => {
        if (!cancelled) setLoaded({ for: current, data, error: null });
      },
      (failure: unknown) => {
        if (cancelled) return;
        if (isApiError(failure) && failure.status === 401) {
          setSession(null);
          return;
        }
        setLoaded((previous) => ({
          for: current,
          data: previous.data,
          error: isApiError(failure) ? { message: failure.message, status: failure.status } : { message: UNKNOWN_FAILURE, status: 0 },
        }));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [current, setSession]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data: loaded.data, error: loaded.for === current ? loaded.error : null, loading: loaded.for !== current, reload };
}
