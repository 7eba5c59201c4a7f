// SQL of ticket lists: a producer ID's open tickets (SR-4) and the staff queue with its filters
// (SR-5), sorted and paged; and the look-ups filing and assigning need (roster, colleagues).
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { portalDocuments, producers, serviceRequestTickets, uploads, users } from '../../db/schema/index.ts';
import { TICKET_STATUSES, type TTicketStatus } from '../../../shared/service-request-schemas.ts';
import { REQUEST_TYPES, type TTicketTypeId } from '../../../shared/service-request-types.ts';
import { displayNameOf } from '../../db/display-name.ts';
import { selectTickets, type TTicketRow } from './tickets.store.ts';

export type TTicketSort = 'date' | 'number' | 'type' | 'status';

export interface TTicketFilter {
  producerId?: number;
  /** Statuses to show; `open` is every status a ticket is not closed in. */
  status?: TTicketStatus | 'open';
  type?: TTicketTypeId;
  /** A staff user's id, or null for unassigned tickets. */
  assigneeId?: string | null;
  /** Created on or after `from`, before `toExclusive` (UTC). */
  from?: Date;
  toExclusive?: Date;
  q?: string;
}

export interface TTicketPaging {
  sort: TTicketSort;
  dir: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterSql(filter: TTicketFilter): SQL {
  const t = serviceRequestTickets;
  const conditions: (SQL | undefined)[] = [];
  if (filter.producerId !== undefined) conditions.push(eq(t.producerId, filter.producerId));
  // "open" as closed_at is null, so the producer's list uses the partial index of open tickets.
  if (filter.status === 'open') conditions.push(isNull(t.closedAt));
  else if (filter.status) conditions.push(eq(t.status, filter.status));
  if (filter.type) conditions.push(eq(t.type, filter.type));
  if (filter.assigneeId === null) conditions.push(isNull(t.assigneeId));
  else if (filter.assigneeId) conditions.push(eq(t.assigneeId, filter.assigneeId));
  if (filter.from) conditions.push(gte(t.createdAt, filter.from));
  if (filter.toExclusive) conditions.push(lt(t.createdAt, filter.toExclusive));
  if (filter.q) conditions.push(or(ilike(t.number, likePattern(filter.q)), ilike(t.summary, likePattern(filter.q))));
  return and(...conditions) ?? sql`true`;
}

/** Position of each value in an order given by a list, as SQL (types by their label, statuses by the workflow). */
function ordinal(column: SQL | typeof serviceRequestTickets.type, values: readonly string[]): SQL {
  const cases = values.map((value, index) => sql`when ${value} then ${index}`);
  return sql`case ${column} ${sql.join(cases, sql` `)} else ${values.length} end`;
}

const TYPES_BY_LABEL = [...REQUEST_TYPES].sort((a, b) => a.title.localeCompare(b.title)).map((type) => type.id);

/**
 * The order of a page. A sort by a column the filter fixes (type, or a single status) is all ties:
 * it is left out, so the index of the filter serves the tie-break order instead of a sort.
 */
function orderBy(filter: TTicketFilter, paging: Pick<TTicketPaging, 'sort' | 'dir'>): SQL[] {
  const by = paging.dir === 'asc' ? asc : desc;
  const t = serviceRequestTickets;
  // created_at is never null: the nulls clause only makes the order the indexes' own
  // (created_at desc nulls last), read forwards or backwards, so no page sorts every match.
  const byDate = (dir: 'asc' | 'desc') => (dir === 'asc' ? sql`${t.createdAt} asc nulls first` : sql`${t.createdAt} desc nulls last`);
  // Newest first breaks every tie, then the id, so pages never overlap.
  const tail = [byDate('desc'), asc(t.id)];
  switch (paging.sort) {
    case 'date':
      return [byDate(paging.dir), asc(t.id)];
    case 'number':
      // Longer numbers are later ones (the sequence outgrows six digits): length first.
      return [by(sql`length(${t.number})`), by(t.number), asc(t.id)];
    case 'type':
      return filter.type ? tail : [by(ordinal(t.type, TYPES_BY_LABEL)), ...tail];
    case 'status':
      return filter.status && filter.status !== 'open' ? tail : [by(ordinal(sql`${t.status}`, TICKET_STATUSES)), ...tail];
  }
}

/**
 * The page's ids are chosen on the tickets alone (an index of the filter, at most a page past the
 * offset), and only those rows are joined to their producer, filer and assignee: joining first
 * made PostgreSQL hash the whole users table for every page.
 */
export async function searchTickets(db: TDbOrTx, filter: TTicketFilter, paging: TTicketPaging): Promise<{ rows: TTicketRow[]; total: number }> {
  const where = filterSql(filter);
  const order = orderBy(filter, paging);
  const pageIds = db
    .select({ id: serviceRequestTickets.id })
    .from(serviceRequestTickets)
    .where(where)
    .orderBy(...order)
    .limit(paging.pageSize)
    .offset((paging.page - 1) * paging.pageSize);
  // Independent reads, sent together: on a pool the count (the larger one for a big queue) runs
  // beside the page instead of after it.
  const [rows, [counted]] = await Promise.all([
    selectTickets(db)
      .where(inArray(serviceRequestTickets.id, pageIds))
      .orderBy(...order),
    db.select({ total: count() }).from(serviceRequestTickets).where(where),
  ]);
  return { rows, total: counted?.total ?? 0 };
}

/** producers.id of an Agent Unique ID on the roster. */
export async function findProducerId(db: TDbOrTx, agentUniqueId: string): Promise<number | undefined> {
  const [row] = await db.select({ id: producers.id }).from(producers).where(eq(producers.agentUniqueId, agentUniqueId)).limit(1);
  return row?.id;
}

export async function findAgentUniqueId(db: TDbOrTx, producerId: number): Promise<string | undefined> {
  const [row] = await db.select({ agentUniqueId: producers.agentUniqueId }).from(producers).where(eq(producers.id, producerId)).limit(1);
  return row?.agentUniqueId;
}

export interface TColleague {
  id: string;
  displayName: string;
}

const WORKING_ROLES = ['producer-services', 'security-admin'];

/** Staff who may be assigned a ticket: active producer-services and security administrators. */
export async function listColleagues(db: TDbOrTx, options: { id?: string } = {}): Promise<TColleague[]> {
  return db
    .select({ id: users.id, displayName: displayNameOf(users) })
    .from(users)
    .where(and(eq(users.portalId, 'staff'), inArray(users.role, WORKING_ROLES), eq(users.status, 'active'), options.id ? eq(users.id, options.id) : undefined))
    .orderBy(asc(users.lastName), asc(users.firstName), asc(users.username));
}

export interface TStoredDocument {
  storageKey: string;
  name: string;
  contentType: string;
  sizeBytes: number;
}

/** A document staff published for the portal (e.g. the Group POR Transfer Form), if any, with its stored file. */
export async function findPortalDocument(db: TDbOrTx, portalId: string, name: string): Promise<TStoredDocument | undefined> {
  const [row] = await db
    .select({ storageKey: uploads.storageKey, name: uploads.originalName, contentType: uploads.contentType, sizeBytes: uploads.sizeBytes })
    .from(portalDocuments)
    .innerJoin(uploads, eq(uploads.id, portalDocuments.uploadId))
    .where(and(eq(portalDocuments.portalId, portalId), eq(portalDocuments.name, name)))
    .limit(1);
  return row;
}
