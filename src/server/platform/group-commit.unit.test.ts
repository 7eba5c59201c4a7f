import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GroupCommit } from './group-commit.ts';

/** A batch writer that records each batch and answers `item * 10`, failing any batch holding a negative item. */
function recordingWriter() {
  const batches: number[][] = [];
  const write = (items: readonly number[]) => {
    batches.push([...items]);
    if (items.some((i) => i < 0)) return Promise.reject(new Error('bad item'));
    return Promise.resolve(items.map((i) => i * 10));
  };
  return { batches, write };
}

describe('GroupCommit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes at once when no more writes are on their way', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, { holdMs: 10, maxBatch: 4, worthHolding: () => false });
    await expect(group.write(1)).resolves.toBe(10);
    expect(batches).toEqual([[1]]);
  });

  it('holds a batch while more are on their way, then writes the ones that came together', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, { holdMs: 10, maxBatch: 4, worthHolding: () => true });
    const first = group.write(1);
    await vi.advanceTimersByTimeAsync(6);
    const second = group.write(2);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(4); // 10 ms after the first, not after the second
    expect(batches).toEqual([[1, 2]]);
    await expect(Promise.all([first, second])).resolves.toEqual([10, 20]);
  });

  it('writes a full batch without waiting out the hold', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, { holdMs: 10, maxBatch: 2, worthHolding: () => true });
    const results = Promise.all([group.write(1), group.write(2), group.write(3)]);
    expect(batches).toEqual([[1, 2]]);
    await vi.advanceTimersByTimeAsync(10);
    expect(batches).toEqual([[1, 2], [3]]);
    await expect(results).resolves.toEqual([10, 20, 30]);
  });

  it('tries each write of a failed batch alone, so only the faulty one fails', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, { holdMs: 10, maxBatch: 3, worthHolding: () => true });
    const outcomes = Promise.allSettled([group.write(1), group.write(-2), group.write(3)]);
    await vi.advanceTimersByTimeAsync(0);
    const settled = await outcomes;
    expect(batches).toEqual([[1, -2, 3], [1], [-2], [3]]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([10, 'bad item', 30]);
  });

  it('fails a write whose batch answers the wrong number of results', async () => {
    const group = new GroupCommit(() => Promise.resolve([]), { holdMs: 10, maxBatch: 2, worthHolding: () => false });
    await expect(group.write(1)).rejects.toThrow('a batch of 1 answered 0 results');
  });
});
