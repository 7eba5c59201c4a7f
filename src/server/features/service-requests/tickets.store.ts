// SQL of one service-request ticket (SR-3 … SR-5): its number, the row with its producer, filer and
// assignee, its conversation, and the SEP affirmation that makes a second one impossible.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { executeRows, type TDbOrTx } from '../../db/client.ts';
import { displayNameOf } from '../../db/display-name.ts';
import { producers, sepAffirmations, serviceRequestMessages, serviceRequestTickets, users } from '../../db/schema/index.ts';
import type { TTicketStatus } from '../../../shared/service-request-schemas.ts';
import type { TTicketTypeId } from '../../../shared/service-request-types.ts';

export interface TTicketRow {
  id: string;
  number: string;
  portalId: string;
  producerId: number;
  producerAgentId: string;
  filedBy: string;
  filerName: string;
  filerFirstName: string;
  filerEmail: string | null;
  type: TTicketTypeId;
  status: TTicketStatus;
  details: Record<string, unknown>;
  summary: string;
  assigneeId: string | null;
  assigneeName: string | null;
  resolutionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
}

const filer = alias(users, 'filer');
const assignee = alias(users, 'assignee');

export const ticketColumns = {
  id: serviceRequestTickets.id,
  number: serviceRequestTickets.number,
  portalId: serviceRequestTickets.portalId,
  producerId: serviceRequestTickets.producerId,
  producerAgentId: producers.agentUniqueId,
  filedBy: serviceRequestTickets.filedBy,
  filerName: displayNameOf(filer),
  filerFirstName: filer.firstName,
  filerEmail: sql<string | null>`${filer.email}::text`,
  type: sql<TTicketTypeId>`${serviceRequestTickets.type}`,
  status: serviceRequestTickets.status,
  details: serviceRequestTickets.details,
  summary: serviceRequestTickets.summary,
  assigneeId: serviceRequestTickets.assigneeId,
  assigneeName: sql<string | null>`case when ${assignee.id} is null then null else ${displayNameOf(assignee)} end`,
  resolutionNote: serviceRequestTickets.resolutionNote,
  createdAt: serviceRequestTickets.createdAt,
  updatedAt: serviceRequestTickets.updatedAt,
  closedAt: serviceRequestTickets.closedAt,
};

/** The FROM of every ticket read: the ticket with its producer, filer and assignee. */
export function selectTickets(db: TDbOrTx) {
  return db
    .select(ticketColumns)
    .from(serviceRequestTickets)
    .innerJoin(producers, eq(producers.id, serviceRequestTickets.producerId))
    .innerJoin(filer, eq(filer.id, serviceRequestTickets.filedBy))
    .leftJoin(assignee, eq(assignee.id, serviceRequestTickets.assigneeId));
}

/**
 * `forUpdate` locks the ticket row until the transaction ends (one change at a time). `producerId`
 * finds only that producer ID's ticket: in the WHERE, so another producer ID's row is never locked.
 */
export async function findTicketByNumber(
  db: TDbOrTx,
  number: string,
  options: { forUpdate?: boolean; producerId?: number } = {},
): Promise<TTicketRow | undefined> {
  const byNumber = eq(serviceRequestTickets.number, number);
  const where = options.producerId === undefined ? byNumber : and(byNumber, eq(serviceRequestTickets.producerId, options.producerId));
  const query = selectTickets(db).where(where).limit(1);
  const [row] = options.forUpdate ? await query.for('update', { of: serviceRequestTickets }) : await query;
  return row;
}

/** SR-2026-000123: the year of filing and the next value of the one sequence all instances share. */
export async function nextTicketNumber(db: TDbOrTx, year: number): Promise<string> {
  const [row] = await executeRows<{ n: string }>(db, sql`select nextval('service_request_number_seq')::text as n`);
  if (!row) throw new Error('no ticket number from the sequence');
  return `SR-${year}-${row.n.padStart(6, '0')}`;
}

export interface TNewTicket {
  /** Made by the caller (randomUUID): secrets in `details` are sealed bound to it. */
  id: string;
  number: string;
  portalId: string;
  producerId: number;
  filedBy: string;
  type: TTicketTypeId;
  details: Record<string, unknown>;
  summary: string;
  now: Date;
}

