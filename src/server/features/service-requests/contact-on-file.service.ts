// Update my contact info starts from what the carrier has (SR-2): the address and phone the
// producer ID last sent in a request Producer Services resolved, else the roster's e-mail alone.
// The roster carries no address or phone, so a first request starts nearly empty.
import { formatUsPhone } from '../../../shared/request-fields.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TContactOnFile } from '../../../shared/service-request-schemas.ts';
import { AppError } from '../../platform/errors.ts';
import type { TDbOrTx } from '../../db/client.ts';
import { findLastResolvedContactRequest, findRosterEmail } from './contact-on-file.store.ts';
import { detailText } from './request-details.ts';
import type { TTicketActor } from './service-requests.service.ts';

const CONTACT_FIELDS = ['street', 'street2', 'city', 'state', 'zip', 'phone', 'email'] as const;

export async function getContactOnFile(deps: { db: TDbOrTx }, input: { actor: TTicketActor }): Promise<TContactOnFile> {
  assertCan(input.actor, 'service_request.file');
  const producerId = input.actor.producerId;
  if (producerId === null) throw new AppError('auth.forbidden');
  const resolved = await findLastResolvedContactRequest(deps.db, producerId);
  if (resolved) {
    const contact = Object.fromEntries(CONTACT_FIELDS.map((key) => [key, detailText(resolved.details, key)])) as Record<
      (typeof CONTACT_FIELDS)[number],
      string
    >;
    // Kept as its 10 digits; the form shows it as typed on US forms.
    return { ...contact, phone: formatUsPhone(contact.phone), fromTicket: { number: resolved.number, resolvedAt: resolved.closedAt.toISOString() } };
  }
  const email = (await findRosterEmail(deps.db, producerId)) ?? '';
  return { street: '', street2: '', city: '', state: '', zip: '', phone: '', email, fromTicket: null };
}
