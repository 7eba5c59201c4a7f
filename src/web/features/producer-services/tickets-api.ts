// The producer's service-request tickets (SR-3, SR-4) as the web uses them; shapes and routes
// are those of src/shared/service-request-schemas.ts.
import { ZTicketDetail, ZTicketPage, type TTicketDetail, type TTicketListQuery, type TTicketPage } from '../../../shared/service-request-schemas.ts';
import { apiRequest, queryString } from '../../api.ts';

const ROOT = '/api/producer-services/tickets';

/** Query keys: filing, replying or cancelling invalidates `all`. */
export const producerTicketKeys = {
  all: ['producer-services', 'tickets'] as const,
  list: (query: Partial<TTicketListQuery>) => ['producer-services', 'tickets', 'list', query] as const,
  detail: (number: string) => ['producer-services', 'tickets', 'detail', number] as const,
};

export function listOpenTickets(query: Partial<TTicketListQuery>): Promise<TTicketPage> {
  return apiRequest(`${ROOT}${queryString(query)}`, { schema: ZTicketPage });
}

export function fetchTicket(number: string): Promise<TTicketDetail> {
  return apiRequest(`${ROOT}/${encodeURIComponent(number)}`, { schema: ZTicketDetail });
}

export function replyToTicket(number: string, body: string): Promise<TTicketDetail> {
  return apiRequest(`${ROOT}/${encodeURIComponent(number)}/messages`, { method: 'POST', body: { body }, schema: ZTicketDetail });
}

export function cancelTicket(number: string): Promise<TTicketDetail> {
  return apiRequest(`${ROOT}/${encodeURIComponent(number)}/cancel`, { method: 'POST', body: {}, schema: ZTicketDetail });
}

/** An attachment's download: a plain link, so the browser saves the file itself. */
export function attachmentUrl(number: string, uploadId: string): string {
  return `${ROOT}/${encodeURIComponent(number)}/attachments/${encodeURIComponent(uploadId)}`;
}

export const GROUP_POR_FORM_URL = '/api/producer-services/documents/group-por-transfer-form.pdf';
