// The retail producer's book of business over HTTP (BK-1 … BK-4; docs/decisions/0021):
//   GET  /api/book/states                 → ZBookStates (appointed states, the one chosen)
//   PUT  /api/book/state                  ZChooseState → ZBookStates
//   GET  /api/book/summary                → ZBookSummary (the welcome page's counts, in-force by line)
//   GET  /api/book/clients                ZClientSearch → ZClientPage (quick or advanced search)
//   GET  /api/book/clients/:clientId      → ZClientDetail (policies with payments, applications with history)
//   GET  /api/book/clients.csv            ZClientSearch → every match as CSV (audited)
//   GET  /api/book/applications           ZApplicationList → ZApplicationPage (BK-2)
// Every view is the caller's own book in the chosen state. Errors: 400 request.invalid (fields),
// 401, 403, 404 book.client_not_found, 409 book.state_required / book.no_states.
import { z } from 'zod';
import { APPLICATION_STATUSES, LINES_OF_BUSINESS, PAYMENT_STATUSES, POLICY_STATUSES } from './book.ts';
import { page, pageOf, pageSize, searchText } from './list-query.ts';
import { APPOINTMENT_STATES } from './portals.ts';

export const ZBookStates = z.object({ appointed: z.array(z.enum(APPOINTMENT_STATES)), chosen: z.enum(APPOINTMENT_STATES).nullable() });
export type TBookStates = z.infer<typeof ZBookStates>;

export const ZChooseState = z.strictObject({ state: z.enum(APPOINTMENT_STATES, 'Choose one of the states you are appointed in.') });

/** The preset quick searches (BK-3). */
export const QUICK_SEARCHES = ['pending-applications', 'renewing-soon', 'past-due', 'new-business'] as const;
export type TQuickSearch = (typeof QUICK_SEARCHES)[number];
export const QUICK_SEARCH_LABELS: Record<TQuickSearch, string> = {
  'pending-applications': 'Pending applications',
  'renewing-soon': 'Renewing in the next 30 days',
  'past-due': 'Past-due premium',
  'new-business': 'New business this month',
};

/** An application still in the carrier's hands. */
export const PENDING_APPLICATION_STATUSES = ['received', 'pending-information', 'in-review', 'approved'] as const;

export const CLIENT_SORTS = ['name', 'date-of-birth', 'client-id'] as const;

const date = z.iso.date('Use YYYY-MM-DD.');

/** The search's fields; the web keeps them in the address (ZClientSearch adds the cross-field rule). */
export const ZClientSearchFields = z.strictObject({
  quick: z.enum(QUICK_SEARCHES).optional(),
  /** A name: first or last name prefix, "Last, First", or a near spelling. */
  name: searchText,
  dateOfBirth: date.optional(),
  /** A client id, policy number or application number. */
  number: searchText,
  status: z.enum([...new Set([...POLICY_STATUSES, ...APPLICATION_STATUSES])]).optional(),
  line: z.enum(LINES_OF_BUSINESS).optional(),
  effectiveFrom: date.optional(),
  effectiveTo: date.optional(),
  sort: z.enum(CLIENT_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page,
  pageSize,
});

export const ZClientSearch = ZClientSearchFields.refine((q) => !q.effectiveFrom || !q.effectiveTo || q.effectiveFrom <= q.effectiveTo, {
  path: ['effectiveTo'],
  message: 'The end of the effective-date range comes before its start.',
});
export type TClientSearch = z.infer<typeof ZClientSearch>;

export const ZClientSummary = z.object({
  clientId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  /** The lines of the client's policies and applications with this producer in the chosen state. */
  lines: z.array(z.enum(LINES_OF_BUSINESS)),
  policies: z.number().int(),
  pendingApplications: z.number().int(),
  /** A policy whose latest premium is past due or in its grace period. */
  pastDue: z.boolean(),
});
export type TClientSummary = z.infer<typeof ZClientSummary>;
export const ZClientPage = pageOf(ZClientSummary);
export type TClientPage = z.infer<typeof ZClientPage>;

export const ZClientParams = z.strictObject({ clientId: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'A client id is 1 to 32 letters, digits or dashes.') });

export const ZPayment = z.object({
  period: z.string(),
  amountDueCents: z.number().int(),
  dueDate: z.string(),
  amountPaidCents: z.number().int(),
  paidDate: z.string().nullable(),
  status: z.enum(PAYMENT_STATUSES),
});

export const ZClientPolicy = z.object({
  policyNumber: z.string(),
  lineOfBusiness: z.enum(LINES_OF_BUSINESS),
  planName: z.string(),
  state: z.string(),
  status: z.enum(POLICY_STATUSES),
  effectiveDate: z.string(),
  renewalDate: z.string().nullable(),
  terminationDate: z.string().nullable(),
  monthlyPremiumCents: z.number().int(),
  /** The latest month's payment status, or null before the first premium. */
  paymentStatus: z.enum(PAYMENT_STATUSES).nullable(),
  /** Newest first. */
  payments: z.array(ZPayment),
});

