// A producer's commissions (BK-5, issue 17 §2): the summary, the monthly statements, one statement
// with its totals and lines, and the statement as CSV and PDF. Everything is the caller's own Agent
// Unique ID's; a producer ID's sub-user sees it only once their Primary Producer allowed it.
import type { TLineOfBusiness } from '../../../shared/book.ts';
import type { TCommissionSummary, TMonthTotal, TStatement, TStatementLine, TStatementList, TStatementQuery } from '../../../shared/commission-schemas.ts';
import type { TCalculationMethod, TCommissionTransactionType, TFundingType } from '../../../shared/commissions.ts';
import { PORTAL_DEFINITIONS } from '../../../shared/portals.ts';
import { recordAudit } from '../../platform/audit.ts';
import { csvLine } from '../../platform/csv-writer.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TCaller } from '../../platform/session.ts';
import {
  findCommissionProducer,
  findMonthTotals,
  findReportLines,
  findStatementLines,
  findStatementTotals,
  hasCommissionAccess,
  type TCommissionProducer,
  type TReportFilter,
  type TStatementLineRow,
} from './commissions.store.ts';
import { renderStatementPdf } from './statement-pdf.ts';

/** The caller's producer, once the policy and (for a sub-user) their Primary Producer allow it. */
export async function commissionProducerOf(deps: TDataDeps, caller: TCaller): Promise<TCommissionProducer> {
  const { actor } = caller;
  assertCan(actor, 'commissions.view');
  if (actor.role === 'producer-user' && !(await hasCommissionAccess(deps.db, actor.id))) throw new AppError('commissions.not_allowed');
  const producer = actor.producerId === null ? undefined : await findCommissionProducer(deps.db, actor.producerId);
  if (!producer) throw new AppError('auth.forbidden');
  return producer;
}

