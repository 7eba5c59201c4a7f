// Runs the lifecycle job once a day inside `serve` (LC-2). Every instance schedules it; the
// advisory lock in the run makes only one of them do the work, and a late one finds nothing left.
import type { TDataDeps } from '../../platform/deps.ts';
import { redactQueryParams } from '../../platform/log-safety.ts';
import { runLifecycle, type TLifecycleResult } from './lifecycle.service.ts';

export const LIFECYCLE_HOUR_UTC = 2;

interface TLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export function msUntilNextRun(now: Date, hourUtc = LIFECYCLE_HOUR_UTC): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

/** Schedules the daily run; returns a function that stops it. */
export function scheduleLifecycle(deps: TDataDeps & { publicUrl: string; log: TLog }): () => void {
  let timer: NodeJS.Timeout | undefined;
  const plan = () => {
    timer = setTimeout(() => void runOnce().finally(plan), msUntilNextRun(deps.clock.now()));
    timer.unref();
  };
  const runOnce = async () => {
    try {
      const result: TLifecycleResult = await runLifecycle(deps, { trigger: 'schedule', publicUrl: deps.publicUrl });
      deps.log.info({ lifecycle: result }, result.skipped ? 'lifecycle run skipped' : 'lifecycle run finished');
    } catch (error) {
      deps.log.error({ err: redactQueryParams(error) }, 'lifecycle run failed');
    }
  };
  plan();
  return () => clearTimeout(timer);
}
