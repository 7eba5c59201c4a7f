// The staff console's Service Requests (SR-5) as the web uses them; shapes and routes are those of
// src/shared/service-request-schemas.ts (GET/POST /api/staff/service-requests…).
import { z } from 'zod';
import {
  ZAssignee,
  ZRevealedAccountNumber,
  ZTicketDetail,
  ZTicketPage,
  type TStaffTicketQuery,
  type TTicketDetail,
  type TTicketPage,
} from '../../../shared/service-request-schemas.ts';
import { apiRequest, queryString } from '../../api.ts';

const ROOT = '/api/staff/service-requests';

/**
 * Query keys: every change to a ticket invalidates `all` (the queue's pages and the ticket itself:
 * a new status or assignee moves it between filtered lists).
 */
export const serviceQueueKeys = {
  all: ['service-queue'] as const,
  lists: ['service-queue', 'list'] as const,
  list: (query: Partial<TStaffTicketQuery>) => ['service-queue', 'list', query] as const,
  detail: (number: string) => ['service-queue', 'ticket', number] as const,
  assignees: ['service-queue', 'assignees'] as const,
};

export type TAssignee = z.infer<typeof ZAssignee>;

export function searchQueue(query: Partial<TStaffTicketQuery>): Promise<TTicketPage> {
  return apiRequest(`${ROOT}${queryString(query)}`, { schema: ZTicketPage });
}

export function listAssignees(): Promise<TAssignee[]> {
  return apiRequest(`${ROOT}/assignees`, { schema: z.array(ZAssignee) });
}

const ticketPath = (number: string) => `${ROOT}/${encodeURIComponent(number)}`;

export function fetchStaffTicket(number: string): Promise<TTicketDetail> {
  return apiRequest(ticketPath(number), { schema: ZTicketDetail });
}

/** To a colleague by id; null unassigns. */
export function assignTicket(number: string, assigneeId: string | null): Promise<TTicketDetail> {
  return apiRequest(`${ticketPath(number)}/assign`, { method: 'POST', body: { assigneeId }, schema: ZTicketDetail });
}

export interface TStaffMessage {
  body: string;
  visibility: 'producer' | 'internal';
}

export function addStaffMessage(number: string, message: TStaffMessage): Promise<TTicketDetail> {
  return apiRequest(`${ticketPath(number)}/messages`, { method: 'POST', body: message, schema: ZTicketDetail });
}

export interface TStatusChange {
  status: 'in-progress' | 'pending-producer' | 'resolved';
  note?: string | undefined;
}

export function changeTicketStatus(number: string, change: TStatusChange): Promise<TTicketDetail> {
  return apiRequest(`${ticketPath(number)}/status`, { method: 'POST', body: change, schema: ZTicketDetail });
}

/** The bank account number in clear; the server records who revealed it. */
export async function revealAccountNumber(number: string): Promise<string> {
  const { accountNumber } = await apiRequest(`${ticketPath(number)}/reveal`, { method: 'POST', body: {}, schema: ZRevealedAccountNumber });
  return accountNumber;
}

/** An attachment's download: a plain link, so the browser saves the file itself. */
export function staffAttachmentUrl(number: string, uploadId: string): string {
  return `${ticketPath(number)}/attachments/${encodeURIComponent(uploadId)}`;
}
