// Uploads in two steps (docs/decisions/0019): a file is checked, written to the file store and
// only then given its row, unattached; filing a request claims it in the ticket's transaction.
// So a crash leaves at most an unattached row or a file no row names, which the sweep removes.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { TDbOrTx } from '../../db/client.ts';
import type { TDataDeps, TFileDeps, TServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { TFileStore } from '../../platform/file-store/index.ts';
import { assertCan, type TPolicyActor } from '../../platform/policy.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import type { TUpload } from '../../../shared/service-request-schemas.ts';
import { getPortal } from '../portals/portals.service.ts';
import { cleanFileName, inspectContent, UPLOAD_TYPES } from './upload-content.ts';
import {
  attachUploads,
  countUnclaimedUploads,
  findTicketUpload,
  findUploadsOfTickets,
  insertUpload,
  type TUploadContentType,
  type TUploadRow,
} from './uploads.store.ts';

export { sweepUploads, type TSweepResult } from './uploads-sweep.ts';

/** What a route sends as the download of a stored file. */
export interface TStoredDownload {
  stream: Readable;
  name: string;
  contentType: string;
  sizeBytes: number;
}

/** The file the request carries, received once the limit is known (so the parser enforces it too). */
export type TReceiveFile = (limits: { maxBytes: number }) => Promise<{ name: string | undefined; content: Readable } | undefined>;

/** POST /api/uploads: a producers-portal user with a producer ID uploads one file for a request to come. */
export async function uploadFile(deps: TServiceDeps, input: { actor: TPolicyActor; receive: TReceiveFile }): Promise<TUpload> {
  assertCan(input.actor, 'service_request.file');
  const portal = await getPortal(deps.db, input.actor.portalId);
  await assertUnderUnclaimedQuota(deps, { userId: input.actor.id, maxFiles: portal.policy.maxFilesPerRequest });
  const maxBytes = portal.policy.maxUploadBytes;
  const file = await input.receive({ maxBytes });
  if (!file) throw new AppError('upload.missing', { fields: [{ field: 'file', message: 'Choose a file to upload.' }] });
  const row = await storeFile(deps, { content: file.content, name: file.name, userId: input.actor.id, maxBytes, accept: UPLOAD_TYPES });
  return toUpload(row);
}

/** Requests in the making a user may have at once: files beyond that wait until one is sent (or a day passes). */
const UNCLAIMED_REQUESTS = 4;

/**
 * Files nobody sends with a request are kept for a day (the sweep): without a cap one user could
 * fill the store with them. The cap is generous for real work: four requests' worth of files.
 */
export async function assertUnderUnclaimedQuota(deps: TDataDeps, input: { userId: string; maxFiles: number }): Promise<void> {
  const since = new Date(deps.clock.now().getTime() - 24 * 60 * 60 * 1000);
  const unclaimed = await countUnclaimedUploads(deps.db, { userId: input.userId, since });
  if (unclaimed >= UNCLAIMED_REQUESTS * input.maxFiles) {
    const message = `You have ${unclaimed} uploaded files not used yet (sent with a request or published). Use them, or remove files you do not need, before uploading more.`;
    throw new AppError('upload.quota', { message, fields: [{ field: 'file', message }] });
  }
}

/**
 * A document staff publish for a portal, e.g. the Group POR Transfer Form (SR-3): the same checks,
 * PDF only, within that portal's upload limit (the form is its users'). The file comes from the
 * request (`receive`, so the parser stops at the limit) or as bytes. Returns the upload, for
 * portal_documents or resources to name; the sweep keeps an upload either names.
 */
export async function storeDocument(
  deps: TFileDeps,
  input: { userId: string; portalId?: TPortalId } & ({ bytes: Buffer; name: string } | { receive: TReceiveFile }),
): Promise<TUpload> {
  const portal = await getPortal(deps.db, input.portalId ?? 'producers');
  const maxBytes = portal.policy.maxUploadBytes;
  const file = 'receive' in input ? await input.receive({ maxBytes }) : { content: input.bytes, name: input.name };
  if (!file) throw new AppError('upload.missing', { fields: [{ field: 'file', message: 'Choose a PDF file to publish.' }] });
  const row = await storeFile(deps, { content: file.content, name: file.name, userId: input.userId, maxBytes, accept: ['application/pdf'] });
  return toUpload(row);
}

interface TStoreFileInput {
  content: Readable | Buffer;
  name: string | undefined;
  userId: string;
  maxBytes: number;
  accept: readonly TUploadContentType[];
}

/** The bytes go to the store first (whole, or not at all), then the row that names them. */
async function storeFile(deps: TFileDeps, input: TStoreFileInput): Promise<TUploadRow> {
  const inspected = await inspectContent(input.content, { maxBytes: input.maxBytes, accept: input.accept });
  const storageKey = newStorageKey();
  await deps.fileStore.put({ key: storageKey, bytes: inspected.body });
  const { sizeBytes, sha256 } = inspected.measured();
  try {
    return await insertUpload(deps.db, {
      storageKey,
      originalName: cleanFileName(input.name, inspected.contentType),
      contentType: inspected.contentType,
      sizeBytes,
      sha256,
      uploadedBy: input.userId,
      now: deps.clock.now(),
    });
  } catch (error) {
    // Best effort: a file no row names is also removed by the sweep.
    await deps.fileStore.remove(storageKey).catch(() => {});
    throw error;
  }
}

/** Chosen by the server, never from the user's name; two hex characters first spread a disk's directories. */
function newStorageKey(): string {
  const id = randomBytes(16).toString('hex');
  return `${id.slice(0, 2)}/${id}`;
}

/**
 * In the caller's (the ticket's) transaction: each id must be an upload of `userId` that no ticket
 * has yet; more than `maxFiles` is refused. Errors name the form's `attachments` field. Returns
 * the claimed files as the ticket page lists them.
 */
export async function claimUploads(
  tx: TDbOrTx,
  input: { uploadIds: readonly string[]; userId: string; ticketId: string; maxFiles: number },
): Promise<TUpload[]> {
  const ids = [...new Set(input.uploadIds)];
  if (ids.length > input.maxFiles) {
    const message = `Attach at most ${input.maxFiles} ${input.maxFiles === 1 ? 'file' : 'files'}.`;
    throw new AppError('upload.too_many', { message, fields: [{ field: 'attachments', message }] });
  }
  if (ids.length === 0) return [];
  const attached = await attachUploads(tx, { uploadIds: ids, userId: input.userId, ticketId: input.ticketId });
  if (attached.length !== ids.length) {
    const message = 'An attached file was not found. Upload it again.';
    throw new AppError('upload.not_found', { message, fields: [{ field: 'attachments', message }] });
  }
  return attached.map(toUpload);
}

export async function listUploadsOfTickets(db: TDbOrTx, ticketIds: readonly string[]): Promise<Map<string, TUpload[]>> {
  const byTicket = new Map<string, TUpload[]>();
  for (const row of await findUploadsOfTickets(db, ticketIds)) {
    if (row.ticketId === null) continue;
    const list = byTicket.get(row.ticketId) ?? [];
    list.push(toUpload(row));
    byTicket.set(row.ticketId, list);
  }
  return byTicket;
}

/** The file if it belongs to that ticket, else null (the caller answers 404). */
export async function openTicketUpload(deps: TServiceDeps, input: { ticketId: string; uploadId: string }): Promise<TStoredDownload | null> {
  const row = await findTicketUpload(deps.db, input);
  return row ? openRow(deps.fileStore, row) : null;
}

async function openRow(fileStore: TFileStore, row: TUploadRow): Promise<TStoredDownload> {
  return { stream: await fileStore.open(row.storageKey), name: row.originalName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

function toUpload(row: TUploadRow): TUpload {
  return { id: row.id, name: row.originalName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}
