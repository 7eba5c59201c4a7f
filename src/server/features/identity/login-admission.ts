// Logins take turns at Argon2id: at most `turns` verifications are under way at once (one per
// thread of the pool plus one queued, login.service.ts), the rest wait in arrival order. A
// waiting login's context (the portal's policy and the account) is read shortly before its
// turn, and the contexts of every login then waiting for the same portal are read by one
// statement: under load, one database round trip serves several logins instead of one each
// (docs/decisions/0011-login-admission.md). Reading late also means the lock state a login is
// judged by is at most a turn old, however long the queue.

/** Reads the contexts of several user names of one portal, in the order given. */
export type TReadContexts<TPortalKey, TContext> = (portalId: TPortalKey, usernames: readonly string[]) => Promise<readonly TContext[]>;

export interface TAdmitted<TContext> {
  context: TContext;
  /** Gives the turn to the next login; call exactly once, when the verification has ended. */
  release: () => void;
}

interface TWaiting<TPortalKey, TContext> {
  portalId: TPortalKey;
  username: string;
  read: { context: TContext } | undefined;
  /** Read in a batch that failed: read alone from now on, so its fault fails only itself. */
  alone: boolean;
  admit: (admitted: TAdmitted<TContext>) => void;
  fail: (error: unknown) => void;
}

/** One read never names more logins than this (a bound on the statement's size). */
const MAX_BATCH = 32;

/**
 * How many logins' contexts are kept read ahead of their turn. One is enough: a freed turn takes
 * it at once, and the next read (about a millisecond) ends long before the next turn frees (a
 * hash, spread over the pool's threads), while the verification queued in libuv keeps every
 * thread busy meanwhile. Reading more ahead only split the reads into batches of about one
 * login each (docs/decisions/0013-read-ahead-one-and-pglite-answers.md).
 */
const READ_AHEAD = 1;

export interface TLoginAdmissionOptions {
  /**
   * Whether the logins of a batch whose read failed with this error are each worth reading alone
   * (one user name's fault) rather than all failing with it (the database unreachable).
   */
  retryAlone?: (error: unknown) => boolean;
}

export class LoginAdmission<TPortalKey, TContext> {
  private readonly turns: number;
  private readonly readContexts: TReadContexts<TPortalKey, TContext>;
  private readonly retryAlone: (error: unknown) => boolean;
  private readonly waiting: TWaiting<TPortalKey, TContext>[] = [];
  private running = 0;
  private reading = false;

  /** `turns`: how many verifications may run at once — the size of the thread pool that runs them. */
  constructor(turns: number, readContexts: TReadContexts<TPortalKey, TContext>, options: TLoginAdmissionOptions = {}) {
    if (!(turns >= 1)) throw new RangeError('LoginAdmission needs at least one turn');
    this.turns = turns;
    this.readContexts = readContexts;
    this.retryAlone = options.retryAlone ?? (() => true);
  }

  /** Whether logins are waiting for their turn (or for their context to be read before it). */
  get queued(): boolean {
    return this.waiting.length > 0;
  }

  /** Resolves with the login's context when it is this login's turn; rejects if the read failed. */
  enter(portalId: TPortalKey, username: string): Promise<TAdmitted<TContext>> {
    return new Promise((admit, fail) => {
      this.waiting.push({ portalId, username, read: undefined, alone: false, admit, fail });
      this.advance();
    });
  }

  private advance(): void {
    for (let next = this.waiting[0]; next?.read && this.running < this.turns; next = this.waiting[0]) {
      this.waiting.shift();
      this.running++;
      next.admit({ context: next.read.context, release: this.releaser() });
    }
    this.readAhead();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.advance();
    };
  }

  /**
   * Keeps the first READ_AHEAD waiting logins read, so a freed turn rarely waits for a read; one
   * read at a time, so the logins that arrive meanwhile are read together.
   */
  private readAhead(): void {
    if (this.reading) return;
    // Only the read logins at the front count: a read login behind an unread one (of another
    // portal, skipped by an earlier batch) cannot take a turn before it.
    const firstUnread = this.waiting.findIndex((w) => !w.read);
    const first = this.waiting[firstUnread];
    if (!first || firstUnread >= READ_AHEAD) return;
    const batch = first.alone ? [first] : this.waiting.filter((w) => !w.read && !w.alone && w.portalId === first.portalId).slice(0, MAX_BATCH);
    this.reading = true;
    // Started from a promise, so a reader that throws at once still fails the batch, not the queue.
    void Promise.resolve()
      .then(() =>
        this.readContexts(
          first.portalId,
          batch.map((w) => w.username),
        ),
      )
      .then((contexts) => {
        if (contexts.length !== batch.length) throw new Error(`readContexts answered ${contexts.length} for ${batch.length}`);
        for (const [i, w] of batch.entries()) w.read = { context: contexts[i] as TContext };
      })
      .catch((error: unknown) => {
        // No login may fail another's: the logins of a failed batch are read again, each alone.
        if (batch.length > 1 && this.retryAlone(error)) {
          for (const w of batch) w.alone = true;
          return;
        }
        for (const w of batch) {
          this.waiting.splice(this.waiting.indexOf(w), 1);
          w.fail(error);
        }
      })
      .finally(() => {
        this.reading = false;
        this.advance();
      });
  }
}
