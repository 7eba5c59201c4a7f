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
    format: `  ${label}{bar} {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
  });
  const total = Math.max(options.total, 1);
  const started = performance.now();
  let running = false;
  return {
    update({ rows, done }) {
      const rate = Math.round(rows / Math.max((performance.now() - started) / 1000, 0.001));
      // The first line shows the first batch done (an operator, or a test, sees work committed).
      if (!running) bar.start(total, Math.min(done, total), { rows, rate });
      else bar.update(Math.min(done, total), { rows, rate });
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
