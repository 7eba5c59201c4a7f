// The INTERACTIVE COMMISSION REPORTING TOOL (BK-5, issue 17 §2): commission by month and line of
// business over a range of months, filtered by account, line and transaction type, the accounts it
// paid most on, and the lines behind it as CSV. The caller's own Agent Unique ID only.
import type { TLineOfBusiness } from '../../../shared/book.ts';
import type { TCommissionReport, TReportQuery } from '../../../shared/commission-schemas.ts';
import { csvLine } from '../../platform/csv-writer.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import type { TCaller } from '../../platform/session.ts';
import { auditDownload, commissionProducerOf, csvCells, shiftMonth, linesOf, STATEMENT_CSV_COLUMNS } from './commissions.service.ts';
import { findNewestPeriod, findReportAccounts, findReportCells, type TReportFilter } from './commissions.store.ts';

/** The months the report covers: as asked, else the twelve ending with the newest statement (or this month). */
async function filterOf(deps: TDataDeps, caller: TCaller, query: TReportQuery): Promise<TReportFilter> {
  const { agentUniqueId } = await commissionProducerOf(deps, caller);
  let to = query.to;
  if (to === undefined) {
    const newest = query.from === undefined ? await findNewestPeriod(deps.db, agentUniqueId) : undefined;
    to = newest ?? (query.from === undefined ? deps.clock.now().toISOString().slice(0, 7) : shiftMonth(query.from, 11));
  }
  const from = query.from ?? shiftMonth(to, -11);
  return { agentId: agentUniqueId, from, to, account: query.account, line: query.line, type: query.type };
}

export async function getCommissionReport(deps: TDataDeps, caller: TCaller, query: TReportQuery): Promise<TCommissionReport> {
  const filter = await filterOf(deps, caller, query);
  const [cells, accounts] = await Promise.all([findReportCells(deps.db, filter), findReportAccounts(deps.db, { ...filter, limit: 25 })]);
  const months: TCommissionReport['months'] = [];
  for (let period = filter.from; period <= filter.to; period = shiftMonth(period, 1)) {
    const byLine = cells.filter((c) => c.period === period).map((c) => ({ lineOfBusiness: c.lineOfBusiness as TLineOfBusiness, totalCents: c.totalCents }));
    months.push({ period, totalCents: byLine.reduce((sum, c) => sum + c.totalCents, 0), byLine });
  }
  return {
    from: filter.from,
    to: filter.to,
    months,
    totalCents: cells.reduce((sum, c) => sum + c.totalCents, 0),
    lines: cells.reduce((sum, c) => sum + c.lines, 0),
    accounts,
  };
}

/** The report's lines as CSV: the statement's columns with the month first; streamed, audited. */
export async function reportCsv(deps: TDataDeps, caller: TCaller, query: TReportQuery): Promise<{ fileName: string; rows: AsyncGenerator<string> }> {
  const filter = await filterOf(deps, caller, query);
  await auditDownload(deps, caller, {
    period: `${filter.from}..${filter.to}`,
    format: 'csv',
    filters: { account: filter.account ?? null, line: filter.line ?? null, type: filter.type ?? null },
  });
  async function* rows(): AsyncGenerator<string> {
    yield `\uFEFF${csvLine(['period', ...STATEMENT_CSV_COLUMNS])}`;
    for await (const line of linesOf(deps, filter)) yield csvLine([line.period, ...csvCells(line)]);
  }
  return { fileName: `commission-report-${filter.from}-to-${filter.to}.csv`, rows: rows() };
}
