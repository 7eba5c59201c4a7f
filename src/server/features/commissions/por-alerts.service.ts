// Producer of record at risk (issue 17 §3): what could take a group or policy from the producer —
// an open Group POR request by another producer ID, an open Book of Business Transfer naming
// someone else, or a feed load that changed the producer of record in the last 30 days. The
// sentences never name the other producer.
import type { TPorAlerts } from '../../../shared/commission-schemas.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { TCaller } from '../../platform/session.ts';
import { commissionProducerOf } from './commissions.service.ts';
import { findLostRecords, findPendingPorRequests, findPendingTransfers } from './por-alerts.store.ts';

const DAYS = 30;
/** The day of a timestamp as the database gives it (a Date or its text). */
const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10);

export async function getPorAlerts(deps: TDataDeps, caller: TCaller): Promise<TPorAlerts> {
  // The same gate as every commission view: a sub-user needs the Primary Producer's grant.
  const producer = await commissionProducerOf(deps, caller);
  const producerId = caller.actor.producerId;
  if (producerId === null) throw new AppError('auth.forbidden');
  const input = { agentId: producer.agentUniqueId, producerId };
  const since = new Date(deps.clock.now().getTime() - DAYS * 86_400_000);
  const [requests, transfers, lost] = await Promise.all([
    findPendingPorRequests(deps.db, input),
    findPendingTransfers(deps.db, input),
    findLostRecords(deps.db, { agentId: producer.agentUniqueId, since }),
  ]);
  return {
    alerts: [
      ...requests.map((r) => ({
        kind: 'por-request' as const,
        accountNumber: r.account_number,
        accountName: r.name,
        since: day(r.created_at),
        detail: `Another producer asked on ${day(r.created_at)} to become producer of record for ${r.name} (${r.account_number}).`,
      })),
      ...transfers.map((t) => ({
        kind: 'book-transfer' as const,
        accountNumber: t.account_number,
        accountName: t.name,
        since: day(t.created_at),
        detail: t.number
          ? `Your producer ID asked on ${day(t.created_at)} to transfer ${t.name ? `${t.name} (${t.account_number})` : 'its book of business'} to another producer (ticket ${t.number}).`
          : `A Book of Business Transfer requested on ${day(t.created_at)} lists ${t.name} (${t.account_number}).`,
      })),
      ...lost.map((l) => ({
        kind: 'por-changed' as const,
        accountNumber: l.account_number,
        accountName: l.name,
        since: day(l.changed_at),
        detail:
          `The carrier's records of ${day(l.changed_at)} no longer name you producer of record for the ${l.kind} ${l.name ?? ''} (${l.account_number}).`.replace(
            '  ',
            ' ',
          ),
      })),
    ],
  };
}