export async function insertTicket(db: TDbOrTx, ticket: TNewTicket): Promise<void> {
  const { now, ...values } = ticket;
  await db.insert(serviceRequestTickets).values({ ...values, status: 'submitted', createdAt: now, updatedAt: now });
}

export interface TTicketPatch {
  status?: TTicketStatus;
  assigneeId?: string | null;
  resolutionNote?: string | null;
  closedAt?: Date | null;
  updatedAt: Date;
}

export async function updateTicket(db: TDbOrTx, id: string, patch: TTicketPatch): Promise<void> {
  await db.update(serviceRequestTickets).set(patch).where(eq(serviceRequestTickets.id, id));
}

export type TMessageKind = 'message' | 'note' | 'status';

export async function insertMessage(
  db: TDbOrTx,
  message: { ticketId: string; authorId: string | null; kind: TMessageKind; body: string; now: Date },
): Promise<string> {
  const { now, ...values } = message;
  const [row] = await db
    .insert(serviceRequestMessages)
    .values({ ...values, createdAt: now })
    .returning({ id: serviceRequestMessages.id });
  if (!row) throw new Error('message not inserted');
  return row.id;
}

/** What a new ticket's row shows of its filer and producer (ticketColumns' names), read in one query. */
export async function findFiler(
  db: TDbOrTx,
  input: { userId: string; producerId: number },
): Promise<Pick<TTicketRow, 'producerAgentId' | 'filerName' | 'filerFirstName' | 'filerEmail'> | undefined> {
  const [row] = await db
    .select({
      producerAgentId: producers.agentUniqueId,
      filerName: displayNameOf(filer),
      filerFirstName: filer.firstName,
      filerEmail: sql<string | null>`${filer.email}::text`,
    })
    .from(filer)
    .innerJoin(producers, eq(producers.id, input.producerId))
    .where(eq(filer.id, input.userId))
    .limit(1);
  return row;
}

export interface TMessageRow {
  id: string;
  kind: TMessageKind;
  body: string;
  authorName: string | null;
  authorPortal: string | null;
  createdAt: Date;
}

/** The conversation, oldest first; staff-only notes only when asked for. */
export async function listMessages(db: TDbOrTx, ticketId: string, options: { withNotes: boolean }): Promise<TMessageRow[]> {
  const author = alias(users, 'author');
  const kinds: TMessageKind[] = options.withNotes ? ['message', 'note', 'status'] : ['message', 'status'];
  return db
    .select({
      id: serviceRequestMessages.id,
      kind: serviceRequestMessages.kind,
      body: serviceRequestMessages.body,
      authorName: sql<string | null>`case when ${author.id} is null then null else ${displayNameOf(author)} end`,
      authorPortal: author.portalId,
      createdAt: serviceRequestMessages.createdAt,
    })
    .from(serviceRequestMessages)
    .leftJoin(author, eq(author.id, serviceRequestMessages.authorId))
    .where(and(eq(serviceRequestMessages.ticketId, ticketId), inArray(serviceRequestMessages.kind, kinds)))
    .orderBy(asc(serviceRequestMessages.createdAt), asc(sql`case ${serviceRequestMessages.kind} when 'message' then 0 else 1 end`));
}

/** The ticket number of the user's affirmation for the plan year, if there is one. */
export async function findSepAffirmation(db: TDbOrTx, userId: string, planYear: number): Promise<string | undefined> {
  const [row] = await db
    .select({ number: serviceRequestTickets.number })
    .from(sepAffirmations)
    .innerJoin(serviceRequestTickets, eq(serviceRequestTickets.id, sepAffirmations.ticketId))
    .where(and(eq(sepAffirmations.userId, userId), eq(sepAffirmations.planYear, planYear)))
    .limit(1);
  return row?.number;
}

/** False when the user already affirmed that year (a concurrent second request lost the race). */
export async function insertSepAffirmation(db: TDbOrTx, affirmation: { userId: string; planYear: number; ticketId: string }): Promise<boolean> {
  const rows = await db.insert(sepAffirmations).values(affirmation).onConflictDoNothing().returning({ ticketId: sepAffirmations.ticketId });
  return rows.length > 0;
}

/** A cancelled affirmation is no affirmation: the user may affirm that year again. */
export async function deleteSepAffirmationOfTicket(db: TDbOrTx, ticketId: string): Promise<void> {
  await db.delete(sepAffirmations).where(eq(sepAffirmations.ticketId, ticketId));
}
