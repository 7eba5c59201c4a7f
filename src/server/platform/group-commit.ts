// Group commit: writes that arrive close together share one statement, one transaction and one
// database round trip. Under load a database's cost is per round trip and per commit far more
// than per row (docs/decisions/0012-login-group-commit.md), so a short hold, taken only while
// more writes are on their way, buys throughput where clients are already queueing.

export interface TGroupCommitOptions {
  /** Longest a write waits for company, in milliseconds. */
  holdMs: number;
  /** A batch this large goes at once. */
  maxBatch: number;
  /**
   * Whether more writes are on their way, asked at every write: while it says yes the batch is
   * held (at most holdMs); the first write that finds it no sends the batch with itself.
   */
  worthHolding: () => boolean;
  /**
   * Whether the writes of a batch that failed with this error are each worth trying alone (a
   * fault of one write, a deadlock), rather than all failing with it (the database unreachable).
   */
  retryAlone: (error: unknown) => boolean;
}

/** Writes a batch in one transaction; answers one result per item, in order. */
export type TWriteBatch<TItem, TResult> = (items: readonly TItem[]) => Promise<readonly TResult[]>;

/** The writer answered a batch with the wrong number of results: it may have committed, so nothing is retried. */
export class BatchAnswerMismatch extends Error {}

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

  /** Resolves with the item's result once its batch has committed; rejects if its write failed. */
  write(item: TItem): Promise<TResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxBatch || !this.options.worthHolding()) this.flush();
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

  /** Never rejects: every item's own promise settles instead. */
  private async commit(batch: readonly TPending<TItem, TResult>[]): Promise<void> {
    try {
      const results = await this.writeBatch(batch.map((p) => p.item));
      if (results.length !== batch.length) throw new BatchAnswerMismatch(`a batch of ${batch.length} answered ${results.length} results`);
      for (const [i, p] of batch.entries()) p.resolve(results[i] as TResult);
    } catch (error) {
      if (batch.length === 1 || error instanceof BatchAnswerMismatch || !this.options.retryAlone(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
      // The batch rolled back as a whole: each write is tried alone, so one write's fault fails only it.
      await Promise.all(batch.map((p) => this.commit([p])));
    }
  }
}
