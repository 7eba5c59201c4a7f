// Commissions (BK-5) as the web uses them; shapes and routes are src/shared/commission-schemas.ts's.
import {
  ZCommissionAccess,
  ZCommissionGrants,
  ZCommissionReport,
  ZCommissionSummary,
  ZPorAlerts,
  ZReconciliation,
  ZStatement,
  ZStatementList,
  type TCommissionAccess,
  type TCommissionGrants,
  type TCommissionReport,
  type TCommissionSummary,
  type TPorAlerts,
  type TReconciliation,
  type TReconciliationQuery,
  type TStatement,
  type TStatementList,
  type TStatementQuery,
  type TReportQuery,
} from '../../../shared/commission-schemas.ts';
import { apiRequest, isApiError, queryString } from '../../api.ts';
import { MONTH_PATTERN } from '../../../shared/request-fields.ts';

/**
 * Whose commissions a commissions component shows: the signed-in producer's own by default; the
 * staff console gives the same components a producer's, read through /api/staff/commissions/….
 */
export interface TCommissionSource {
  /** The API's prefix of the summary, statement list and reconciliation: /api/commissions for the user's own. */
  api: string;
  /** The user's own (they may act on them: open a statement, file a dispute), or a producer's read by staff. */
  own: boolean;
}

export const OWN_COMMISSIONS: TCommissionSource = { api: '/api/commissions', own: true };

export function staffCommissionSource(agentId: string): TCommissionSource {
  return { api: `/api/staff/commissions/producers/${encodeURIComponent(agentId)}`, own: false };
}

export const commissionKeys = {
  all: ['commissions'] as const,
  summary: ['commissions', 'summary'] as const,
  statements: (source: TCommissionSource = OWN_COMMISSIONS) => ['commissions', 'statements', source.api] as const,
  statement: (period: string, query: Partial<TStatementQuery>) => ['commissions', 'statement', period, query] as const,
  grants: ['commissions', 'grants'] as const,
  porAlerts: ['commissions', 'por-alerts'] as const,
  report: (query: TReportQuery) => ['commissions', 'report', query] as const,
  reconciliation: (query: TReconciliationQuery, source: TCommissionSource) => ['commissions', 'reconciliation', source.api, query] as const,
};

export function fetchCommissionSummary(): Promise<TCommissionSummary> {
  return apiRequest('/api/commissions/summary', { schema: ZCommissionSummary });
}

export function fetchStatements(source: TCommissionSource = OWN_COMMISSIONS): Promise<TStatementList> {
  return apiRequest(`${source.api}/statements`, { schema: ZStatementList });
}

export function fetchStatement(period: string, query: Partial<TStatementQuery>): Promise<TStatement> {
  return apiRequest(`/api/commissions/statements/${encodeURIComponent(period)}${queryString(query)}`, { schema: ZStatement });
}

export function fetchReport(query: TReportQuery): Promise<TCommissionReport> {
  return apiRequest(`/api/commissions/report${queryString(query)}`, { schema: ZCommissionReport });
}

export function fetchReconciliation(query: TReconciliationQuery, source: TCommissionSource = OWN_COMMISSIONS): Promise<TReconciliation> {
  return apiRequest(`${source.api}/reconciliation${queryString(query)}`, { schema: ZReconciliation });
}

export function fetchPorAlerts(): Promise<TPorAlerts> {
  return apiRequest('/api/commissions/por-alerts', { schema: ZPorAlerts });
}

export function statementFileUrl(period: string, format: 'csv' | 'pdf'): string {
  return `/api/commissions/statements/${encodeURIComponent(period)}/${format}`;
}

/** Which of the producer ID's sub-users may see commissions: one request for the Password Manager's column. */
export function fetchCommissionGrants(): Promise<TCommissionGrants> {
  return apiRequest('/api/producers/commission-access', { schema: ZCommissionGrants });
}

export function changeCommissionAccess(userId: string, allowed: boolean): Promise<TCommissionAccess> {
  return apiRequest(`/api/producers/users/${encodeURIComponent(userId)}/commission-access`, { method: 'PUT', body: { allowed }, schema: ZCommissionAccess });
}

/** "March 2026" for 2026-03; anything that is not a month is shown as it is. */
export function monthName(period: string): string {
  const date = new Date(`${period}-01T00:00:00Z`);
  if (!MONTH_PATTERN.test(period) || Number.isNaN(date.getTime())) return period;
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Told plainly, not as an alarm: a sub-user whose Primary Producer has not given them commissions. */
export function isNotAllowed(error: unknown): boolean {
  return isApiError(error) && error.code === 'commissions.not_allowed';
}
