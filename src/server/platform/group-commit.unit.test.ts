import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BatchAnswerMismatch, GroupCommit, type TGroupCommitOptions } from './group-commit.ts';

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

function options(overrides: Partial<TGroupCommitOptions>): TGroupCommitOptions {
  return { holdMs: 10, maxBatch: 4, worthHolding: () => true, retryAlone: () => true, ...overrides };
}

const outcomes = (settled: PromiseSettledResult<number>[]) => settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message));

describe('GroupCommit', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes at once when no more writes are on their way', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, options({ worthHolding: () => false }));
    await expect(group.write(1)).resolves.toBe(10);
    expect(batches).toEqual([[1]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds a batch while more are on their way, then writes the ones that came together', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, options({}));
    const first = group.write(1);
    await vi.advanceTimersByTimeAsync(6);
    const second = group.write(2);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(4); // 10 ms after the first, not after the second
    expect(batches).toEqual([[1, 2]]);
    await expect(Promise.all([first, second])).resolves.toEqual([10, 20]);
  });

  it('sends a held batch with the first write that finds nothing more on its way', async () => {
    const { batches, write } = recordingWriter();
    let more = true;
    const group = new GroupCommit(write, options({ worthHolding: () => more }));
    const first = group.write(1);
    more = false;
    const second = group.write(2);
    expect(batches).toEqual([[1, 2]]);
    expect(vi.getTimerCount()).toBe(0);
    await expect(Promise.all([first, second])).resolves.toEqual([10, 20]);
  });

  it('writes a full batch without waiting out the hold', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, options({ maxBatch: 2 }));
    const results = Promise.all([group.write(1), group.write(2)]);
    expect(batches).toEqual([[1, 2]]);
    expect(vi.getTimerCount()).toBe(0);
    const third = group.write(3);
    await vi.advanceTimersByTimeAsync(10);
    expect(batches).toEqual([[1, 2], [3]]);
    await expect(Promise.all([results, third])).resolves.toEqual([[10, 20], 30]);
  });

  it('tries each write of a failed batch alone, so only the faulty one fails', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, options({ maxBatch: 3 }));
    const settled = Promise.allSettled([group.write(1), group.write(-2), group.write(3)]);
    expect(outcomes(await settled)).toEqual([10, 'bad item', 30]);
    expect(batches).toEqual([[1, -2, 3], [1], [-2], [3]]);
  });

  it('fails the whole batch, untried, on an error not worth retrying (the database unreachable)', async () => {
    const { batches, write } = recordingWriter();
    const group = new GroupCommit(write, options({ maxBatch: 2, retryAlone: () => false }));
    const settled = Promise.allSettled([group.write(1), group.write(-2)]);
    expect(outcomes(await settled)).toEqual(['bad item', 'bad item']);
    expect(batches).toEqual([[1, -2]]);
  });

  it('never retries a batch answered with the wrong number of results: it may have committed', async () => {
    const batches: number[][] = [];
    const group = new GroupCommit(
      (items: readonly number[]) => {
        batches.push([...items]);
        return Promise.resolve([1]);
      },
      options({ maxBatch: 2 }),
    );
    const settled = Promise.allSettled([group.write(1), group.write(2)]);
    expect((await settled).map((s) => s.status === 'rejected' && s.reason instanceof BatchAnswerMismatch)).toEqual([true, true]);
    expect(batches).toEqual([[1, 2]]);
  });
});
