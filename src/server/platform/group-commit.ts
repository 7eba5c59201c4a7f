// Group commit: writes that arrive close together share one statement, one transaction and one
// database round trip. Under load a database's cost is per round trip and per commit far more
// than per row (docs/decisions/0012-login-group-commit.md), so a short hold, taken only while
// more writes are on their way, buys throughput for a few milliseconds of latency.

export interface TGroupCommitOptions {
  /** Longest a write waits for company, in milliseconds. */
  holdMs: number;
  /** A batch this large goes at once. */
  maxBatch: number;
  /** Whether more writes are on their way, so a new batch is worth holding; otherwise it goes at once. */
  worthHolding: () => boolean;
}

/** Writes a batch in one transaction; answers one result per item, in order. */
export type TWriteBatch<TItem, TResult> = (items: readonly TItem[]) => Promise<readonly TResult[]>;

interface TPending<TItem, TResult> {
  item: TItem;
  resolve: (result: TResult) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<TItem, TResult> {
  private readonly writeBatch: TWriteBatch<TItem, TResult>;
  private readonly options: TGroupCommitOptions;
  private pending: TPending<TItem, TResult>[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(writeBatch: TWriteBatch<TItem, TResult>, options: TGroupCommitOptions) {
    this.writeBatch = writeBatch;
    this.options = options;
  }

  /** Resolves with the item's result once its batch has committed; rejects if its own write failed. */
  write(item: TItem): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch || (!this.timer && !this.options.worthHolding())) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.holdMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    void this.commit(batch);
  }

  private async commit(batch: readonly TPending<TItem, TResult>[]): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${results.length} results`);
      for (const [i, p] of batch.entries()) p.resolve(results[i] as TResult);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // The whole batch rolled back. Each write is tried alone, so one write's fault (or a
      // deadlock with another instance's batch) fails only that write.
      await Promise.all(batch.map((p) => this.commit([p])));
    }
  }
}
