// The staff console's audit log (ID-11).
import type { TDataDeps } from '../../platform/deps.ts';
import { auditScope, type TPolicyActor } from '../../platform/policy.ts';
import type { TAuditPage, TAuditSearchQuery } from '../../../shared/user-admin-schemas.ts';
import { searchAuditEvents, type TAuditFilter } from './audit-log.store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A bare date is a whole UTC day: `from` its first instant, `to` its last. */
export function dateBound(value: string | undefined, end: 'from' | 'to'): Date | undefined {
  if (!value) return undefined;
  if (value.length === 10) return new Date(`${value}T${end === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`);
  return new Date(value);
}

export async function searchAuditLog(deps: TDataDeps, input: { actor: TPolicyActor; query: TAuditSearchQuery }): Promise<TAuditPage> {
  const portals = auditScope(input.actor);
  const { query } = input;
  const filter: TAuditFilter = {
    portalId: query.portal,
    portals,
    from: dateBound(query.from, 'from'),
    to: dateBound(query.to, 'to'),
  };
  if (query.user) {
    if (UUID.test(query.user)) filter.userId = query.user.toLowerCase();
    else filter.userLabel = query.user;
  }
  if (query.action?.endsWith('.')) filter.actionPrefix = query.action;
  else if (query.action) filter.action = query.action;
  const { rows, total } = await searchAuditEvents(deps.db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt.toISOString(),
      action: r.action,
      portal: r.portalId,
      actor: r.actorLabel !== null || r.actorUserId !== null ? { id: r.actorUserId, label: r.actorLabel ?? '' } : null,
      target: r.targetLabel !== null || r.targetUserId !== null ? { id: r.targetUserId, label: r.targetLabel ?? '' } : null,
      ipAddress: r.ipAddress,
      requestId: r.requestId,
      details: r.details,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}
