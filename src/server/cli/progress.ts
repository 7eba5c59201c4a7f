// A long command's progress on stderr (cli-progress): a bar with rows, rows/s and the ETA on a
// terminal, plain progress lines when stderr is not one (noTTYOutput), so CI logs show it too.
import { SingleBar } from 'cli-progress';

export interface TProgress {
  /** `done` counts in the unit of `total` (bytes of a file, or rows); `rows` is what the line shows. */
  update(progress: { rows: number; done: number }): void;
  /** A line above the bar on a terminal; as it is elsewhere. */
  log(line: string): void;
  stop(): void;
}

export function progressBar(options: { total: number; label?: string }): TProgress {
  const label = options.label ? `${options.label} ` : '';
  const bar = new SingleBar({
    stream: process.stderr,
    noTTYOutput: true,
    hideCursor: true,
    format: `  ${label}{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta}`,
  });
  const total = Math.max(options.total, 1);
  const started = performance.now();
  let running = false;
  return {
    update({ rows, done }) {
      const seconds = Math.max((performance.now() - started) / 1000, 0.001);
      const rate = Math.round(rows / seconds);
      // Our own ETA from the whole run so far: cli-progress's recent-window ETA reads "NULL" when
      // a window saw no progress, and it sees none before the first batch.
      const eta = done > 0 ? formatSeconds((seconds * Math.max(total - done, 0)) / done) : '…';
      // The first line shows the first batch done (an operator, or a test, sees work committed).
      if (!running) bar.start(total, Math.min(done, total), { rows, rate, eta });
      else bar.update(Math.min(done, total), { rows, rate, eta });
      running = true;
    },
    log(line) {
      process.stderr.write(`${line}\n`);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

/** 95 → "1m35s", 7 → "7s", 4000 → "1h06m". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
