// Commissions (BK-5, issue 17) over HTTP. Producers: the Primary Producer and the sub-users they
// allow (producers portal), and retail producers, each for their own Agent Unique ID.
//   GET /api/commissions/summary                      last statement, year to date, last 12 months
//   GET /api/commissions/statements                   every month with a statement, newest first
//   GET /api/commissions/statements/:period           one statement: totals by line and type, its lines paged
//   GET /api/commissions/statements/:period/csv       the statement's lines as CSV
//   GET /api/commissions/statements/:period/pdf       the statement as PDF
//   GET /api/commissions/report                       the reporting tool: ?from&to&account&line&type
//   GET /api/commissions/report/csv                   the lines the report covers, as CSV
//   GET /api/commissions/reconciliation               owed versus paid over a year: ?year
//   GET /api/commissions/por-alerts                   producer of record at risk
//   GET /api/producers/commission-access               the Primary Producer: which sub-users see them
//   GET /api/producers/users/:userId/commission-access  whether one sub-user sees them
//   PUT /api/producers/users/:userId/commission-access  the Primary Producer lets a sub-user see them, or not
// Errors: 400 request.invalid, 403 auth.forbidden (a sub-user without the right), 404
// commissions.statement_not_found.
// Carrier staff (every staff role) read any producer's, read-only, the same answers as the producer's:
//   GET /api/staff/commissions/producers/:agentId/summary         → ZCommissionSummary
//   GET /api/staff/commissions/producers/:agentId/statements      → ZStatementList
//   GET /api/staff/commissions/producers/:agentId/reconciliation  ZReconciliationQuery → ZReconciliation (audited)
// Errors: 400 request.invalid (params.agentId, querystring.year), 403 auth.forbidden (not staff), 404
// book.producer_not_found.
import { z } from 'zod';
import { emptyIsNone } from './list-query.ts';
import { LINES_OF_BUSINESS } from './book.ts';
import { CALCULATION_METHODS, COMMISSION_TRANSACTION_TYPES, FUNDING_TYPES } from './commissions.ts';
import { MONTH_PATTERN } from './request-fields.ts';

export const ZPeriod = z.string().regex(MONTH_PATTERN, 'Use a month as YYYY-MM.');
export const ZStatementParams = z.strictObject({ period: ZPeriod });

export const ZMonthTotal = z.object({ period: z.string(), totalCents: z.number().int(), lines: z.number().int() });
export type TMonthTotal = z.infer<typeof ZMonthTotal>;

export const ZCommissionSummary = z.object({
  /** The newest statement, or none yet. */
  lastStatement: ZMonthTotal.nullable(),
  /** The calendar year of the newest statement, through that statement. */
  yearToDateCents: z.number().int(),
  year: z.number().int().nullable(),
  /** The twelve months ending with the newest statement, oldest first; a month without a statement is 0. */
  lastTwelveMonths: z.array(ZMonthTotal),
});
export type TCommissionSummary = z.infer<typeof ZCommissionSummary>;

export const ZStatementList = z.object({ items: z.array(ZMonthTotal) });
export type TStatementList = z.infer<typeof ZStatementList>;

export const ZStatementLine = z.object({
  lineNumber: z.number().int(),
  accountNumber: z.string(),
  groupNumber: z.string().nullable(),
  accountName: z.string(),
  originalEffectiveDate: z.string().nullable(),
  producerEffectiveDate: z.string().nullable(),
  cancelDate: z.string().nullable(),
  productName: z.string(),
  lineOfBusiness: z.enum(LINES_OF_BUSINESS),
  fundingType: z.enum(FUNDING_TYPES).nullable(),
  calculationMethod: z.enum(CALCULATION_METHODS),
  contracts: z.number().int().nullable(),
  premiumBasisCents: z.number().int().nullable(),
  /** As the carrier states it: percent of premium, or dollars per contract. */
  rate: z.string().nullable(),
  splitPercent: z.string(),
  transactionType: z.enum(COMMISSION_TRANSACTION_TYPES),
  amountCents: z.number().int(),
});
export type TStatementLine = z.infer<typeof ZStatementLine>;

export const STATEMENT_PAGE_SIZES = [50, 100, 500] as const;
export const ZStatementQuery = z.strictObject({
  page: z.coerce.number('Choose a page number.').int().min(1).default(1),
  pageSize: z.coerce
    .number()
    .refine((n) => (STATEMENT_PAGE_SIZES as readonly number[]).includes(n), 'Show 50, 100 or 500 lines a page.')
    .default(100),
});
export type TStatementQuery = z.infer<typeof ZStatementQuery>;

