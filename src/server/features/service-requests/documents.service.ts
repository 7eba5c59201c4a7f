// Documents a portal offers (SR-3): the Group POR Transfer Form, the one staff published for the
// portal if there is one, else the built-in form. Staff list, download, publish and reset them
// (docs/decisions/0019): reading needs portal.settings.view, changing portal.settings.edit.
import { Readable } from 'node:stream';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import { isPortalId } from '../../../shared/portals.ts';
import { portalDocumentsOf, type TPortalDocument } from '../../../shared/portal-document-schemas.ts';
import { storeDocument, type TReceiveFile, type TStoredDownload } from '../uploads/uploads.service.ts';
import { builtInPorTransferForm, POR_FORM_FILENAME } from './por-transfer-form.ts';
import { deletePortalDocument, findPublishedDocuments, findUploadForDocument, upsertPortalDocument } from './portal-documents.store.ts';
import type { TActorInput, TTicketDeps } from './service-requests.service.ts';
import { findPortalDocument } from './ticket-search.store.ts';

export const POR_FORM_DOCUMENT = 'group-por-transfer-form';

/** The built-in file of each document name (every name in PORTAL_DOCUMENTS has one). */
const BUILT_IN: Record<string, { fileName: string; bytes: () => Promise<Buffer> }> = {
  [POR_FORM_DOCUMENT]: { fileName: POR_FORM_FILENAME, bytes: builtInPorTransferForm },
};

/** The producers' download: what their portal offers under the form's name. */
export async function getPorTransferForm(deps: TTicketDeps, input: TActorInput): Promise<TStoredDownload> {
  assertCan(input.actor, 'service_request.file');
  return openDocument(deps, input.actor.portalId, POR_FORM_DOCUMENT);
}

async function openDocument(deps: TTicketDeps, portalId: string, name: string): Promise<TStoredDownload> {
  const published = await findPortalDocument(deps.db, portalId, name);
  if (published) {
    const { storageKey, ...file } = published;
    return { ...file, stream: await deps.fileStore.open(storageKey) };
  }
  const builtIn = BUILT_IN[name];
  if (!builtIn) throw new AppError('document.not_found');
  const bytes = await builtIn.bytes();
  return { stream: Readable.from([bytes]), name: builtIn.fileName, contentType: 'application/pdf', sizeBytes: bytes.length };
}

interface TDocumentInput extends TActorInput {
  portalId: string;
}

/** 404 for a portal that does not exist or a name it does not offer; returns the document's title. */
function documentOf(input: TDocumentInput & { name: string }): { name: string; title: string } {
  if (!isPortalId(input.portalId)) throw new AppError('portal.not_found');
  const document = portalDocumentsOf(input.portalId).find((d) => d.name === input.name);
  if (!document) throw new AppError('document.not_found');
  return document;
}

export async function listPortalDocuments(deps: TTicketDeps, input: TDocumentInput): Promise<TPortalDocument[]> {
  assertCan(input.actor, 'portal.settings.view');
  if (!isPortalId(input.portalId)) throw new AppError('portal.not_found');
  const published = await findPublishedDocuments(deps.db, input.portalId);
  return Promise.all(
    portalDocumentsOf(input.portalId).map(async ({ name, title }): Promise<TPortalDocument> => {
      const row = published.find((p) => p.name === name);
      if (row) {
        const { fileName, sizeBytes, updatedBy } = row;
        return { name, title, source: 'published', fileName, sizeBytes, updatedAt: row.updatedAt.toISOString(), updatedBy };
      }
      const builtIn = BUILT_IN[name];
      if (!builtIn) throw new AppError('document.not_found');
      const bytes = await builtIn.bytes();
      return { name, title, source: 'built-in', fileName: builtIn.fileName, sizeBytes: bytes.length, updatedAt: null, updatedBy: null };
    }),
  );
}

export async function downloadPortalDocument(deps: TTicketDeps, input: TDocumentInput & { name: string }): Promise<TStoredDownload> {
  assertCan(input.actor, 'portal.settings.view');
  const { name } = documentOf(input);
  return openDocument(deps, input.portalId, name);
}

/**
 * The file is stored first (a row of its own, unattached); the document then names it, with its
 * audit row, in one transaction. A failure in between leaves an unnamed upload the sweep removes,
 * and so does the file this one replaces once a day has passed.
 */
export async function publishPortalDocument(deps: TTicketDeps, input: TDocumentInput & { name: string; receive: TReceiveFile }): Promise<TPortalDocument> {
  const { actor } = input;
  assertCan(actor, 'portal.settings.edit');
  const { name, title } = documentOf(input);
  const portalId = input.portalId;
  if (!isPortalId(portalId)) throw new AppError('portal.not_found');
  const { id: uploadId } = await storeDocument(deps, { userId: actor.id, portalId, receive: input.receive });
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [previous] = await findPublishedDocuments(tx, portalId, { name, forUpdate: true });
    const file = await findUploadForDocument(tx, uploadId);
    if (!file) throw new Error(`upload ${uploadId} vanished before it was published`);
    await upsertPortalDocument(tx, { portalId, name, uploadId, now, userId: actor.id });
    await recordAudit(tx, {
      action: 'portal.document_published',
      occurredAt: now,
      portalId,
      actor: { id: actor.id, label: actor.username },
      target: { label: `portal ${portalId}: ${title}` },
      ipAddress: input.ipAddress,
      requestId: input.requestId,
      details: { name, ...file, ...(previous ? { replaced: { fileName: previous.fileName, sha256: previous.sha256 } } : {}) },
    });
  });
  return requireListed(deps, input, name);
}

/**
 * Back to the built-in form. Idempotent: with nothing published it succeeds all the same (the
 * built-in form is what is offered) and writes no audit row, since nothing changed.
 */
export async function resetPortalDocument(deps: TTicketDeps, input: TDocumentInput & { name: string }): Promise<void> {
  const { actor } = input;
  assertCan(actor, 'portal.settings.edit');
  const { name, title } = documentOf(input);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const [previous] = await findPublishedDocuments(tx, input.portalId, { name, forUpdate: true });
    if (!previous) return;
    await deletePortalDocument(tx, { portalId: input.portalId, name });
    await recordAudit(tx, {
      action: 'portal.document_reset',
      occurredAt: now,
      portalId: input.portalId,
      actor: { id: actor.id, label: actor.username },
      target: { label: `portal ${input.portalId}: ${title}` },
      ipAddress: input.ipAddress,
      requestId: input.requestId,
      details: { name, removed: { fileName: previous.fileName, sizeBytes: previous.sizeBytes, sha256: previous.sha256 } },
    });
  });
}

async function requireListed(deps: TTicketDeps, input: TDocumentInput, name: string): Promise<TPortalDocument> {
  const document = (await listPortalDocuments(deps, input)).find((d) => d.name === name);
  if (!document) throw new AppError('document.not_found');
  return document;
}
