// Shared by the benchmarks that run `portico serve` as its own process.

/** Polls `url` (e.g. /readyz) until it answers 2xx; gives up after 30 s. */
export async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start at ${url}`);
}