export const ZStatement = z.object({
  period: z.string(),
  producer: z.object({ agentUniqueId: z.string(), name: z.string(), agency: z.string().nullable() }),
  totalCents: z.number().int(),
  lines: z.number().int(),
  byLine: z.array(z.object({ lineOfBusiness: z.enum(LINES_OF_BUSINESS), totalCents: z.number().int(), lines: z.number().int() })),
  byType: z.array(z.object({ transactionType: z.enum(COMMISSION_TRANSACTION_TYPES), totalCents: z.number().int(), lines: z.number().int() })),
  items: z.array(ZStatementLine),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type TStatement = z.infer<typeof ZStatement>;

export const ZCommissionAccess = z.strictObject({ allowed: z.boolean('Say whether the user may see commissions.') });
export type TCommissionAccess = z.infer<typeof ZCommissionAccess>;
/** The Password Manager's column: which of the producer ID's sub-users may see commissions, in one answer. */
export const ZCommissionGrants = z.object({ allowedUserIds: z.array(z.uuid()) });
export type TCommissionGrants = z.infer<typeof ZCommissionGrants>;

/** The reporting tool's filters; without a range it shows the 12 months ending with the newest statement. */
export const ZReportQuery = z
  .strictObject({
    from: z.preprocess(emptyIsNone, ZPeriod.optional()),
    to: z.preprocess(emptyIsNone, ZPeriod.optional()),
    account: z.preprocess(emptyIsNone, z.string().trim().max(32, 'An account or policy number is at most 32 characters.').optional()),
    line: z.preprocess(emptyIsNone, z.enum(LINES_OF_BUSINESS, 'Choose one of the listed lines of business.').optional()),
    type: z.preprocess(emptyIsNone, z.enum(COMMISSION_TRANSACTION_TYPES, 'Choose one of the listed transaction types.').optional()),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { path: ['to'], message: 'The end month cannot be before the start month.' })
  .refine((q) => q.from === undefined || q.to === undefined || monthsBetween(q.from, q.to) <= 60, {
    path: ['from'],
    message: 'Report on at most 60 months at a time.',
  });
export type TReportQuery = z.infer<typeof ZReportQuery>;

export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

export const ZCommissionReport = z.object({
  from: z.string(),
  to: z.string(),
  /** Every month of the range, oldest first, with its total by line of business (lines without commission left out). */
  months: z.array(
    z.object({
      period: z.string(),
      totalCents: z.number().int(),
      byLine: z.array(z.object({ lineOfBusiness: z.enum(LINES_OF_BUSINESS), totalCents: z.number().int() })),
    }),
  ),
  totalCents: z.number().int(),
  lines: z.number().int(),
  /** The accounts the range paid most on (at most 25). */
  accounts: z.array(z.object({ accountNumber: z.string(), accountName: z.string(), totalCents: z.number().int(), lines: z.number().int() })),
});
export type TCommissionReport = z.infer<typeof ZCommissionReport>;

// Owed versus paid (issue 17 §3): GET /api/commissions/reconciliation?year=YYYY
export const DISCREPANCY_KINDS = ['short-pay', 'missing', 'paid-after-termination', 'unreversed-chargeback'] as const;
export type TDiscrepancyKind = (typeof DISCREPANCY_KINDS)[number];
export const DISCREPANCY_LABELS: Record<TDiscrepancyKind, string> = {
  'short-pay': 'Short pay',
  missing: 'Commission missing',
  'paid-after-termination': 'Paid on a terminated policy',
  'unreversed-chargeback': 'Chargeback never reversed',
};

export const ZReconciliationQuery = z.strictObject({
  year: z.preprocess(
    emptyIsNone,
    z.coerce.number('Enter a year.').int('Enter a year.').min(2000, 'Enter a year from 2000.').max(2100, 'Enter a year up to 2100.').optional(),
  ),
});
export type TReconciliationQuery = z.infer<typeof ZReconciliationQuery>;

export const ZDiscrepancy = z.object({
  kind: z.enum(DISCREPANCY_KINDS),
  period: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  lineOfBusiness: z.enum(LINES_OF_BUSINESS),
  /** What the schedule makes owed on the premium received; null where the line is judged on its own. */
  owedCents: z.number().int().nullable(),
  paidCents: z.number().int(),
  /** What the producer is still owed (negative: what the carrier may take back). */
  differenceCents: z.number().int(),
  /** One sentence on why, e.g. "Renewal at 10% of $189.50 received". */
  detail: z.string(),
});
export type TDiscrepancy = z.infer<typeof ZDiscrepancy>;

export const ZReconciliation = z.object({
  year: z.number().int(),
  /** The year's months are judged through the carrier's newest statements (YYYY-MM); null: the year has none yet. */
  judgedThrough: ZPeriod.nullable(),
  /** Over the policy-months with premium received and a schedule: what was owed and what was paid. */
  owedCents: z.number().int(),
  paidCents: z.number().int(),
  discrepancies: z.array(ZDiscrepancy),
  totals: z.array(z.object({ kind: z.enum(DISCREPANCY_KINDS), count: z.number().int(), differenceCents: z.number().int() })),
  differenceCents: z.number().int(),
});
export type TReconciliation = z.infer<typeof ZReconciliation>;

// Producer of record at risk (issue 17 §3): GET /api/commissions/por-alerts
export const POR_ALERT_KINDS = ['por-request', 'book-transfer', 'por-changed'] as const;
export const ZPorAlerts = z.object({
  alerts: z.array(
    z.object({
      kind: z.enum(POR_ALERT_KINDS),
      accountNumber: z.string().nullable(),
      accountName: z.string().nullable(),
      since: z.string(),
      /** What happened, in a sentence that names no other producer. */
      detail: z.string(),
    }),
  ),
});
export type TPorAlerts = z.infer<typeof ZPorAlerts>;
