import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Security events (ID-11). No foreign keys on purpose: the trail outlives the users it names
 * (LC-3), so the labels are copied at the time of the event.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    action: text('action').notNull(),
    portalId: text('portal_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    targetUserId: uuid('target_user_id'),
    targetLabel: text('target_label'),
    ipAddress: text('ip_address'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_target_idx').on(t.targetUserId, t.occurredAt),
    index('audit_events_actor_idx').on(t.actorUserId, t.occurredAt),
    index('audit_events_action_idx').on(t.action, t.occurredAt),
  ],
);