export const ZClientApplication = z.object({
  applicationNumber: z.string(),
  lineOfBusiness: z.enum(LINES_OF_BUSINESS),
  planName: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  statusDate: z.string(),
  submittedDate: z.string(),
  policyNumber: z.string().nullable(),
  /** Oldest first. */
  history: z.array(z.object({ status: z.enum(APPLICATION_STATUSES), statusDate: z.string() })),
});

export const ZClientDetail = z.object({
  clientId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string().nullable(),
  state: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  zip: z.string().nullable(),
  policies: z.array(ZClientPolicy),
  applications: z.array(ZClientApplication),
});
export type TClientDetail = z.infer<typeof ZClientDetail>;

export const ZBookSummary = z.object({
  state: z.enum(APPOINTMENT_STATES),
  counts: z.object({
    pendingApplications: z.number().int(),
    renewingSoon: z.number().int(),
    pastDue: z.number().int(),
    inGrace: z.number().int(),
    newBusiness: z.number().int(),
  }),
  /** Active and grace-period policies by line: how many, and their monthly premium. */
  inForce: z.array(z.object({ lineOfBusiness: z.enum(LINES_OF_BUSINESS), policies: z.number().int(), monthlyPremiumCents: z.number().int() })),
});
export type TBookSummary = z.infer<typeof ZBookSummary>;

export const APPLICATION_SORTS = ['status-date', 'submitted', 'client', 'status'] as const;

/** BK-2: the producer's applications in the chosen state; `pending` is every status still open. */
export const ZApplicationList = z.strictObject({
  status: z.enum([...APPLICATION_STATUSES, 'pending']).optional(),
  line: z.enum(LINES_OF_BUSINESS).optional(),
  sort: z.enum(APPLICATION_SORTS).default('status-date'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page,
  pageSize,
});
export type TApplicationList = z.infer<typeof ZApplicationList>;

/** An application as its client's page shows it, with whose it is instead of its history. */
export const ZApplicationSummary = ZClientApplication.omit({ history: true }).extend({ clientId: z.string(), clientName: z.string() });
export type TApplicationSummary = z.infer<typeof ZApplicationSummary>;
export const ZApplicationPage = pageOf(ZApplicationSummary);
export type TApplicationPage = z.infer<typeof ZApplicationPage>;

// The group producer's Book of Business (issue 16 §2, producers portal), every user of the producer ID:
//   GET /api/book/groups                    ZGroupSearch → ZGroupPage
//   GET /api/book/groups.csv                ZGroupSearch → every match as CSV (audited)
//   GET /api/book/groups/:accountNumber     → ZGroupDetail (404 for another producer ID's group)
export const GROUP_SORTS = ['name', 'account-number', 'effective-date', 'employees'] as const;

export const ZGroupSearch = z.strictObject({
  /** Words of the group's name, or its account number. */
  q: searchText,
  line: z.enum(LINES_OF_BUSINESS).optional(),
  /** Only groups with a group policy whose latest premium is past due or in grace. */
  pastDue: z.enum(['true']).optional(),
  sort: z.enum(GROUP_SORTS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  page,
  pageSize,
});
export type TGroupSearch = z.infer<typeof ZGroupSearch>;

export const ZGroupSummary = z.object({
  accountNumber: z.string(),
  name: z.string(),
  state: z.string().nullable(),
  lineOfBusiness: z.enum(LINES_OF_BUSINESS).nullable(),
  effectiveDate: z.string().nullable(),
  employeeCount: z.number().int().nullable(),
  policies: z.number().int(),
  monthlyPremiumCents: z.number().int(),
  pastDue: z.boolean(),
});
export type TGroupSummary = z.infer<typeof ZGroupSummary>;
export const ZGroupPage = pageOf(ZGroupSummary);
export type TGroupPage = z.infer<typeof ZGroupPage>;

export const ZGroupParams = z.strictObject({
  accountNumber: z.string().regex(/^[A-Za-z0-9-]{1,32}$/, 'An account number is 1 to 32 letters, digits or dashes.'),
});

export const ZGroupDetail = ZGroupSummary.omit({ policies: true, monthlyPremiumCents: true, pastDue: true }).extend({ policies: z.array(ZClientPolicy) });
export type TGroupDetail = z.infer<typeof ZGroupDetail>;

// Blue Access for Employers (issue 16 §3): the group's own coverage, for every user of the group.
//   GET /api/book/coverage → ZEmployerCoverage
export const ZEmployerCoverage = ZGroupDetail.extend({
  producerOfRecord: z.object({ agentId: z.string(), name: z.string(), agency: z.string().nullable() }).nullable(),
});
export type TEmployerCoverage = z.infer<typeof ZEmployerCoverage>;
