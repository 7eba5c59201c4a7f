// The lifecycle job (LC-1 … LC-3): per portal, delete disabled IDs unused for more than 400 days,
// disable IDs unused for more than 180, warn those about to be disabled — set-based, idempotent,
// once across instances, with a record of each run. Days are counted in UTC calendar days.
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { TUserScope } from '../../platform/policy.ts';
import { getPortals, type TPortal } from '../portals/portals.service.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { purgeOldMessages } from '../../platform/outbox/index.ts';
import { purgeExpiredSessions } from '../identity/sessions.service.ts';
import { lifecycleWarningTemplate } from './lifecycle-email.ts';
import {
  deleteInactive,
  disableInactive,
  findUpcoming,
  previewDeletions,
  previewDisables,
  previewWarnings,
  purgeStaleLoginAttempts,
  recordRun,
  tryLifecycleLock,
  warnInactive,
  type TDeletionRule,
  type TPortalRule,
  type TPreview,
  type TRunTime,
  type TUpcomingRow,
  type TWarningRule,
} from './lifecycle.store.ts';

export const LIFECYCLE_ACTIONS = ['deleted', 'disabled', 'warned'] as const;
export type TLifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export interface TPortalOutcome {
  portalId: TPortalId;
  counts: Record<TLifecycleAction, number>;
  /** Dry runs only: up to 20 user names per action, to say who would be affected. */
  samples?: Record<TLifecycleAction, string[]>;
}

export type TLifecycleResult = { skipped: true; reason: string } | { skipped: false; asOf: string; dryRun: boolean; portals: TPortalOutcome[] };

export interface TRunLifecycleInput {
  /** YYYY-MM-DD; defaults to today (UTC) by the clock. */
  asOf?: string | undefined;
  dryRun?: boolean;
  trigger: 'cli' | 'schedule' | 'api' | 'test';
  publicUrl: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseAsOf(value: string | undefined, now: Date): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new AppError('request.invalid', {
      message: `--as-of must be a date like 2026-11-22, not "${value}".`,
      fields: [{ field: 'asOf', message: 'Use the form YYYY-MM-DD.' }],
    });
  }
  return value;
}

/** The day `days` before the as-of day: IDs last used before it are more than `days` days inactive. */
export function cutoff(asOf: string, days: number): string {
  const [y, m, d] = asOf.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - days)).toISOString().slice(0, 10);
}

function rulesFor(portal: TPortal, asOf: string) {
  const { policy } = portal;
  const base = { portalId: portal.id, exemptRoles: policy.lifecycleExemptRoles };
  // Only IDs disabled before the as-of day are deleted, so a second run on the same day does not
  // delete what the first one just disabled (idempotence), and a disabled ID is always seen for a day.
  const deletion: TDeletionRule = { ...base, cutoff: cutoff(asOf, policy.deleteAfterDays), disabledBefore: new Date(`${asOf}T00:00:00Z`) };
  const disabling: TPortalRule = { ...base, cutoff: cutoff(asOf, policy.disableAfterDays) };
  const warning: TWarningRule = {
    ...base,
    // Disabled on day disableAfterDays + 1; warned warningDays before that.
    cutoff: cutoff(asOf, policy.disableAfterDays - policy.lifecycleWarningDays),
    disableCutoff: disabling.cutoff,
    disableAfterDays: policy.disableAfterDays,
  };
  return { deletion, disabling, warning };
}

export async function runLifecycle(deps: TDataDeps, input: TRunLifecycleInput): Promise<TLifecycleResult> {
  const startedAt = deps.clock.now();
  const asOf = parseAsOf(input.asOf, startedAt);
  const dryRun = input.dryRun ?? false;
  const portals = (await getPortals(deps.db)).filter((p) => p.policy.lifecycleEnabled);
  // IDs are stamped as of the run's day (at the current time of day), so a run with --as-of
  // behaves on that day exactly like the daily run would, and repeating it changes nothing.
  const time: TRunTime = { now: startedAt, effective: new Date(`${asOf}T${startedAt.toISOString().slice(11)}`), asOf };
  return deps.db.transaction(async (tx): Promise<TLifecycleResult> => {
    if (!(await tryLifecycleLock(tx))) return { skipped: true, reason: 'another lifecycle run is in progress' };
    const outcomes: TPortalOutcome[] = [];
    for (const portal of portals) {
      const { deletion, disabling, warning } = rulesFor(portal, asOf);
      if (dryRun) {
        // One after the other: a transaction is one connection.
        const deleted = await previewDeletions(tx, deletion);
        const disabled = await previewDisables(tx, disabling);
        const warned = await previewWarnings(tx, warning);
        outcomes.push(previewOutcome(portal.id, { deleted, disabled, warned }));
        continue;
      }
      // Deletion first, so an ID disabled today is not also deleted today.
      const deleted = await deleteInactive(tx, deletion, time);
      const disabled = await disableInactive(tx, disabling, time);
      const warned = await warnInactive(tx, { rule: warning, template: lifecycleWarningTemplate(portal, input.publicUrl), time });
      outcomes.push({ portalId: portal.id, counts: { deleted, disabled, warned } });
    }
    if (!dryRun) {
      // Daily housekeeping rides along: old failure counters, expired sessions, sent e-mail.
      await purgeStaleLoginAttempts(tx, new Date(time.effective.getTime() - 30 * 86_400_000));
      await purgeExpiredSessions(tx, startedAt);
      await purgeOldMessages(tx, startedAt);
    }
    await recordRun(tx, {
      asOf,
      dryRun,
      trigger: input.trigger,
      startedAt,
      finishedAt: deps.clock.now(),
      counts: Object.fromEntries(outcomes.map((o) => [o.portalId, o.counts])),
    });
    return { skipped: false, asOf, dryRun, portals: outcomes };
  });
}

function previewOutcome(portalId: TPortalId, previews: Record<TLifecycleAction, TPreview>): TPortalOutcome {
  return {
    portalId,
    counts: { deleted: previews.deleted.count, disabled: previews.disabled.count, warned: previews.warned.count },
    samples: { deleted: previews.deleted.sample, disabled: previews.disabled.sample, warned: previews.warned.sample },
  };
}

export interface TUpcomingInput {
  asOf: Date;
  days: number;
  /** Whom the reader may see (the policy's `userScope`); required, so no report is wider than the user search. */
  scope: TUserScope;
  portalId?: string | undefined;
  page: number;
  pageSize: number;
}

/** The staff console's report: IDs the job will disable or delete within `days` of `asOf`. */
export async function reportUpcomingLifecycle(deps: TDataDeps, input: TUpcomingInput): Promise<{ total: number; rows: TUpcomingRow[] }> {
  const asOf = input.asOf.toISOString().slice(0, 10);
  const until = cutoff(asOf, -input.days);
  const { scope } = input;
  const portals = (await getPortals(deps.db)).filter(
    (p) => p.policy.lifecycleEnabled && scope.portals.includes(p.id) && (!input.portalId || p.id === input.portalId),
  );
  const rules = portals.map((p) => ({
    portalId: p.id,
    exemptRoles: p.policy.lifecycleExemptRoles,
    disableAfterDays: p.policy.disableAfterDays,
    deleteAfterDays: p.policy.deleteAfterDays,
  }));
  const tenant = { producerId: scope.producerId, groupId: scope.groupId, roles: scope.roles };
  return findUpcoming(deps.db, rules, { until, tenant, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
}
