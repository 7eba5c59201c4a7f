// Loads the carrier's employer groups from CSV, so the employers portal works outside the demo:
// an idempotent upsert by account number, through the one CSV import of csv-import.ts. The data
// feed adds columns later; until then any other column is refused by name.
import { z } from 'zod';
import type { TDataDeps } from '../../platform/deps.ts';
import { importCsv, type TCsvImportInput, type TImportReport } from './csv-import.ts';
import { upsertEmployerGroup, type TGroupRow } from './groups-import.store.ts';

export const GROUP_COLUMNS = ['account_number', 'name'] as const;

/** The carrier's account numbers: letters, digits and dashes (what staff search by). */
export const ACCOUNT_NUMBER_PATTERN = /^[A-Za-z0-9-]{1,32}$/;

const ZGroupCsvRow = z
  .object({
    account_number: z.string().regex(ACCOUNT_NUMBER_PATTERN, 'account_number must be 1 to 32 letters, digits or dashes'),
    name: z.string().min(1, 'name is required').max(200, 'name is longer than 200 characters'),
  })
  .transform((r): TGroupRow => ({ accountNumber: r.account_number, name: r.name }));

export async function importGroupsCsv(deps: TDataDeps, input: TCsvImportInput): Promise<TImportReport> {
  return importCsv(deps, { required: GROUP_COLUMNS, optional: [], row: ZGroupCsvRow, upsert: upsertEmployerGroup, auditAction: 'groups.imported' }, input);
}
