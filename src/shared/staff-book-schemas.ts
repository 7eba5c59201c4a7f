// Carrier staff read any producer's book of business, read-only (issue 16 §4; docs/decisions/0021).
// Whose book is in the address (the Agent Unique ID), the state in the query, never in the session:
//   GET /api/staff/book/producers?q=                          ZStaffProducerQuery → ZStaffProducerList
//   GET /api/staff/book/producers/:agentId                    → ZStaffProducer
//   GET /api/staff/book/producers/:agentId/summary            ZStaffBookState → ZBookSummary
//   GET /api/staff/book/producers/:agentId/clients            ZStaffClientSearch → ZClientPage
//   GET /api/staff/book/producers/:agentId/clients.csv        ZStaffClientSearch → CSV (audited)
//   GET /api/staff/book/producers/:agentId/clients/:clientId  ZStaffBookState → ZClientDetail (audited)
//   GET /api/staff/book/producers/:agentId/applications       ZStaffApplicationList → ZApplicationPage
//   GET /api/staff/book/producers/:agentId/groups             ZGroupSearch → ZGroupPage
//   GET /api/staff/book/producers/:agentId/groups.csv         ZGroupSearch → CSV (audited)
//   GET /api/staff/book/producers/:agentId/groups/:accountNumber → ZGroupDetail
// Errors: 400 request.invalid / book.state_not_appointed (field `querystring.state`), 401, 403,
// 404 book.producer_not_found / book.client_not_found / book.group_not_found.
import { z } from 'zod';
import { ZApplicationList, ZClientParams, ZClientSearch, ZGroupParams } from './book-schemas.ts';
import { APPOINTMENT_STATES } from './portals.ts';
import { withoutControlCharacters } from './text-rules.ts';

export const ZAgentId = z.string().regex(/^\d{9}$/, 'An Agent Unique ID is 9 digits.');

export const ZStaffProducerQuery = z.strictObject({
  /** An Agent Unique ID (9 digits), or the start of a name: first, last, "First Last" or "Last, First". */
  q: withoutControlCharacters(z.string().trim().min(2, 'Enter an Agent Unique ID or at least 2 letters of a name.').max(100, 'At most 100 characters.')),
});

export const ZStaffProducer = z.object({
  agentId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  agency: z.string().nullable(),
  /** The states the producer is appointed in: their retail book has one view per state. */
  states: z.array(z.enum(APPOINTMENT_STATES)),
  /** How many employer groups the producer ID is producer of record for (the group book). */
  groups: z.number().int(),
});
export type TStaffProducer = z.infer<typeof ZStaffProducer>;

/** At most this many producers answer a name search: a longer name narrows it. */
export const STAFF_PRODUCER_MATCHES = 20;
export const ZStaffProducerList = z.object({ items: z.array(ZStaffProducer) });
export type TStaffProducerList = z.infer<typeof ZStaffProducerList>;

export const ZStaffProducerParams = z.strictObject({ agentId: ZAgentId });
export const ZStaffClientParams = ZStaffProducerParams.extend(ZClientParams.shape);
export const ZStaffGroupParams = ZStaffProducerParams.extend(ZGroupParams.shape);

const state = z.enum(APPOINTMENT_STATES, 'Choose one of the states the producer is appointed in.');

/** The state whose book to read: one of the producer's appointed states. */
export const ZStaffBookState = z.strictObject({ state });
export type TStaffBookState = z.infer<typeof ZStaffBookState>;
/** The retail client search (same filters, sort, paging), in the chosen state. */
export const ZStaffClientSearch = ZClientSearch.safeExtend({ state });
export type TStaffClientSearch = z.infer<typeof ZStaffClientSearch>;
export const ZStaffApplicationList = ZApplicationList.extend({ state });
export type TStaffApplicationList = z.infer<typeof ZStaffApplicationList>;
