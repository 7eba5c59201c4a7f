// SQL of forms and training (BK-6): what a producer portal offers, a course's completions, the
// SEP course of a plan year, and staff's list of everything ever published.
import { and, asc, count, desc, eq, ilike, inArray, isNull, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TDbOrTx } from '../../db/client.ts';
import { displayNameOf } from '../../db/display-name.ts';
import { resources, trainingCompletions, uploads, users } from '../../db/schema/index.ts';
import { notNamed } from '../uploads/uploads.store.ts';
import type { TResourceKind, TResourcePortal } from '../../../shared/resource-schemas.ts';

/** A document as the lists show it, with its file's name and size. */
export interface TResourceRow {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  portalId: string | null;
  state: string | null;
  line: string | null;
  planYear: number | null;
  sepCourse: boolean;
  fileName: string;
  sizeBytes: number;
  publishedAt: Date;
  retiredAt: Date | null;
}

const resourceColumns = {
  id: resources.id,
  kind: resources.kind,
  title: resources.title,
  description: resources.description,
  portalId: resources.portalId,
  state: resources.state,
  line: resources.line,
  planYear: resources.planYear,
  sepCourse: resources.sepCourse,
  fileName: uploads.originalName,
  sizeBytes: uploads.sizeBytes,
  publishedAt: resources.publishedAt,
  retiredAt: resources.retiredAt,
};

/** Offered now in the portal: not retired, and meant for this portal or both. */
function offeredIn(portalId: TResourcePortal): SQL | undefined {
  return and(isNull(resources.retiredAt), or(isNull(resources.portalId), eq(resources.portalId, portalId)));
}

/** A filter on a column where null means "every": a state's forms include those for every state. */
function matchesOrEvery(column: typeof resources.state | typeof resources.line, value: string | undefined): SQL | undefined {
  return value === undefined ? undefined : or(isNull(column), eq(column, value));
}

