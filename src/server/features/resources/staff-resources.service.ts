// Forms and training as staff manage them (BK-6, docs/decisions/0022): every staff role lists and
// downloads them; producer services and security publish a PDF (uploaded first, then named with
// its title, portal, state, line and plan year) and retire what should no longer be offered.
// Each change commits with its audit row.
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TPublishResource, TStaffResourceQuery, TStaffResource } from '../../../shared/resource-schemas.ts';
import type { TUpload } from '../../../shared/service-request-schemas.ts';
import { assertUnderUnclaimedQuota, storeDocument, type TReceiveFile, type TStoredDownload } from '../uploads/uploads.service.ts';
import { toResource, type TResourceCaller, type TResourceDeps } from './resources.service.ts';
import { findAllResources, findResourceFile, insertResource, findFreeUpload, markRetired } from './resources.store.ts';

/** PDFs one staff member may upload in a day without publishing them (the quota allows four times this). */
const UNPUBLISHED_FILES = 5;

type TStaffRow = Awaited<ReturnType<typeof findAllResources>>[number];

function toStaffResource(row: TStaffRow): TStaffResource {
  return {
    ...toResource(row),
    publishedBy: row.publishedBy,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    retiredBy: row.retiredBy,
    completions: row.completions,
  };
}

export async function listStaffResources(deps: TResourceDeps, caller: TResourceCaller, query: TStaffResourceQuery): Promise<TStaffResource[]> {
  assertCan(caller.actor, 'resources.review');
  return (await findAllResources(deps.db, query)).map(toStaffResource);
}

async function staffResource(deps: TResourceDeps, id: string): Promise<TStaffResource> {
  const [row] = await findAllResources(deps.db, { status: 'all', id });
  if (!row) throw new AppError('resource.not_found');
  return toStaffResource(row);
}

export async function downloadStaffResource(deps: TResourceDeps, caller: TResourceCaller, id: string): Promise<TStoredDownload> {
  assertCan(caller.actor, 'resources.review');
  const file = await findResourceFile(deps.db, id);
  if (!file) throw new AppError('resource.not_found');
  const { storageKey, ...shown } = file;
  return { ...shown, stream: await deps.fileStore.open(storageKey) };
}

/** Step one: the PDF, checked and stored, unattached until step two names it (else the sweep removes it). */
export async function uploadResourceFile(deps: TResourceDeps, caller: TResourceCaller, receive: TReceiveFile): Promise<TUpload> {
  assertCan(caller.actor, 'resources.manage');
  // Files nobody publishes wait a day for the sweep: bounded, as the producers' are.
  await assertUnderUnclaimedQuota(deps, { userId: caller.actor.id, maxFiles: UNPUBLISHED_FILES });
  return storeDocument(deps, { userId: caller.actor.id, receive });
}

/** Step two: the document naming the uploaded PDF, offered at once, with its audit row. */
export async function publishResource(deps: TResourceDeps, caller: TResourceCaller, input: TPublishResource): Promise<TStaffResource> {
  const { actor } = caller;
  assertCan(actor, 'resources.manage');
  const now = deps.clock.now();
  const { uploadId, ...described } = input;
  const id = await deps.db.transaction(async (tx) => {
    const file = await findFreeUpload(tx, { uploadId, userId: actor.id });
    if (!file)
      throw new AppError('resource.upload_taken', { fields: [{ field: 'uploadId', message: 'Upload the PDF again: that file is not one you can publish.' }] });
    const resourceId = await insertResource(tx, { ...described, uploadId, publishedAt: now, publishedBy: actor.id });
    await recordAudit(tx, {
      action: 'resource.published',
      occurredAt: now,
      portalId: described.portalId ?? undefined,
      actor: { id: actor.id, label: actor.username },
      target: { label: `${described.kind} "${described.title}"` },
      ipAddress: caller.ipAddress,
      requestId: caller.requestId,
      details: { resourceId, ...described, file },
    });
    return resourceId;
  });
  return staffResource(deps, id);
}

/** No longer offered (completions stay). Retiring a retired document changes nothing and is no error. */
export async function retireResource(deps: TResourceDeps, caller: TResourceCaller, id: string): Promise<TStaffResource> {
  const { actor } = caller;
  assertCan(actor, 'resources.manage');
  const current = await staffResource(deps, id);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const title = await markRetired(tx, { id, userId: actor.id, now });
    if (title === undefined) return;
    await recordAudit(tx, {
      action: 'resource.retired',
      occurredAt: now,
      portalId: current.portalId ?? undefined,
      actor: { id: actor.id, label: actor.username },
      target: { label: `${current.kind} "${title}"` },
      ipAddress: caller.ipAddress,
      requestId: caller.requestId,
      details: { resourceId: id },
    });
  });
  return staffResource(deps, id);
}
