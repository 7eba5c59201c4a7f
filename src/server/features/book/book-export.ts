// A book list leaving the portal as CSV: read a page at a time in the list's own order (a large
// book is a few thousand rows), streamed as it is read, and audited once it ends, finished or not.
import { csvLine } from '../../platform/csv-writer.ts';

/** Rows an export reads at a time. */
const EXPORT_BATCH = 1_000;

export interface TAuditedCsv<TRow> {
  columns: readonly string[];
  /** One page of the list, as the search would answer it. */
  page: (page: number, pageSize: number) => Promise<TRow[]>;
  line: (row: TRow) => readonly (string | null | undefined)[];
  /** Writes the audit row: how many rows went out and whether the download finished. */
  audit: (outcome: { count: number; completed: boolean }) => Promise<void>;
}

export async function* auditedCsv<TRow>(input: TAuditedCsv<TRow>): AsyncGenerator<string> {
  let count = 0;
  let completed = false;
  try {
    // The BOM makes spreadsheet programs read the file as UTF-8 (names with accents).
    yield `\uFEFF${csvLine(input.columns)}`;
    for (let page = 1; ; page++) {
      const rows = await input.page(page, EXPORT_BATCH);
      const chunk = rows.map((row) => csvLine(input.line(row))).join('');
      count += rows.length;
      if (chunk) yield chunk;
      if (rows.length < EXPORT_BATCH) break;
    }
    completed = true;
  } finally {
    await input.audit({ count, completed });
  }
}

/** Filters whose values are a person's data (a name, a birth date, a number that names a client). */
const PERSONAL_FILTERS = new Set(['name', 'dateOfBirth', 'number', 'q']);

/**
 * What the audit row keeps of an export's filters: which were used, and the values of those that
 * only describe the list (quick search, status, line, dates of effect, sort). The audit log lives
 * for years; a client's name or birth date has no place in it.
 */
export function auditedFilters(filters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, PERSONAL_FILTERS.has(key) ? '(given)' : value]),
  );
}
