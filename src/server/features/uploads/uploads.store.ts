// The `uploads` rows: a file's server-chosen storage key and what is shown of it (name, type,
// size). A row without a ticket is a file uploaded for a request not filed yet.
import { and, asc, eq, gte, inArray, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { portalDocuments, resources, uploads } from '../../db/schema/index.ts';
import type { TUpload } from '../../../shared/service-request-schemas.ts';

export type TUploadContentType = TUpload['contentType'];

export interface TNewUpload {
  storageKey: string;
  originalName: string;
  contentType: TUploadContentType;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  now: Date;
}

export interface TUploadRow {
  id: string;
  storageKey: string;
  originalName: string;
  contentType: TUploadContentType;
  sizeBytes: number;
  ticketId: string | null;
}

const columns = {
  id: uploads.id,
  storageKey: uploads.storageKey,
  originalName: uploads.originalName,
  contentType: uploads.contentType,
  sizeBytes: uploads.sizeBytes,
  ticketId: uploads.ticketId,
};

export async function insertUpload(db: TDbOrTx, upload: TNewUpload): Promise<TUploadRow> {
  const { now, ...values } = upload;
  const [row] = await db
    .insert(uploads)
    .values({ ...values, createdAt: now })
    .returning(columns);
  if (!row) throw new Error('insert into uploads returned no row');
  return row as TUploadRow;
}

/**
 * Attaches the user's unattached uploads to a ticket; returns the rows it attached, in the order
 * the ticket lists them. Row locks make a concurrent claim of the same upload (or the sweep
 * deleting it) wait, then find it taken.
 */
export async function attachUploads(tx: TDbOrTx, input: { uploadIds: readonly string[]; userId: string; ticketId: string }): Promise<TUploadRow[]> {
  const attached = await tx
    .update(uploads)
    .set({ ticketId: input.ticketId })
    .where(and(inArray(uploads.id, [...input.uploadIds]), eq(uploads.uploadedBy, input.userId), isNull(uploads.ticketId)))
    .returning({ ...columns, createdAt: uploads.createdAt });
  // findUploadsOfTickets' order, so the page shown on filing is the page read later.
  attached.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return attached.map(({ createdAt: _, ...row }) => row as TUploadRow);
}

export async function findUploadsOfTickets(db: TDbOrTx, ticketIds: readonly string[]): Promise<TUploadRow[]> {
  if (ticketIds.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(uploads)
    .where(inArray(uploads.ticketId, [...ticketIds]))
    .orderBy(asc(uploads.createdAt), asc(uploads.id));
  return rows as TUploadRow[];
}

export async function findTicketUpload(db: TDbOrTx, input: { ticketId: string; uploadId: string }): Promise<TUploadRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(uploads)
    .where(and(eq(uploads.id, input.uploadId), eq(uploads.ticketId, input.ticketId)))
    .limit(1);
  return row as TUploadRow | undefined;
}

/** How many uploads of this user no request has claimed yet, made since `since`. */
export async function countUnclaimedUploads(db: TDbOrTx, input: { userId: string; since: Date }): Promise<number> {
  return db.$count(uploads, and(eq(uploads.uploadedBy, input.userId), isNull(uploads.ticketId), gte(uploads.createdAt, input.since), notNamed(db)));
}

/** No portal document or resource names the upload (a published file is not waiting for a request). */
export function notNamed(db: TDbOrTx) {
  const named = (table: typeof portalDocuments | typeof resources) =>
    notExists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(eq(table.uploadId, uploads.id)),
    );
  return and(named(portalDocuments), named(resources));
}

/**
 * Deletes up to `limit` uploads no ticket claimed and no portal document or resource names, made before
 * `before`; returns their storage keys (the caller removes the files after the rows are gone).
 */
export async function deleteUnclaimedUploads(db: TDbOrTx, input: { before: Date; limit: number }): Promise<string[]> {
  const expired = db
    .select({ id: uploads.id })
    .from(uploads)
    .where(and(isNull(uploads.ticketId), lt(uploads.createdAt, input.before), notNamed(db)))
    .limit(input.limit);
  const deleted = await db
    .delete(uploads)
    .where(and(inArray(uploads.id, expired), isNull(uploads.ticketId)))
    .returning({ storageKey: uploads.storageKey });
  return deleted.map((row) => row.storageKey);
}

/** Of these storage keys, the ones a row names. */
export async function findKnownStorageKeys(db: TDbOrTx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ storageKey: uploads.storageKey })
    .from(uploads)
    .where(inArray(uploads.storageKey, [...keys]));
  return new Set(rows.map((row) => row.storageKey));
}
