// Writes security events (ID-11). Call it inside the transaction of the change it records.
// (The login success writes its row inside portico_login_success, migration 0002.)
import type { TDbOrTx } from '../db/client.ts';
import { auditEvents } from '../db/schema/index.ts';

export type { TAuditAction } from '../../shared/audit-actions.ts';
import type { TAuditAction } from '../../shared/audit-actions.ts';

export interface TAuditContext {
  ipAddress?: string | undefined;
  requestId?: string | undefined;
}

export interface TAuditEvent extends TAuditContext {
  action: TAuditAction;
  occurredAt: Date;
  portalId?: string | undefined;
  actor?: { id?: string | null; label: string } | undefined;
  target?: { id?: string | null; label: string } | undefined;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: TDbOrTx, event: TAuditEvent): Promise<void> {
  await db.insert(auditEvents).values({
    occurredAt: event.occurredAt,
    action: event.action,
    portalId: event.portalId ?? null,
    actorUserId: event.actor?.id ?? null,
    actorLabel: event.actor?.label ?? null,
    targetUserId: event.target?.id ?? null,
    targetLabel: event.target?.label ?? null,
    ipAddress: event.ipAddress ?? null,
    requestId: event.requestId ?? null,
    details: event.details ?? {},
  });
}