/** YYYY-MM `months` before (negative) or after `period`. */
export function shiftMonth(period: string, months: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** COMMISSIONS on the dashboard: the newest statement, its year to date, and the twelve months it ends. */
export async function getCommissionSummary(deps: TDataDeps, caller: TCaller): Promise<TCommissionSummary> {
  const { agentUniqueId } = await commissionProducerOf(deps, caller);
  return commissionSummaryOf(deps, agentUniqueId);
}

/** The summary of the producer with that Agent Unique ID; whoever calls it has checked who may see it. */
export async function commissionSummaryOf(deps: TDataDeps, agentUniqueId: string): Promise<TCommissionSummary> {
  // Every month, newest first: the newest is the last statement, and the twelve it ends are among them.
  const months = await findMonthTotals(deps.db, { agentId: agentUniqueId });
  const [newest] = months;
  if (!newest) return { lastStatement: null, yearToDateCents: 0, year: null, lastTwelveMonths: [] };
  const first = shiftMonth(newest.period, -11);
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  const lastTwelveMonths: TMonthTotal[] = Array.from({ length: 12 }, (_, i) => {
    const period = shiftMonth(first, i);
    return byPeriod.get(period) ?? { period, totalCents: 0, lines: 0 };
  });
  const year = newest.period.slice(0, 4);
  // The months before `first` in the same year cannot exist: twelve months back always reach January.
  const yearToDateCents = lastTwelveMonths.filter((m) => m.period.startsWith(year)).reduce((sum, m) => sum + m.totalCents, 0);
  return { lastStatement: newest, yearToDateCents, year: Number(year), lastTwelveMonths };
}

export async function listStatements(deps: TDataDeps, caller: TCaller): Promise<TStatementList> {
  const { agentUniqueId } = await commissionProducerOf(deps, caller);
  return statementsOf(deps, agentUniqueId);
}

/** Every month with a statement for that Agent Unique ID, newest first; whoever calls it has checked who may see it. */
export async function statementsOf(deps: TDataDeps, agentUniqueId: string): Promise<TStatementList> {
  return { items: await findMonthTotals(deps.db, { agentId: agentUniqueId }) };
}

export function toLine(row: TStatementLineRow): TStatementLine {
  return {
    lineNumber: row.line_number,
    accountNumber: row.account_number,
    groupNumber: row.group_number,
    accountName: row.account_name,
    originalEffectiveDate: row.original_effective_date,
    producerEffectiveDate: row.producer_effective_date,
    cancelDate: row.cancel_date,
    productName: row.product_name,
    lineOfBusiness: row.line_of_business as TLineOfBusiness,
    fundingType: row.funding_type as TFundingType | null,
    calculationMethod: row.calculation_method as TCalculationMethod,
    contracts: row.contracts,
    premiumBasisCents: row.premium_basis_cents === null ? null : Number(row.premium_basis_cents),
    rate: row.rate,
    splitPercent: row.split_percent,
    transactionType: row.transaction_type as TCommissionTransactionType,
    amountCents: Number(row.amount_cents),
  };
}

/** A statement's producer, totals and counts; 404 for a month without one. */
async function statementOf(deps: TDataDeps, caller: TCaller, period: string) {
  const producer = await commissionProducerOf(deps, caller);
  const totals = await findStatementTotals(deps.db, { agentId: producer.agentUniqueId, period });
  const lines = totals.byLine.reduce((sum, row) => sum + row.lines, 0);
  if (lines === 0) throw new AppError('commissions.statement_not_found');
  const totalCents = totals.byLine.reduce((sum, row) => sum + row.totalCents, 0);
  return {
    producer,
    period,
    totalCents,
    lines,
    byLine: totals.byLine as TStatement['byLine'],
    byType: totals.byType as TStatement['byType'],
  };
}

export async function getStatement(deps: TDataDeps, caller: TCaller, input: { period: string } & TStatementQuery): Promise<TStatement> {
  const statement = await statementOf(deps, caller, input.period);
  const rows = await findStatementLines(deps.db, {
    agentId: statement.producer.agentUniqueId,
    period: input.period,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  return { ...statement, items: rows.map(toLine), page: input.page, pageSize: input.pageSize, total: statement.lines };
}

/** Lines read at a time for a download. */
const BATCH = 2_000;

/** Every line the filter covers, in (period, line number) order, read a batch at a time by key, not by offset. */
export async function* linesOf(deps: TDataDeps, filter: TReportFilter): AsyncGenerator<TStatementLine & { period: string }> {
  let after: { period: string; lineNumber: number } | undefined;
  for (;;) {
    const batch = await findReportLines(deps.db, { ...filter, limit: BATCH, ...(after ? { after } : {}) });
    yield* batch.map((row) => ({ ...toLine(row), period: row.period }));
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    after = { period: last.period, lineNumber: last.line_number };
  }
}

const wholeStatement = (agentId: string, period: string): TReportFilter => ({ agentId, from: period, to: period });

export async function auditDownload(
  deps: TDataDeps,
  caller: TCaller,
  input: { period: string; format: 'csv' | 'pdf'; lines?: number; filters?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(deps.db, {
    action: 'commissions.statement_downloaded',
    occurredAt: deps.clock.now(),
    portalId: caller.actor.portalId,
    actor: { id: caller.actor.id, label: caller.actor.username },
    target: { label: input.filters ? `commission report ${input.period}` : `commission statement ${input.period}` },
    ipAddress: caller.ipAddress,
    requestId: caller.requestId,
    details: input,
  });
}

export const STATEMENT_CSV_COLUMNS = [
  'line_number',
  'account_number',
  'group_number',
  'account_name',
  'original_effective_date',
  'producer_effective_date',
  'cancel_date',
  'product_name',
  'line_of_business',
  'funding_type',
  'calculation_method',
  'contracts',
  'premium_basis',
  'rate',
  'split_percent',
  'transaction_type',
  'amount',
] as const;

const dollars = (cents: number | null) => (cents === null ? null : (cents / 100).toFixed(2));

/** A line's cells in STATEMENT_CSV_COLUMNS' order. */
export function csvCells(l: TStatementLine): (string | null)[] {
  return [
    String(l.lineNumber),
    l.accountNumber,
    l.groupNumber,
    l.accountName,
    l.originalEffectiveDate,
    l.producerEffectiveDate,
    l.cancelDate,
    l.productName,
    l.lineOfBusiness,
    l.fundingType,
    l.calculationMethod,
    l.contracts === null ? null : String(l.contracts),
    dollars(l.premiumBasisCents),
    l.rate,
    l.splitPercent,
    l.transactionType,
    dollars(l.amountCents),
  ];
}

/** The statement's lines as the feed's own columns (a file that loads back as it came). */
export async function statementCsv(deps: TDataDeps, caller: TCaller, period: string): Promise<{ fileName: string; rows: AsyncGenerator<string> }> {
  const statement = await statementOf(deps, caller, period);
  await auditDownload(deps, caller, { period, format: 'csv', lines: statement.lines });
  async function* rows(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(STATEMENT_CSV_COLUMNS)}`;
    for await (const line of linesOf(deps, wholeStatement(statement.producer.agentUniqueId, period))) yield csvLine(csvCells(line));
  }
  return { fileName: `commission-statement-${period}.csv`, rows: rows() };
}

export async function statementPdf(deps: TDataDeps, caller: TCaller, period: string): Promise<{ fileName: string; bytes: Buffer }> {
  const statement = await statementOf(deps, caller, period);
  const lines: TStatementLine[] = [];
  for await (const line of linesOf(deps, wholeStatement(statement.producer.agentUniqueId, period))) lines.push(line);
  const bytes = await renderStatementPdf({ ...statement, carrier: PORTAL_DEFINITIONS.producers.name, lines });
  await auditDownload(deps, caller, { period, format: 'pdf', lines: statement.lines });
  return { fileName: `commission-statement-${period}.pdf`, bytes };
}
