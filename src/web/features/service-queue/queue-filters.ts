// The queue's address and its filter form. The address is read with the API's own query schema,
// except that no status means the open tickets (the queue's usual view) and `status=any` means
// every status, which the API says by leaving the status out.
import { z } from 'zod';
import { TICKET_STATUSES, TICKET_STATUS_LABELS, ZStaffTicketQuery, type TStaffTicketQuery } from '../../../shared/service-request-schemas.ts';
import { TICKET_TYPE_IDS, requestTypeOf } from '../../../shared/service-request-types.ts';
import type { TSelectOption } from '../../ui/SelectField.tsx';

export const ZQueueAddress = ZStaffTicketQuery.extend({ status: z.enum([...TICKET_STATUSES, 'open', 'any']).default('open') });
export type TQueueAddress = z.output<typeof ZQueueAddress>;

/** What the API is asked for the address. */
export function apiQueryOf(address: TQueueAddress): Partial<TStaffTicketQuery> {
  const { status, ...rest } = address;
  return { ...rest, status: status === 'any' ? undefined : status };
}

export const STATUS_OPTIONS: readonly TSelectOption[] = [
  { value: 'open', label: 'Open (not resolved or cancelled)' },
  ...TICKET_STATUSES.map((status) => ({ value: status, label: TICKET_STATUS_LABELS[status] })),
];

export const TYPE_OPTIONS: readonly TSelectOption[] = TICKET_TYPE_IDS.map((id) => ({ value: id, label: requestTypeOf(id).title }));

const BOXES = ['status', 'type', 'producer', 'assignee', 'from', 'to', 'q'] as const;
export type TFilterBoxes = Record<(typeof BOXES)[number], string>;

const ZAddressFilters = ZQueueAddress.pick({ status: true, type: true, producer: true, assignee: true, from: true, to: true, q: true });

/**
 * The filter boxes: an empty one means "any" (the status box: any status); what is typed is
 * checked by the API's own query schema, each refusal shown at its box.
 */
export const ZQueueFilterForm = z.record(z.enum(BOXES), z.string()).transform((boxes, ctx) => {
  const values = Object.fromEntries(BOXES.map((name) => [name, boxes[name].trim() || undefined]));
  const parsed = ZAddressFilters.safeParse({ ...values, status: values.status ?? 'any' });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

/** The boxes as the address fills them. */
export function boxesOf(address: TQueueAddress): TFilterBoxes {
  const { status, type = '', producer = '', assignee = '', from = '', to = '', q = '' } = address;
  return { status: status === 'any' ? '' : status, type, producer, assignee, from, to, q };
}

/** The address patch for submitted filters (open is the default, so it leaves the address). */
export function addressPatchOf(filters: z.output<typeof ZQueueFilterForm>): Record<string, string | undefined> {
  return {
    status: filters.status === 'open' ? undefined : filters.status,
    type: filters.type,
    producer: filters.producer,
    assignee: filters.assignee,
    from: filters.from,
    to: filters.to,
    q: filters.q,
  };
}
