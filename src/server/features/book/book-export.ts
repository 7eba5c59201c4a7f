// A book list leaving the portal as CSV: read a page at a time in the list's own order (a large
// book is a few thousand rows), streamed as it is read, and audited once it ends, finished or not.
import type { TDbOrTx } from '../../db/client.ts';
import { recordAudit, type TAuditAction } from '../../platform/audit.ts';
import type { TClock } from '../../platform/clock.ts';
import { csvLine } from '../../platform/csv-writer.ts';
import type { TCaller } from '../../platform/session.ts';

/** Who downloads, from where (the audit row's actor, address and request id). */
export type TExporter = TCaller;

/** Rows an export reads at a time. */
const EXPORT_BATCH = 1_000;

export interface TAuditedCsv<TRow> {
  columns: readonly string[];
  /** One page of the list, as the search would answer it. */
  page: (page: number, pageSize: number) => Promise<TRow[]>;
  line: (row: TRow) => readonly (string | null | undefined)[];
  /** The audit row written when the download ends: with how many rows went out and whether it finished. */
  audit: {
    deps: { db: TDbOrTx; clock: TClock };
    by: TExporter;
    action: TAuditAction;
    target: string;
    /** The list's filters (personal values are kept out, see auditedFilters). */
    filters: Readonly<Record<string, unknown>>;
    details?: Record<string, unknown>;
  };
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
    const { deps, by, action, target, filters, details } = input.audit;
    await recordAudit(deps.db, {
      action,
      occurredAt: deps.clock.now(),
      portalId: by.actor.portalId,
      actor: { id: by.actor.id, label: by.actor.username },
      target: { label: target },
      ipAddress: by.ipAddress,
      requestId: by.requestId,
      details: { count, completed, ...details, filters: auditedFilters(filters) },
    });
  }
}

/** Filters whose values are a person's data (a name, a birth date, a number that names a client). */
const PERSONAL_FILTERS = new Set(['name', 'dateOfBirth', 'number', 'q']);

/**
 * What the audit row keeps of an export's filters: which were used, and the values of those that
 * only describe the list (quick search, status, line, dates of effect, sort). The audit log lives
 * for years; a client's name or birth date has no place in it.
 */
function auditedFilters(filters: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, PERSONAL_FILTERS.has(key) ? '(given)' : value]),
  );
}
