// Owed versus paid (issue 17 §3): for one calendar year of a producer's statements, what each
// policy-month should have paid (premium received × the schedule's rate) against what was paid,
// and the four discrepancies a producer looks for: short pays, missing commission, commission paid
// on a terminated policy, chargebacks whose premium was later paid but never reversed. One
// computation by Agent Unique ID: the producer's own (the caller's) and staff's (any producer's,
// staff-commissions.service.ts) are the same answer.
import type { TLineOfBusiness } from '../../../shared/book.ts';
import { DISCREPANCY_KINDS, type TDiscrepancy, type TReconciliation, type TReconciliationQuery } from '../../../shared/commission-schemas.ts';
import { formatCents } from '../../../shared/request-fields.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import type { TCaller } from '../../platform/session.ts';
import { commissionProducerOf } from './commissions.service.ts';
import { findNewestIssuedPeriod, findNewestPeriod } from './commissions.store.ts';
import { findOwedAndPaid, findPaidAfterTermination, findUnreversedChargebacks, type TOwedRow } from './reconciliation.store.ts';

/** Rounding on the carrier's side may differ by a cent: smaller differences are not discrepancies. */
const TOLERANCE_CENTS = 1;

const percent = (rate: string) => `${Number(rate)}%`;

function owedDiscrepancy(row: TOwedRow): TDiscrepancy | undefined {
  if (row.owed_cents === null || row.rate_percent === null) return undefined;
  const owed = Number(row.owed_cents);
  const paid = Number(row.paid_cents ?? 0);
  const base = {
    period: row.period,
    accountNumber: row.account_number,
    accountName: row.account_name,
    lineOfBusiness: row.line_of_business as TLineOfBusiness,
  };
  const basis = `${row.business_type === 'new' ? 'First-year' : 'Renewal'} commission at ${percent(row.rate_percent)} of ${formatCents(Number(row.premium_cents))} premium received`;
  if (Number(row.lines) === 0 && owed > TOLERANCE_CENTS) {
    return { ...base, kind: 'missing', owedCents: owed, paidCents: 0, differenceCents: owed, detail: `${basis}; no statement line paid it.` };
  }
  if (row.judgeable && owed - paid > TOLERANCE_CENTS) {
    return {
      ...base,
      kind: 'short-pay',
      owedCents: owed,
      paidCents: paid,
      differenceCents: owed - paid,
      detail: `${basis}; the statement paid ${formatCents(paid)}.`,
    };
  }
  return undefined;
}

/** The caller's own owed versus paid, once the policy (and a sub-user's Primary Producer) allows it. */
export async function getReconciliation(deps: TDataDeps, caller: TCaller, query: TReconciliationQuery): Promise<TReconciliation> {
  const { agentUniqueId } = await commissionProducerOf(deps, caller);
  return reconcileProducer(deps, agentUniqueId, query);
}

/** Owed versus paid for the producer with that Agent Unique ID; whoever calls it has checked who may see it. */
export async function reconcileProducer(deps: TDataDeps, agentUniqueId: string, query: TReconciliationQuery): Promise<TReconciliation> {
  const [newest, issued] = await Promise.all([
    query.year === undefined ? findNewestPeriod(deps.db, agentUniqueId) : undefined,
    findNewestIssuedPeriod(deps.db),
  ]);
  const year = query.year ?? Number((newest ?? deps.clock.now().toISOString()).slice(0, 4));
  // A month after the carrier's newest statements has had none yet: its premium is the next
  // statement's, not missing commission. So the year is judged through the newest issued month.
  const judgedThrough = issued === undefined || issued < `${year}-01` ? null : issued < `${year}-12` ? issued : `${year}-12`;
  const range = { agentId: agentUniqueId, from: `${year}-01`, to: judgedThrough ?? `${year}-00` };
  const [owedRows, afterTermination, chargebacks] = await Promise.all([
    findOwedAndPaid(deps.db, range),
    findPaidAfterTermination(deps.db, range),
    findUnreversedChargebacks(deps.db, range),
  ]);
  const judged = owedRows.filter((row) => row.owed_cents !== null);
  const discrepancies: TDiscrepancy[] = [
    ...judged.flatMap((row) => owedDiscrepancy(row) ?? []),
    ...afterTermination.map((line): TDiscrepancy => ({
      kind: 'paid-after-termination',
      period: line.period,
      accountNumber: line.account_number,
      accountName: line.account_name,
      lineOfBusiness: line.line_of_business as TLineOfBusiness,
      owedCents: 0,
      paidCents: Number(line.amount_cents),
      differenceCents: -Number(line.amount_cents),
      detail: `Line ${line.line_number} paid ${formatCents(Number(line.amount_cents))}; the policy ended on ${line.termination_date}.`,
    })),
    ...chargebacks.map((line): TDiscrepancy => ({
      kind: 'unreversed-chargeback',
      period: line.period,
      accountNumber: line.account_number,
      accountName: line.account_name,
      lineOfBusiness: line.line_of_business as TLineOfBusiness,
      owedCents: null,
      paidCents: Number(line.amount_cents),
      differenceCents: -Number(line.amount_cents),
      detail: `Line ${line.line_number} charged back ${formatCents(-Number(line.amount_cents))}; the month's premium has since been paid and no adjustment reversed it.`,
    })),
  ].sort((a, b) => a.period.localeCompare(b.period) || a.accountNumber.localeCompare(b.accountNumber));
  const totals = DISCREPANCY_KINDS.map((kind) => {
    const ofKind = discrepancies.filter((d) => d.kind === kind);
    return { kind, count: ofKind.length, differenceCents: ofKind.reduce((sum, d) => sum + d.differenceCents, 0) };
  });
  return {
    year,
    judgedThrough,
    owedCents: judged.reduce((sum, row) => sum + Number(row.owed_cents), 0),
    paidCents: judged.reduce((sum, row) => sum + Number(row.paid_cents ?? 0), 0),
    discrepancies,
    totals,
    differenceCents: totals.reduce((sum, t) => sum + t.differenceCents, 0),
  };
}
