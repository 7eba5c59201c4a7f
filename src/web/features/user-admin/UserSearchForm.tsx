import { useEffect, useId } from 'react';
import { z } from 'zod';
import { emptyIsNone } from '../../../shared/list-query.ts';
import { PORTAL_DEFINITIONS, type TPortalId } from '../../../shared/portals.ts';
import { ZStaffUserSearchQuery, type TStaffUserSearchQuery } from '../../../shared/user-admin-schemas.ts';
import { SelectField } from '../../ui/SelectField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { statusOptions } from './user-display.tsx';

/** A drop-down's empty first option means "any": no filter, as the API reads an absent value. */
const anyWhenEmpty = <TSchema extends z.ZodType>(schema: TSchema) => z.preprocess(emptyIsNone, schema);

/** The API's own rules for the search text and the filters (the staff schema is the widest: it has the portal). */
const ZUserSearchForm = z.object({
  q: ZStaffUserSearchQuery.shape.q,
  status: anyWhenEmpty(ZStaffUserSearchQuery.shape.status),
  portal: anyWhenEmpty(ZStaffUserSearchQuery.shape.portal),
});

export type TUserSearch = Pick<TStaffUserSearchQuery, 'q' | 'status' | 'portal'>;

interface TUserSearchFormProps {
  /** The search in force (from the address): the form shows it, again after Back or a reload. */
  search: TUserSearch;
  onSearch: (search: TUserSearch) => void;
  /** Staff search: a filter over these portals, and deleted IDs can be looked up. */
  portals?: readonly TPortalId[] | undefined;
  /** For the search's name, e.g. "Sub-users". */
  noun: string;
}

function formValues({ q, status, portal }: TUserSearch) {
  return { q: q ?? '', status: status ?? '', portal: portal ?? '' };
}

/** The list's search box and filters: a draft until Search puts it into the address. */
export function UserSearchForm({ search, onSearch, portals, noun }: TUserSearchFormProps) {
  const idPrefix = useId();
  const form = useZodForm(ZUserSearchForm, formValues(search));
  const { reset } = form;
  const { q, status, portal } = search;

  // Back, Forward or a link changed the search in force: the draft follows it.
  useEffect(() => reset(formValues({ q, status, portal })), [reset, q, status, portal]);

  const send = async (data: z.output<typeof ZUserSearchForm>) => {
    onSearch({ q: data.q, status: data.status, portal: portals ? data.portal : undefined });
  };

  return (
    <form className="toolbar" role="search" aria-label={`Search ${noun.toLowerCase()}`} noValidate onSubmit={form.submitWith(send)}>
      <div className="toolbar-grow">
        <TextField id={`${idPrefix}-q`} type="search" label="Name, User Name or E-mail" maxLength={100} {...form.field('q')} />
      </div>
      {portals ? (
        <SelectField
          id={`${idPrefix}-portal`}
          label="Portal"
          placeholder="All portals"
          options={portals.map((id) => ({ value: id, label: PORTAL_DEFINITIONS[id].name }))}
          {...form.field('portal')}
        />
      ) : null}
      <SelectField
        id={`${idPrefix}-status`}
        label="Status"
        placeholder="All statuses"
        options={statusOptions(portals !== undefined)}
        {...form.field('status')}
      />
      <button type="submit" className="button button-primary">
        Search
      </button>
    </form>
  );
}
