// A list's state (search, filters, sort, page) kept in the address, so Back, reload and a shared
// link show the same list. Read with the API's own query schema: a value it refuses (a hand-edited
// address) is dropped and its default applies, instead of breaking the page.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';

type TQueryValue = string | number | undefined;

export interface TUrlQuery<TOutput> {
  /** The parsed state, defaults filled in. */
  query: TOutput;
  /**
   * Changes some values (undefined or '' removes one). Pushes a history entry, so Back returns
   * to the previous list; `replace` for changes that are not a step of their own.
   */
  setQuery: (patch: Readonly<Record<string, TQueryValue>>, options?: { replace?: boolean }) => void;
}

export function useUrlQuery<TShape extends z.ZodRawShape>(schema: z.ZodObject<TShape>): TUrlQuery<z.output<z.ZodObject<TShape>>> {
  const [params, setParams] = useSearchParams();

  const query = useMemo(() => {
    const raw: Record<string, string> = {};
    for (const [key, field] of Object.entries(schema.shape)) {
      const value = params.get(key);
      if (value !== null && (field as z.ZodType).safeParse(value).success) raw[key] = value;
    }
    const parsed = schema.safeParse(raw);
    // Each value passed alone; together they still might not (a cross-field rule): start from the defaults.
    return parsed.success ? parsed.data : schema.parse({});
  }, [params, schema]);

  const setQuery = useCallback(
    (patch: Readonly<Record<string, TQueryValue>>, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace: options.replace ?? false, preventScrollReset: true },
      );
    },
    [setParams],
  );

  return { query, setQuery };
}
