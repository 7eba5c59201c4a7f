// The staff console's lifecycle report: who the job (LC-1) will disable or delete soon.
import type { TDataDeps } from '../../platform/deps.ts';
import { userScope, type TPolicyActor } from '../../platform/policy.ts';
import type { TLifecycleReportPage, TLifecycleReportQuery } from '../../../shared/user-admin-schemas.ts';
import { reportUpcomingLifecycle } from '../lifecycle/lifecycle.service.ts';

export async function reportLifecycle(deps: TDataDeps, input: { actor: TPolicyActor; query: TLifecycleReportQuery }): Promise<TLifecycleReportPage> {
  // The user search's scope: a portal outside it lists nobody, as `/api/staff/users?portal=` does.
  const scope = userScope(input.actor, 'lifecycle.report');
  const { query } = input;
  const asOf = deps.clock.now();
  const { total, rows } = await reportUpcomingLifecycle(deps, {
    asOf,
    days: query.days,
    scope,
    portalId: query.portal,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      portal: r.portalId,
      username: r.username,
      displayName: `${r.firstName} ${r.lastName}`.trim() || r.username,
      role: r.role,
      status: r.status,
      action: r.action,
      dueOn: r.dueOn,
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    asOf: asOf.toISOString().slice(0, 10),
    days: query.days,
  };
}
