// Documents the producers portal offers (SR-3): the Group POR Transfer Form, the one staff
// published for the portal if there is one, else the built-in form.
import { Readable } from 'node:stream';
import { assertCan } from '../../platform/policy.ts';
import { builtInPorTransferForm, POR_FORM_FILENAME } from './por-transfer-form.ts';
import type { TActorInput, TTicketDeps } from './service-requests.service.ts';
import { findPortalDocument } from './ticket-search.store.ts';

export const POR_FORM_DOCUMENT = 'group-por-transfer-form';

export async function getPorTransferForm(deps: TTicketDeps, input: TActorInput) {
  assertCan(input.actor, 'service_request.file');
  const published = await findPortalDocument(deps.db, input.actor.portalId, POR_FORM_DOCUMENT);
  if (published) {
    const { storageKey, ...file } = published;
    return { ...file, stream: await deps.fileStore.open(storageKey) };
  }
  const bytes = await builtInPorTransferForm();
  return { stream: Readable.from([bytes]), name: POR_FORM_FILENAME, contentType: 'application/pdf', sizeBytes: bytes.length };
}
