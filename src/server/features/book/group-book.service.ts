// A group producer's Book of Business (issue 16 §2, producers portal): the employer groups the
// producer ID is producer of record for, with their group policies and premium payment status.
// Every user of the producer ID sees it; another producer ID's group answers 404.
import type { TEmployerCoverage, TGroupDetail, TGroupPage, TGroupSearch, TGroupSummary } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS, type TLineOfBusiness } from '../../../shared/book.ts';
import { auditedCsv, type TExporter } from './book-export.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, type TPolicyActor } from '../../platform/policy.ts';
import { pageTotal, policyViews, producerOf, type TBookDeps } from './book.service.ts';
import { findGroupById, findGroupInScope, searchGroups, type TGroupRow, type TGroupWithPolicies } from './group-book.store.ts';
import { formatCents } from '../../../shared/request-fields.ts';

/** Who asks: every group view needs only the actor (and, for an export, where from). */
export type TGroupBookCaller = TExporter;

async function agentIdOf(deps: TBookDeps, actor: TPolicyActor): Promise<string> {
  return (await producerOf(deps, actor, 'book.groups.view')).agentId;
}

function groupView(row: TGroupRow): TGroupSummary {
  return {
    accountNumber: row.account_number,
    name: row.name,
    state: row.state,
    lineOfBusiness: row.line_of_business as TLineOfBusiness | null,
    effectiveDate: row.effective_date,
    employeeCount: row.employee_count,
    policies: row.policies,
    monthlyPremiumCents: Number(row.premium),
    pastDue: row.past_due,
  };
}

export async function searchBookGroups(deps: TBookDeps, caller: TGroupBookCaller & { query: TGroupSearch }): Promise<TGroupPage> {
  return bookGroupsOf(deps, await agentIdOf(deps, caller.actor), caller.query);
}

// The views below read the groups of an Agent Unique ID, whoever chose it: the signed-in user's
// producer ID (above) or a staff member's choice (staff-book.service.ts). They check nothing themselves.

export async function bookGroupsOf(deps: TBookDeps, agentId: string, query: TGroupSearch): Promise<TGroupPage> {
  const rows = await searchGroups(deps.db, agentId, query);
  const total = await pageTotal(rows, query.page, async () => searchGroups(deps.db, agentId, { ...query, page: 1 }));
  return { items: rows.map(groupView), page: query.page, pageSize: query.pageSize, total };
}

export async function getBookGroup(deps: TBookDeps, caller: TGroupBookCaller & { accountNumber: string }): Promise<TGroupDetail> {
  const group = await bookGroupOf(deps, await agentIdOf(deps, caller.actor), caller.accountNumber);
  if (!group) throw new AppError('book.group_not_found');
  return group;
}

/** The group if the Agent Unique ID is its producer of record; undefined otherwise (the caller answers 404). */
export async function bookGroupOf(deps: TBookDeps, agentId: string, accountNumber: string): Promise<TGroupDetail | undefined> {
  const found = await findGroupInScope(deps.db, agentId, accountNumber);
  return found ? groupDetailOf(found) : undefined;
}

function groupDetailOf({ group, policies, payments }: TGroupWithPolicies): TGroupDetail {
  return {
    accountNumber: group.account_number,
    name: group.name,
    state: group.state,
    lineOfBusiness: group.line_of_business as TLineOfBusiness | null,
    effectiveDate: group.effective_date,
    employeeCount: group.employee_count,
    policies: policyViews(policies, payments),
  };
}

/** Issue 16 §3: an employers-portal user's own group: its coverage, producer of record and premium payments. */
export async function getEmployerCoverage(deps: TBookDeps, caller: TGroupBookCaller): Promise<TEmployerCoverage> {
  assertCan(caller.actor, 'book.coverage.view');
  const found = caller.actor.groupId === null ? undefined : await findGroupById(deps.db, caller.actor.groupId);
  if (!found) throw new AppError('auth.forbidden');
  const { group } = found;
  return {
    ...groupDetailOf(found),
    producerOfRecord: group.por_agent_id ? { agentId: group.por_agent_id, name: group.por_name ?? '', agency: group.por_agency } : null,
  };
}

const GROUP_CSV_COLUMNS = [
  'Account Number',
  'Group Name',
  'State',
  'Line of Business',
  'Effective Date',
  'Employees',
  'Policies',
  'Monthly Premium',
  'Premium Status',
];

/** Every group the search finds, as CSV; audited like the client export. */
export async function exportBookGroups(
  deps: TBookDeps,
  caller: TGroupBookCaller & { query: TGroupSearch },
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  return bookGroupsCsvOf(deps, { agentId: await agentIdOf(deps, caller.actor), by: caller, query: caller.query });
}

export function bookGroupsCsvOf(
  deps: TBookDeps,
  { agentId, by, query }: { agentId: string; by: TExporter; query: TGroupSearch },
): { filename: string; chunks: AsyncIterable<string> } {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const today = deps.clock.now().toISOString().slice(0, 10);
  const chunks = auditedCsv({
    columns: GROUP_CSV_COLUMNS,
    page: async (page, pageSize) => (await searchGroups(deps.db, agentId, { ...filters, page, pageSize })).map(groupView),
    line: (row) => [
      row.accountNumber,
      row.name,
      row.state,
      row.lineOfBusiness ? LINE_OF_BUSINESS_LABELS[row.lineOfBusiness] : '',
      row.effectiveDate,
      row.employeeCount === null ? '' : String(row.employeeCount),
      String(row.policies),
      formatCents(row.monthlyPremiumCents),
      row.pastDue ? 'Past due' : 'Current',
    ],
    audit: { deps, by, action: 'book.groups_exported', target: `groups of ${agentId}`, filters },
  });
  return { filename: `groups-${agentId}-${today}.csv`, chunks };
}