function titleContains(text: string | undefined): SQL | undefined {
  if (text === undefined) return undefined;
  return ilike(resources.title, `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/** A library is a few hundred documents at most: this bounds a list without paging it. */
const LIST_LIMIT = 500;

export interface TOfferedQuery {
  kind: TResourceKind;
  portalId: TResourcePortal;
  userId: string;
  state?: string | undefined;
  line?: string | undefined;
  q?: string | undefined;
}

/** The producers' list: by title, each with the user's completion (null for forms, and courses not done). */
export async function findOfferedResources(db: TDbOrTx, query: TOfferedQuery): Promise<(TResourceRow & { completedAt: Date | null })[]> {
  return db
    .select({ ...resourceColumns, completedAt: trainingCompletions.completedAt })
    .from(resources)
    .innerJoin(uploads, eq(uploads.id, resources.uploadId))
    .leftJoin(trainingCompletions, and(eq(trainingCompletions.resourceId, resources.id), eq(trainingCompletions.userId, query.userId)))
    .where(
      and(
        eq(resources.kind, query.kind),
        offeredIn(query.portalId),
        matchesOrEvery(resources.state, query.state),
        matchesOrEvery(resources.line, query.line),
        titleContains(query.q),
      ),
    )
    .orderBy(desc(sql`coalesce(${resources.planYear}, 0)`), asc(resources.title), desc(resources.publishedAt))
    .limit(LIST_LIMIT);
}

/** One offered document, with what its download needs and the user's completion. */
export async function findOfferedResource(db: TDbOrTx, input: { id: string; portalId: TResourcePortal; userId: string }) {
  const [row] = await db
    .select({ ...resourceColumns, storageKey: uploads.storageKey, contentType: uploads.contentType, completedAt: trainingCompletions.completedAt })
    .from(resources)
    .innerJoin(uploads, eq(uploads.id, resources.uploadId))
    .leftJoin(trainingCompletions, and(eq(trainingCompletions.resourceId, resources.id), eq(trainingCompletions.userId, input.userId)))
    .where(and(eq(resources.id, input.id), offeredIn(input.portalId)))
    .limit(1);
  return row;
}

/** Records the completion unless there is one; returns the date kept and whether it is this one. */
export async function recordCompletion(
  tx: TDbOrTx,
  input: { resourceId: string; userId: string; now: Date },
): Promise<{ completedAt: Date; recorded: boolean }> {
  const [inserted] = await tx
    .insert(trainingCompletions)
    .values({ resourceId: input.resourceId, userId: input.userId, completedAt: input.now })
    .onConflictDoNothing()
    .returning({ completedAt: trainingCompletions.completedAt });
  if (inserted) return { completedAt: inserted.completedAt, recorded: true };
  const [kept] = await tx
    .select({ completedAt: trainingCompletions.completedAt })
    .from(trainingCompletions)
    .where(and(eq(trainingCompletions.resourceId, input.resourceId), eq(trainingCompletions.userId, input.userId)));
  if (!kept) throw new Error(`completion of ${input.resourceId} vanished`);
  return { completedAt: kept.completedAt, recorded: false };
}

/** The user's first completion of a SEP course for each of these plan years (retired courses count). */
export async function findSepCompletions(db: TDbOrTx, input: { userId: string; planYears: readonly number[] }): Promise<Map<number, Date>> {
  const rows = await db
    .select({ planYear: resources.planYear, completedAt: sql<Date>`min(${trainingCompletions.completedAt})`.mapWith(trainingCompletions.completedAt) })
    .from(trainingCompletions)
    .innerJoin(resources, eq(resources.id, trainingCompletions.resourceId))
    .where(and(eq(trainingCompletions.userId, input.userId), eq(resources.sepCourse, true), inArray(resources.planYear, [...input.planYears])))
    .groupBy(resources.planYear);
  return new Map(rows.flatMap((row) => (row.planYear === null ? [] : [[row.planYear, row.completedAt] as const])));
}

/** The newest SEP course offered in the portal for each of these plan years. */
export async function findOfferedSepCourses(db: TDbOrTx, input: { portalId: TResourcePortal; planYears: readonly number[] }) {
  return db
    .selectDistinctOn([resources.planYear], { id: resources.id, title: resources.title, planYear: resources.planYear })
    .from(resources)
    .where(and(eq(resources.sepCourse, true), inArray(resources.planYear, [...input.planYears]), offeredIn(input.portalId)))
    .orderBy(resources.planYear, desc(resources.publishedAt));
}

const publisher = alias(users, 'publisher');
const retirer = alias(users, 'retirer');

/** Staff's list: everything published (or only what is offered, or only what was retired), newest first. */
export async function findAllResources(db: TDbOrTx, query: { kind?: TResourceKind | undefined; status: 'active' | 'retired' | 'all'; id?: string }) {
  const completions = db
    .select({ resourceId: trainingCompletions.resourceId, total: count().as('total') })
    .from(trainingCompletions)
    .groupBy(trainingCompletions.resourceId)
    .as('completions');
  const status = { active: isNull(resources.retiredAt), retired: isNotNull(resources.retiredAt), all: undefined }[query.status];
  return db
    .select({
      ...resourceColumns,
      publishedBy: displayNameOf(publisher),
      retiredBy: sql<string | null>`case when ${retirer.id} is null then null else ${displayNameOf(retirer)} end`,
      completions: sql<number>`coalesce(${completions.total}, 0)`.mapWith(Number),
    })
    .from(resources)
    .innerJoin(uploads, eq(uploads.id, resources.uploadId))
    .innerJoin(publisher, eq(publisher.id, resources.publishedBy))
    .leftJoin(retirer, eq(retirer.id, resources.retiredBy))
    .leftJoin(completions, eq(completions.resourceId, resources.id))
    .where(and(query.kind === undefined ? undefined : eq(resources.kind, query.kind), status, query.id === undefined ? undefined : eq(resources.id, query.id)))
    .orderBy(desc(resources.publishedAt))
    .limit(LIST_LIMIT);
}

/** Any document (retired too) with its file, for staff's download. */
export async function findResourceFile(db: TDbOrTx, id: string) {
  const [row] = await db
    .select({ storageKey: uploads.storageKey, name: uploads.originalName, contentType: uploads.contentType, sizeBytes: uploads.sizeBytes })
    .from(resources)
    .innerJoin(uploads, eq(uploads.id, resources.uploadId))
    .where(eq(resources.id, id))
    .limit(1);
  return row;
}

/**
 * In the publication's transaction: the upload, if it is this user's, unclaimed by a ticket and
 * named by no document yet. Two publications of one upload at once may both pass this check; the
 * unique upload_id refuses the second (resource.upload_taken, platform/data-errors.ts).
 */
export async function findFreeUpload(tx: TDbOrTx, input: { uploadId: string; userId: string }) {
  const [row] = await tx
    .select({ fileName: uploads.originalName, sizeBytes: uploads.sizeBytes, sha256: uploads.sha256 })
    .from(uploads)
    .where(and(eq(uploads.id, input.uploadId), eq(uploads.uploadedBy, input.userId), isNull(uploads.ticketId), notNamed(tx)))
    .limit(1);
  return row;
}

export interface TNewResource {
  kind: TResourceKind;
  title: string;
  description: string | null;
  portalId: TResourcePortal | null;
  state: string | null;
  line: string | null;
  planYear: number | null;
  sepCourse: boolean;
  uploadId: string;
  publishedAt: Date;
  publishedBy: string;
}

export async function insertResource(tx: TDbOrTx, row: TNewResource): Promise<string> {
  const [inserted] = await tx.insert(resources).values(row).returning({ id: resources.id });
  if (!inserted) throw new Error('insert returned no row');
  return inserted.id;
}

/** Retires it unless it is already; returns the title when this call retired it. */
export async function markRetired(tx: TDbOrTx, input: { id: string; userId: string; now: Date }): Promise<string | undefined> {
  const [row] = await tx
    .update(resources)
    .set({ retiredAt: input.now, retiredBy: input.userId })
    .where(and(eq(resources.id, input.id), isNull(resources.retiredAt)))
    .returning({ title: resources.title });
  return row?.title;
}
