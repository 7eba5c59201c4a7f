// Answers that must not reveal whether anything matched (ID-6, ID-7) take the same time either
// way: the work runs, then the answer waits until a fixed floor has passed.
export async function withMinimumDuration<T>(floorMs: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = floorMs - (performance.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
