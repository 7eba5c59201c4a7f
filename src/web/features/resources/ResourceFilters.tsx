import { useId, type FormEvent } from 'react';
import type { TResourceQuery } from '../../../shared/resource-schemas.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import type { TUrlQuery } from '../../ui/useUrlQuery.ts';
import { LINE_OPTIONS, STATE_OPTIONS } from './resource-labels.ts';

/**
 * State and line apply at once; the title search when submitted. All live in the address, so
 * Back and a shared link show the same list.
 */
export function ResourceFilters({ label, url }: { label: string; url: TUrlQuery<TResourceQuery> }) {
  const prefix = useId();
  const { query, setQuery } = url;
  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get('q');
    setQuery({ q: typeof text === 'string' ? text.trim() : undefined });
  };
  return (
    <form className="toolbar" role="search" aria-label={label} onSubmit={search}>
      <SelectField
        id={`${prefix}-state`}
        label="State"
        placeholder="Any state"
        options={STATE_OPTIONS}
        value={query.state ?? ''}
        onChange={(event) => setQuery({ state: event.target.value })}
      />
      <SelectField
        id={`${prefix}-line`}
        label="Line of Business"
        placeholder="Any line"
        options={LINE_OPTIONS}
        value={query.line ?? ''}
        onChange={(event) => setQuery({ line: event.target.value })}
      />
      {/* Remounted when the address changes, so Back shows the search that was made. */}
      <TextField key={query.q ?? ''} id={`${prefix}-q`} name="q" label="Title contains" type="search" maxLength={100} defaultValue={query.q ?? ''} />
      <button type="submit" className="button">
        Search
      </button>
    </form>
  );
}
