// SQL of the e-mail outbox. Claiming is one statement (its own short transaction): rows are
// locked with FOR UPDATE SKIP LOCKED and leased through `claimed_until`, so no transaction is
// ever open while a message is handed to SMTP.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { executeRows, toDate, type TDbOrTx } from '../../db/client.ts';
import { outboxMessages, type TOutboxStatus } from '../../db/schema/index.ts';

export interface TClaimedMessage {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Including this attempt. */
  attempts: number;
  createdAt: Date;
}

interface TClaimedRow {
  id: number | string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  created_at: Date | string;
}

/**
 * Leases up to `limit` due pending rows until `leaseUntil` and counts the attempt. Rows locked
 * by another sender are skipped; rows another sender leased (and committed) fail the re-check of
 * `claimed_until` that PostgreSQL makes on the newest row version, so no row is claimed twice.
 */
export async function claimDueMessages(db: TDbOrTx, { now, leaseUntil, limit }: { now: Date; leaseUntil: Date; limit: number }): Promise<TClaimedMessage[]> {
  const at = now.toISOString();
  const rows = await executeRows<TClaimedRow>(
    db,
    sql`
    with due as (
      select id from outbox_messages
      where status = 'pending' and next_attempt_at <= ${at}::timestamptz
        and (claimed_until is null or claimed_until <= ${at}::timestamptz)
      order by next_attempt_at, id
      limit ${limit}
      for update skip locked
    )
    update outbox_messages m
    set claimed_until = ${leaseUntil.toISOString()}::timestamptz, attempts = m.attempts + 1
    from due where m.id = due.id
    returning m.id, m.kind, m.to_address, m.subject, m.text_body, m.html_body, m.attempts, m.created_at`,
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      to: r.to_address,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      attempts: Number(r.attempts),
      createdAt: toDate(r.created_at) ?? now,
    }))
    .sort((a, b) => a.id - b.id);
}

/** Recorded even if the lease ran out meanwhile: the message did go out. */
export async function markMessageSent(db: TDbOrTx, { id, now, messageId }: { id: number; now: Date; messageId: string }): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: now, messageId, claimedUntil: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'pending')));
}

/** Only while this sender still holds the lease, so it never frees a row another sender took over. */
export async function markMessageFailed(
  db: TDbOrTx,
  input: { id: number; leaseUntil: Date; error: string; nextAttemptAt: Date; giveUp: boolean },
): Promise<void> {
  await db
    .update(outboxMessages)
    .set({ status: input.giveUp ? 'failed' : 'pending', lastError: input.error, nextAttemptAt: input.nextAttemptAt, claimedUntil: null })
    .where(and(eq(outboxMessages.id, input.id), eq(outboxMessages.status, 'pending'), eq(outboxMessages.claimedUntil, input.leaseUntil)));
}

/** Gives back leased rows that were not tried (the attempt is not counted). */
export async function releaseClaims(db: TDbOrTx, { ids, leaseUntil }: { ids: number[]; leaseUntil: Date }): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(outboxMessages)
    .set({ claimedUntil: null, attempts: sql`${outboxMessages.attempts} - 1` })
    .where(and(inArray(outboxMessages.id, ids), eq(outboxMessages.status, 'pending'), eq(outboxMessages.claimedUntil, leaseUntil)));
}

export interface TOutboxMessageView {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: TOutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  messageId: string | null;
}

const VIEW_COLUMNS = {
  id: outboxMessages.id,
  kind: outboxMessages.kind,
  to: outboxMessages.toAddress,
  subject: outboxMessages.subject,
  text: outboxMessages.textBody,
  html: outboxMessages.htmlBody,
  status: outboxMessages.status,
  attempts: outboxMessages.attempts,
  lastError: outboxMessages.lastError,
  createdAt: outboxMessages.createdAt,
  sentAt: outboxMessages.sentAt,
  nextAttemptAt: outboxMessages.nextAttemptAt,
  messageId: outboxMessages.messageId,
};

/** Newest first; `to` matches the address exactly, ignoring case. */
export async function listRecentMessages(db: TDbOrTx, { limit, to }: { limit: number; to?: string | undefined }): Promise<TOutboxMessageView[]> {
  return db
    .select(VIEW_COLUMNS)
    .from(outboxMessages)
    .where(to ? sql`lower(${outboxMessages.toAddress}) = lower(${to})` : undefined)
    .orderBy(desc(outboxMessages.id))
    .limit(limit);
}

export async function findMessage(db: TDbOrTx, id: number): Promise<TOutboxMessageView | undefined> {
  const [row] = await db.select(VIEW_COLUMNS).from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1);
  return row;
}

/**
 * Housekeeping: delivered messages go after 7 days, failed ones after 30. Their bodies hold
 * temporary passwords and confirmation links, which should not outlive their use.
 */
export async function purgeOldMessages(db: TDbOrTx, now: Date): Promise<number> {
  const day = 86_400_000;
  const deleted = await db
    .delete(outboxMessages)
    .where(
      sql`(${outboxMessages.status} = 'sent' and ${outboxMessages.sentAt} < ${new Date(now.getTime() - 7 * day).toISOString()}::timestamptz)
      or (${outboxMessages.status} = 'failed' and ${outboxMessages.createdAt} < ${new Date(now.getTime() - 30 * day).toISOString()}::timestamptz)`,
    )
    .returning({ id: outboxMessages.id });
  return deleted.length;
}
