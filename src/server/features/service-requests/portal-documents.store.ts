// The `portal_documents` rows staff write: which upload a portal offers under a document's name,
// since when and from whom. (The producers' download reads it with findPortalDocument.)
import { and, eq } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { portalDocuments, uploads, users } from '../../db/schema/index.ts';
import { displayNameOf } from '../../db/display-name.ts';

export interface TPublishedDocumentRow {
  name: string;
  uploadId: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
  updatedAt: Date;
  updatedBy: string;
}

/** The documents published for the portal, with their files and who published them. */
export async function findPublishedDocuments(
  db: TDbOrTx,
  portalId: string,
  options: { name?: string; forUpdate?: boolean } = {},
): Promise<TPublishedDocumentRow[]> {
  const query = db
    .select({
      name: portalDocuments.name,
      uploadId: portalDocuments.uploadId,
      fileName: uploads.originalName,
      sizeBytes: uploads.sizeBytes,
      sha256: uploads.sha256,
      updatedAt: portalDocuments.updatedAt,
      updatedBy: displayNameOf(users),
    })
    .from(portalDocuments)
    .innerJoin(uploads, eq(uploads.id, portalDocuments.uploadId))
    .innerJoin(users, eq(users.id, portalDocuments.updatedBy))
    .where(and(eq(portalDocuments.portalId, portalId), options.name === undefined ? undefined : eq(portalDocuments.name, options.name)));
  // Two publications of the same document at once: the second waits, then replaces the first.
  return options.forUpdate ? query.for('update', { of: portalDocuments }) : query;
}

/** An upload as the audit row of its publication names it. */
export async function findUploadForDocument(db: TDbOrTx, uploadId: string) {
  const [row] = await db
    .select({ fileName: uploads.originalName, sizeBytes: uploads.sizeBytes, sha256: uploads.sha256 })
    .from(uploads)
    .where(eq(uploads.id, uploadId))
    .limit(1);
  return row;
}

export async function upsertPortalDocument(tx: TDbOrTx, row: { portalId: string; name: string; uploadId: string; now: Date; userId: string }): Promise<void> {
  const values = { uploadId: row.uploadId, updatedAt: row.now, updatedBy: row.userId };
  await tx
    .insert(portalDocuments)
    .values({ portalId: row.portalId, name: row.name, ...values })
    .onConflictDoUpdate({ target: [portalDocuments.portalId, portalDocuments.name], set: values });
}

/** Removes the portal's document; returns the upload it named, if there was one. */
export async function deletePortalDocument(tx: TDbOrTx, input: { portalId: string; name: string }): Promise<string | undefined> {
  const [row] = await tx
    .delete(portalDocuments)
    .where(and(eq(portalDocuments.portalId, input.portalId), eq(portalDocuments.name, input.name)))
    .returning({ uploadId: portalDocuments.uploadId });
  return row?.uploadId;
}
