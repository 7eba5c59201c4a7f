// Searching the audit trail (ID-11): by user (id or label, as actor or target), action, portal and
// time, newest first.
import { and, count, desc, eq, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { auditEvents } from '../../db/schema/index.ts';

export interface TAuditFilter {
  userId?: string | undefined;
  userLabel?: string | undefined;
  action?: string | undefined;
  /** An action family: every action starting with it (`login.`). */
  actionPrefix?: string | undefined;
  portalId?: string | undefined;
  /** Only events of these portals (the actor's scope); undefined: all events. */
  portals?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function where(filter: TAuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.userId) conditions.push(or(eq(auditEvents.actorUserId, filter.userId), eq(auditEvents.targetUserId, filter.userId)));
  if (filter.userLabel) {
    const label = filter.userLabel.toLowerCase();
    conditions.push(or(sql`lower(${auditEvents.actorLabel}) = ${label}`, sql`lower(${auditEvents.targetLabel}) = ${label}`));
  }
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.actionPrefix) conditions.push(like(auditEvents.action, `${filter.actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (filter.portalId) conditions.push(eq(auditEvents.portalId, filter.portalId));
  if (filter.portals) conditions.push(filter.portals.length > 0 ? inArray(auditEvents.portalId, [...filter.portals]) : sql`false`);
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, filter.to));
  return and(...conditions);
}

export async function searchAuditEvents(db: TDbOrTx, filter: TAuditFilter, page: { limit: number; offset: number }) {
  const condition = where(filter);
  const [rows, totals] = await Promise.all([
    db.select().from(auditEvents).where(condition).orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id)).limit(page.limit).offset(page.offset),
    db.select({ n: count() }).from(auditEvents).where(condition),
  ]);
  return { rows, total: totals[0]?.n ?? 0 };
}
