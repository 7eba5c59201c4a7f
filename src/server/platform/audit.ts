// Writes security events (ID-11). Call it inside the transaction of the change it records,
// or compose auditInsert() into the one statement that makes the change.
import { sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../db/client.ts';

export type TAuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.refused_locked'
  | 'login.refused_disabled'
  | 'account.locked'
  | 'logout'
  | 'session.expired'
  | 'user.created'
  | 'producers.imported';

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
  await db.execute(auditInsert(event));
}

/** The INSERT for one event, usable as a data-modifying CTE inside a larger statement. */
export function auditInsert(event: TAuditEvent): SQL {
  return sql`insert into audit_events
      (occurred_at, action, portal_id, actor_user_id, actor_label, target_user_id, target_label, ip_address, request_id, details)
    values (${event.occurredAt.toISOString()}::timestamptz, ${event.action}, ${event.portalId ?? null},
      ${event.actor?.id ?? null}::uuid, ${event.actor?.label ?? null}, ${event.target?.id ?? null}::uuid, ${event.target?.label ?? null},
      ${event.ipAddress ?? null}, ${event.requestId ?? null}, ${JSON.stringify(event.details ?? {})}::jsonb)`;
}
