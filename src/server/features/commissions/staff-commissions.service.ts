// Carrier staff read any producer's commissions, read-only (issue 17 §3; docs/decisions/0023): the
// same summary, statement list and owed versus paid the producer sees, computed by the same
// functions from the Agent Unique ID staff chose (in the address, never in the session). The
// reconciliation names accounts, clients among them, so staff reading it is audited, as a client's
// page in the staff book is; the summary and the list are monthly totals and are not.
import type { TCommissionSummary, TReconciliation, TReconciliationQuery, TStatementList } from '../../../shared/commission-schemas.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TCaller } from '../../platform/session.ts';
import { commissionSummaryOf, statementsOf } from './commissions.service.ts';
import { findCommissionProducer, type TCommissionProducer } from './commissions.store.ts';
import { reconcileProducer } from './reconciliation.service.ts';

/** A staff member and whose commissions they chose: the producer's Agent Unique ID. */
export type TStaffCommissionChoice = TCaller & { agentId: string };

/** The producer staff chose: 403 for anyone but staff, 404 for an Agent Unique ID the roster does not list. */
async function chosenProducer(deps: TDataDeps, caller: TStaffCommissionChoice): Promise<TCommissionProducer> {
  assertCan(caller.actor, 'commissions.staff_view');
  const producer = await findCommissionProducer(deps.db, { agentUniqueId: caller.agentId });
  // The staff book's answer for the same address: one "unknown producer" across the staff console.
  if (!producer) throw new AppError('book.producer_not_found');
  return producer;
}

export async function getStaffCommissionSummary(deps: TDataDeps, caller: TStaffCommissionChoice): Promise<TCommissionSummary> {
  return commissionSummaryOf(deps, (await chosenProducer(deps, caller)).agentUniqueId);
}

export async function listStaffStatements(deps: TDataDeps, caller: TStaffCommissionChoice): Promise<TStatementList> {
  return statementsOf(deps, (await chosenProducer(deps, caller)).agentUniqueId);
}

/** The producer's owed versus paid for a year, as they see it; audited as commissions.reconciliation_viewed. */
export async function getStaffReconciliation(deps: TDataDeps, caller: TStaffCommissionChoice & { query: TReconciliationQuery }): Promise<TReconciliation> {
  const { agentUniqueId } = await chosenProducer(deps, caller);
  const reconciliation = await reconcileProducer(deps, agentUniqueId, caller.query);
  await recordAudit(deps.db, {
    action: 'commissions.reconciliation_viewed',
    occurredAt: deps.clock.now(),
    portalId: caller.actor.portalId,
    actor: { id: caller.actor.id, label: caller.actor.username },
    target: { label: `owed versus paid ${reconciliation.year} of ${agentUniqueId}` },
    ipAddress: caller.ipAddress,
    requestId: caller.requestId,
    details: { agentId: agentUniqueId, year: reconciliation.year, discrepancies: reconciliation.discrepancies.length },
  });
  return reconciliation;
}
