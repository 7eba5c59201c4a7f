// The service-request ticket API (SR-3 … SR-5), shared by server and web.
//   GET  /api/producer-services/settings                  → ZProducerServicesSettings
//   POST /api/uploads (multipart, one file)               → ZUpload
//   POST /api/producer-services/tickets                   ZFileRequest → ZTicketDetail (201)
//   GET  /api/producer-services/tickets                   ZTicketListQuery → ZTicketPage (open tickets of the producer ID)
//   GET  /api/producer-services/tickets/:number           → ZTicketDetail
//   POST /api/producer-services/tickets/:number/messages  ZTicketReply → ZTicketDetail
//   POST /api/producer-services/tickets/:number/cancel    → ZTicketDetail
//   GET  /api/producer-services/tickets/:number/attachments/:uploadId  → the file (attachment)
//   GET  /api/producer-services/documents/group-por-transfer-form.pdf   → the form
//   GET  /api/staff/service-requests                      ZStaffTicketQuery → ZTicketPage
//   GET  /api/staff/service-requests/assignees            → ZAssignee[]
//   GET  /api/staff/service-requests/:number              → ZTicketDetail (with internal notes)
//   POST /api/staff/service-requests/:number/assign       ZAssignTicket → ZTicketDetail
//   POST /api/staff/service-requests/:number/messages     ZStaffTicketMessage → ZTicketDetail
//   POST /api/staff/service-requests/:number/status       ZTicketStatusChange → ZTicketDetail
//   POST /api/staff/service-requests/:number/reveal       → ZRevealedAccountNumber (audited)
//   GET  /api/staff/service-requests/:number/attachments/:uploadId
// Errors: 400 request.invalid (fields), 401, 403, 404 ticket.not_found, 409 ticket.closed /
// ticket.status_not_allowed / sep.already_affirmed, 413 upload.too_large, 415 upload.type_refused.
import { z } from 'zod';
import { page, pageOf, pageSize, searchText } from './list-query.ts';
import { multiLineText } from './request-fields.ts';
import { TICKET_TYPE_IDS } from './service-request-types.ts';

export const TICKET_STATUSES = ['submitted', 'in-progress', 'pending-producer', 'resolved', 'cancelled'] as const;
export type TTicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_STATUS_LABELS: Record<TTicketStatus, string> = {
  submitted: 'Submitted',
  'in-progress': 'In Progress',
  'pending-producer': 'Pending Producer Response',
  resolved: 'Resolved',
  cancelled: 'Cancelled',
};

export const OPEN_TICKET_STATUSES: readonly TTicketStatus[] = ['submitted', 'in-progress', 'pending-producer'];

/** SR-2026-000123: the year and a database sequence. */
export const ZTicketNumber = z.string().regex(/^SR-\d{4}-\d{6,}$/, 'No such ticket.');
export const ZTicketParams = z.strictObject({ number: ZTicketNumber });
export const ZTicketAttachmentParams = z.strictObject({ number: ZTicketNumber, uploadId: z.uuid() });

export const ZProducerServicesSettings = z.object({
  porNotice: z.string(),
  maxUploadBytes: z.number().int(),
  maxFilesPerRequest: z.number().int(),
  /** Plan years a SEP affirmation may be for (this year and, from October, the next). */
  sepPlanYears: z.array(z.number().int()),
});
export type TProducerServicesSettings = z.infer<typeof ZProducerServicesSettings>;

/**
 * The contact information Update my contact info starts from: the address and phone of the
 * producer ID's last contact-info request Producer Services resolved (the carrier applied it), and
 * the roster's e-mail when there is none. Empty strings where nothing is on file.
 */
export const ZContactOnFile = z.object({
  street: z.string(),
  street2: z.string(),
  city: z.string(),
  state: z.string(),
  zip: z.string(),
  phone: z.string(),
  email: z.string(),
  /** The resolved request it comes from, or null when only the roster's e-mail is known. */
  fromTicket: z.object({ number: z.string(), resolvedAt: z.string() }).nullable(),
});
export type TContactOnFile = z.infer<typeof ZContactOnFile>;

export const ZUpload = z.object({
  id: z.uuid(),
  name: z.string(),
  contentType: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  sizeBytes: z.number().int(),
});
export type TUpload = z.infer<typeof ZUpload>;

export const TICKET_SORTS = ['date', 'number', 'type', 'status'] as const;

export const ZTicketListQuery = z.strictObject({
  sort: z.enum(TICKET_SORTS).default('date'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page,
  pageSize,
});
export type TTicketListQuery = z.infer<typeof ZTicketListQuery>;

export const ZStaffTicketQuery = ZTicketListQuery.extend({
  status: z.enum([...TICKET_STATUSES, 'open']).optional(),
  type: z.enum(TICKET_TYPE_IDS).optional(),
  producer: z
    .string()
    .regex(/^\d{9}$/, 'A producer ID is 9 digits.')
    .optional(),
  /** `me`, `none`, or a staff user's id. */
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  from: z.iso.date('Use YYYY-MM-DD.').optional(),
  to: z.iso.date('Use YYYY-MM-DD.').optional(),
  q: searchText,
});
export type TStaffTicketQuery = z.infer<typeof ZStaffTicketQuery>;

export const ZTicketSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  type: z.enum(TICKET_TYPE_IDS),
  typeLabel: z.string(),
  status: z.enum(TICKET_STATUSES),
  statusLabel: z.string(),
  summary: z.string(),
  producerAgentId: z.string(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTicketSummary = z.infer<typeof ZTicketSummary>;

export const ZTicketPage = pageOf(ZTicketSummary);
export type TTicketPage = z.infer<typeof ZTicketPage>;

export const ZTicketMessage = z.object({
  id: z.uuid(),
  /** `note`: staff only; `status`: a status change, written by the system. */
  kind: z.enum(['message', 'note', 'status']),
  body: z.string(),
  author: z.string(),
  fromStaff: z.boolean(),
  createdAt: z.string(),
});

export const ZTicketDetail = ZTicketSummary.extend({
  filedBy: z.string(),
  /** The request's fields as label and shown value (the bank account number masked: ••••6789). */
  fields: z.array(z.object({ label: z.string(), value: z.string() })),
  attachments: z.array(ZUpload),
  messages: z.array(ZTicketMessage),
  resolutionNote: z.string().nullable(),
  canCancel: z.boolean(),
  canReply: z.boolean(),
  /** Staff with the right to see the bank account number in clear (producer services). */
  canReveal: z.boolean(),
});
export type TTicketDetail = z.infer<typeof ZTicketDetail>;

export const ZTicketReply = z.strictObject({ body: multiLineText('message', { max: 4000 }) });

export const ZStaffTicketMessage = z.strictObject({
  body: multiLineText('message', { max: 4000 }),
  /** `producer`: the filer sees it and is e-mailed; `internal`: a note for staff only. */
  visibility: z.enum(['producer', 'internal'], 'Choose who sees the message.'),
});

export const ZAssignTicket = z.strictObject({ assigneeId: z.uuid('Choose a colleague.').nullable() });

export const ZTicketStatusChange = z
  .strictObject({
    status: z.enum(['in-progress', 'pending-producer', 'resolved'], 'Choose a status.'),
    note: multiLineText('note', { min: 0, max: 4000 }).optional(),
  })
  .refine((value) => value.status !== 'resolved' || (value.note ?? '').length > 0, { path: ['note'], message: 'Enter a resolution note.' });

export const ZAssignee = z.object({ id: z.uuid(), displayName: z.string() });
export const ZRevealedAccountNumber = z.object({ accountNumber: z.string() });
