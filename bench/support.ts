// Shared by the benchmarks that run `portico serve` as its own process.
import { readFileSync } from 'node:fs';

/** Polls `url` (e.g. /readyz) until it answers 2xx; gives up after 30 s. */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start at ${url}`);
}

/**
 * The fields of a Linux /proc/…/stat file after the command name, so `fields[11] + fields[12]`
 * are its own CPU ticks (utime, stime) and `fields[13] + fields[14]` its waited-for children's.
 */
export function procStatFields(path: string): string[] {
  return readFileSync(path, 'utf8').split(') ')[1]?.split(' ') ?? [];
}
