// A ticket as the API shows it: the list row, and the page with fields, files, conversation and
// what the viewer may do now (the policy says who, the status says whether it makes sense).
import { can, type TPolicyActor } from '../../platform/policy.ts';
import { OPEN_TICKET_STATUSES, TICKET_STATUS_LABELS, type TTicketDetail, type TTicketSummary, type TUpload } from '../../../shared/service-request-schemas.ts';
import { requestTypeOf } from '../../../shared/service-request-types.ts';
import { fieldsOf } from './request-details.ts';
import type { TMessageRow, TTicketRow } from './tickets.store.ts';

export function isOpen(row: Pick<TTicketRow, 'status'>): boolean {
  return OPEN_TICKET_STATUSES.includes(row.status);
}

/** A list row. Producers see who works the ticket only as Producer Services: no staff ids or names. */
export function toTicketSummary(row: TTicketRow, viewer: Pick<TPolicyActor, 'portalId'>): TTicketSummary {
  const assigned = row.assigneeId && row.assigneeName && viewer.portalId === 'staff';
  return {
    id: row.id,
    number: row.number,
    type: row.type,
    typeLabel: requestTypeOf(row.type).title,
    status: row.status,
    statusLabel: TICKET_STATUS_LABELS[row.status],
    summary: row.summary,
    producerAgentId: row.producerAgentId,
    assignee: assigned && row.assigneeId && row.assigneeName ? { id: row.assigneeId, displayName: row.assigneeName } : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Producers see staff by their team's name; staff see each other by name. */
function authorOf(message: TMessageRow, viewer: TPolicyActor): string {
  if (!message.authorName) return 'Producer Services';
  if (message.authorPortal === 'staff' && viewer.portalId !== 'staff') return `${message.authorName}, Producer Services`;
  return message.authorName;
}

export interface TDetailParts {
  row: TTicketRow;
  messages: TMessageRow[];
  attachments: TUpload[];
  viewer: TPolicyActor;
}

export function toTicketDetail({ row, messages, attachments, viewer }: TDetailParts): TTicketDetail {
  const target = { ticket: { producerId: row.producerId } };
  const isStaff = viewer.portalId === 'staff';
  const open = isOpen(row);
  return {
    ...toTicketSummary(row, viewer),
    filedBy: row.filerName,
    fields: fieldsOf(row.type, row.details),
    attachments,
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      author: authorOf(m, viewer),
      fromStaff: m.authorPortal === 'staff',
      createdAt: m.createdAt.toISOString(),
    })),
    resolutionNote: row.resolutionNote,
    canCancel: !isStaff && row.status === 'submitted' && can(viewer, 'service_request.cancel', target),
    canReply: open && can(viewer, isStaff ? 'service_request.work' : 'service_request.reply', target),
    canReveal: isStaff && row.type === 'eft' && can(viewer, 'service_request.reveal', target),
  };
}
