// Loads the producer roster from CSV (ID-5's source of truth): an idempotent upsert by Agent
// Unique ID, through the one CSV import of csv-import.ts.
import { z } from 'zod';
import type { TDataDeps } from '../../platform/deps.ts';
import { APPOINTMENT_STATES } from '../../../shared/portals.ts';
import { importCsv, type TCsvImportInput, type TImportReport } from './csv-import.ts';
import { upsertProducer, type TProducerRow } from './producers-import.store.ts';

export const PRODUCER_COLUMNS = ['agent_unique_id', 'first_name', 'last_name', 'email', 'agency_name', 'states'] as const;

const ZProducerCsvRow = z
  .object({
    agent_unique_id: z.string().regex(/^\d{9}$/, 'agent_unique_id must be exactly nine digits'),
    first_name: z.string().min(1, 'first_name is required').max(100, 'first_name is longer than 100 characters'),
    last_name: z.string().min(1, 'last_name is required').max(100, 'last_name is longer than 100 characters'),
    email: z.string().max(254, 'email is longer than 254 characters').pipe(z.email('email is not a valid e-mail address')),
    agency_name: z
      .string()
      .max(200, 'agency_name is longer than 200 characters')
      .transform((v) => v || null),
    states: z
      .string()
      .transform((v) =>
        v
          .split(';')
          .map((s) => s.trim().toUpperCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(APPOINTMENT_STATES, { error: (issue) => `states: "${String(issue.input)}" is not one of ${APPOINTMENT_STATES.join(', ')}` }))),
  })
  .transform((r): TProducerRow => ({
    agentUniqueId: r.agent_unique_id,
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    agencyName: r.agency_name,
    states: r.states,
  }));

export async function importProducersCsv(deps: TDataDeps, input: TCsvImportInput): Promise<TImportReport> {
  return importCsv(deps, { required: PRODUCER_COLUMNS, optional: [], row: ZProducerCsvRow, upsert: upsertProducer, auditAction: 'producers.imported' }, input);
}
