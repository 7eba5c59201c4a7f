// Runs the upload sweep once a day inside `serve`, an hour after the lifecycle job. Every instance
// schedules it; removals are idempotent, so two instances sweeping at once only repeat work.
import type { TServiceDeps } from '../../platform/deps.ts';
import { redactQueryParams } from '../../platform/log-safety.ts';
import { sweepUploads } from './uploads-sweep.ts';

export const SWEEP_HOUR_UTC = 3;

interface TLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export function msUntilNextSweep(now: Date, hourUtc = SWEEP_HOUR_UTC): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

/** Schedules the daily sweep; returns a function that stops it. */
export function scheduleUploadSweep(deps: TServiceDeps & { log: TLog }): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => void runOnce().finally(plan), msUntilNextSweep(deps.clock.now()));
    timer.unref();
  };
  const runOnce = async () => {
    try {
      const result = await sweepUploads(deps, { now: deps.clock.now() });
      deps.log.info({ uploadSweep: result }, 'upload sweep finished');
    } catch (error) {
      deps.log.error({ err: redactQueryParams(error) }, 'upload sweep failed');
    }
  };
  plan();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
