// What every list query shares (the API's query strings and the web's addresses): page, page
// size, sort direction and a search text.
import { z } from 'zod';
import { withoutControlCharacters } from './text-rules.ts';

/** A filter box left empty (a form's "Any" option) is no filter. */
export const emptyIsNone = (value: unknown) => (value === '' ? undefined : value);

export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 25;

/** A deep OFFSET reads and drops every row before it: past this, narrowing the search is the way. */
export const PAGE_MAX = 10_000;

export const page = z.coerce.number().int().min(1).max(PAGE_MAX, `At most page ${PAGE_MAX}: narrow the search.`).default(1);
export const pageSize = z.coerce.number().int().min(1).max(PAGE_SIZE_MAX, `At most ${PAGE_SIZE_MAX} per page.`).default(PAGE_SIZE_DEFAULT);
export const searchText = withoutControlCharacters(z.string().trim().max(100, 'Search for at most 100 characters.'))
  .optional()
  .transform((v) => v || undefined);

/** A page of a list: the rows, where they are, and how many there are in all ("Showing X - Y of Z"). */
export function pageOf<TItem extends z.ZodType>(item: TItem) {
  return z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
}
