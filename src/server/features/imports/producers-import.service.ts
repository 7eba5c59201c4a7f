// Loads the producer roster from CSV (ID-5's source of truth). Idempotent upsert by Agent
// Unique ID; a bad row is reported with its line number while the good rows still load.
import { z } from 'zod';
import type { TServiceDeps } from '../../platform/deps.ts';
import { recordAudit } from '../../platform/audit.ts';
import { parseCsv } from '../../platform/csv.ts';
import { APPOINTMENT_STATES } from '../../../shared/portals.ts';
import { upsertProducer, type TProducerRow } from './producers-import.store.ts';

export const PRODUCER_COLUMNS = ['agent_unique_id', 'first_name', 'last_name', 'email', 'agency_name', 'states'] as const;

const ZProducerCsvRow = z.object({
  agent_unique_id: z.string().trim().regex(/^\d{9}$/, 'agent_unique_id must be exactly nine digits'),
  first_name: z.string().trim().min(1, 'first_name is required').max(100, 'first_name is longer than 100 characters'),
  last_name: z.string().trim().min(1, 'last_name is required').max(100, 'last_name is longer than 100 characters'),
  email: z.string().trim().max(254, 'email is longer than 254 characters').pipe(z.email('email is not a valid e-mail address')),
  agency_name: z.string().trim().max(200, 'agency_name is longer than 200 characters').transform((v) => v || null),
  states: z
    .string()
    .transform((v) => v.split(';').map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(APPOINTMENT_STATES, { error: (issue) => `states: "${String(issue.input)}" is not one of ${APPOINTMENT_STATES.join(', ')}` }))),
});

export interface TImportProblem {
  line: number;
  reason: string;
}

export interface TImportReport {
  inserted: number;
  updated: number;
  failed: TImportProblem[];
}

export async function importProducersCsv(
  deps: TServiceDeps,
  input: { csv: string; actor: { id?: string | null; label: string }; onProgress?: (done: number) => void },
): Promise<TImportReport> {
  const report: TImportReport = { inserted: 0, updated: 0, failed: [] };
  let records;
  try {
    records = [...parseCsv(input.csv)];
  } catch (error) {
    report.failed.push({ line: 0, reason: (error as Error).message });
    return report;
  }
  const [header, ...rows] = records;
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = PRODUCER_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    report.failed.push({ line: header?.line ?? 1, reason: `the header lacks the column(s) ${missing.join(', ')}; expected ${PRODUCER_COLUMNS.join(',')}` });
    return report;
  }
  for (const [index, record] of rows.entries()) {
    if (record.fields.length !== columns.length) {
      report.failed.push({ line: record.line, reason: `expected ${columns.length} fields, found ${record.fields.length}` });
      continue;
    }
    const parsed = ZProducerCsvRow.safeParse(Object.fromEntries(columns.map((c, i) => [c, record.fields[i] ?? ''])));
    if (!parsed.success) {
      report.failed.push({ line: record.line, reason: parsed.error.issues.map((i) => i.message).join('; ') });
      continue;
    }
    const row: TProducerRow = {
      agentUniqueId: parsed.data.agent_unique_id,
      firstName: parsed.data.first_name,
      lastName: parsed.data.last_name,
      email: parsed.data.email,
      agencyName: parsed.data.agency_name,
      states: parsed.data.states,
    };
    const outcome = await upsertProducer(deps.db, row, deps.clock.now());
    report[outcome]++;
    if ((index + 1) % 1000 === 0) input.onProgress?.(index + 1);
  }
  await recordAudit(deps.db, {
    action: 'producers.imported',
    occurredAt: deps.clock.now(),
    actor: input.actor,
    details: { inserted: report.inserted, updated: report.updated, failed: report.failed.length },
  });
  return report;
}
