// Delivers the outbox: claim a batch of due rows (one short statement), send each outside any
// transaction, record each outcome. Several senders (app instances) may share one database;
// the lease in `claimed_until` makes each message go to exactly one of them.
import type { TDb } from '../../db/client.ts';
import type { TClock } from '../clock.ts';
import { redactQueryParams } from '../log-safety.ts';
import { failureKindOf, type TFailureKind, type TMailTransport } from './mail-transport.ts';
import { claimDueMessages, markMessageFailed, markMessageSent, releaseClaims, type TClaimedMessage } from './outbox.store.ts';

export interface TRetryPolicy {
  /** Delay after the first failure; doubles with each further one. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** After this many failed attempts the message is marked 'failed' and left alone. */
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: TRetryPolicy = { baseDelaySeconds: 30, maxDelaySeconds: 3600, maxAttempts: 8 };

/** 30 s, 1 min, 2 min, … capped at 1 h (with the default policy). */
export function retryDelaySeconds(attempts: number, policy: TRetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** Math.min(exponent, 30));
}

export interface TOutboxLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const silentLogger: TOutboxLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface TOutboxSenderOptions {
  db: TDb;
  transport: TMailTransport;
  clock: TClock;
  logger?: TOutboxLogger;
  retry?: TRetryPolicy;
  /** Rows claimed per statement. */
  batchSize?: number;
  /** How long a claim keeps other senders off a row; must outlast sending one batch. */
  leaseSeconds?: number;
  /** A message is not started when less than this is left of the lease (it is released instead). */
  leaseMarginSeconds?: number;
  pollIntervalMs?: number;
}

export interface TBatchResult {
  claimed: number;
  sent: number;
  /** Failed this time, to be retried after back-off. */
  retrying: number;
  /** Failed for good (rejected, or out of attempts). */
  gaveUp: number;
  /** Claimed but given back untried because the lease was running out (not counted as an attempt). */
  released: number;
}

const ERROR_LIMIT = 1000;

type TDeliveryOutcome = { ok: true; messageId: string } | { ok: false; error: string; kind: TFailureKind };

/** The part of the sender request handlers need: a hint that something was just enqueued. */
export interface TOutboxNudge {
  nudge(): void;
}

export class OutboxSender implements TOutboxNudge {
  private readonly options: Required<Omit<TOutboxSenderOptions, 'logger'>>;
  private logger: TOutboxLogger;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<unknown> | null = null;
  private nudged = false;
  /** Serializes batches of this instance (the loop, nudges and drain() never overlap). */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: TOutboxSenderOptions) {
    this.options = {
      db: options.db,
      transport: options.transport,
      clock: options.clock,
      retry: options.retry ?? DEFAULT_RETRY_POLICY,
      batchSize: options.batchSize ?? 10,
      leaseSeconds: options.leaseSeconds ?? 300,
      leaseMarginSeconds: options.leaseMarginSeconds ?? 60,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
    };
    this.logger = options.logger ?? silentLogger;
  }

  get transportName(): string {
    return this.options.transport.name;
  }

  /** Logs go here from now on (buildApp hands over the app's logger). */
  useLogger(logger: TOutboxLogger): void {
    this.logger = logger;
  }

  /** Polls every pollIntervalMs (and at once after a nudge) until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and waits for the batch in flight; the transport is closed. */
  async stop(): Promise<void> {
    if (!this.running) {
      await this.tail;
      return;
    }
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.tail;
    this.options.transport.close();
  }

  /** Something was just enqueued (and committed): look now instead of at the next poll. */
  nudge(): void {
    if (!this.running) return;
    if (this.inFlight) {
      this.nudged = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Sends everything due now, batch after batch (tests and one-off runs). */
  async drain(): Promise<TBatchResult> {
    const total: TBatchResult = { claimed: 0, sent: 0, retrying: 0, gaveUp: 0, released: 0 };
    for (;;) {
      const batch = await this.runBatch();
      for (const key of Object.keys(total) as (keyof TBatchResult)[]) total[key] += batch[key];
      if (batch.claimed === 0 || batch.released > 0) return total;
    }
  }

  /** Claims and sends one batch. */
  runBatch(): Promise<TBatchResult> {
    const result = this.tail.then(() => this.sendBatch());
    this.tail = result.catch(() => {});
    return result;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.tick();
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (!this.running) return;
    let full = false;
    const batch = this.runBatch();
    this.inFlight = batch;
    try {
      const result = await batch;
      full = result.claimed === this.options.batchSize && result.released === 0;
    } catch (error) {
      this.logger.error({ err: redactQueryParams(error) }, 'outbox: could not claim or record messages');
    } finally {
      this.inFlight = null;
    }
    if (!this.running) return;
    const again = full || this.nudged;
    this.nudged = false;
    this.schedule(again ? 0 : this.options.pollIntervalMs);
  }

  private async sendBatch(): Promise<TBatchResult> {
    const { db, clock, batchSize, leaseSeconds } = this.options;
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
    const claimed = await claimDueMessages(db, { now, leaseUntil, limit: batchSize });
    const result: TBatchResult = { claimed: claimed.length, sent: 0, retrying: 0, gaveUp: 0, released: 0 };
    let unreachable: string | null = null;
    for (const [index, message] of claimed.entries()) {
      if (unreachable === null && this.leaseRunningOut(leaseUntil)) {
        const rest = claimed.slice(index).map((m) => m.id);
        await releaseClaims(db, { ids: rest, leaseUntil });
        result.released = rest.length;
        this.logger.warn({ released: rest.length }, 'outbox: lease running out, messages released for the next batch');
        break;
      }
      // Once the server is unreachable the rest of the batch fails the same way, without trying.
      const outcome: TDeliveryOutcome = unreachable === null ? await this.deliver(message) : { ok: false, error: unreachable, kind: 'unreachable' };
      if (outcome.ok) {
        await markMessageSent(db, { id: message.id, now: clock.now(), messageId: outcome.messageId });
        result.sent++;
        continue;
      }
      if (outcome.kind === 'unreachable') unreachable = outcome.error;
      const giveUp = outcome.kind === 'rejected' || message.attempts >= this.options.retry.maxAttempts;
      const failedAt = clock.now();
      await markMessageFailed(db, {
        id: message.id,
        leaseUntil,
        error: outcome.error,
        nextAttemptAt: new Date(failedAt.getTime() + retryDelaySeconds(message.attempts, this.options.retry) * 1000),
        giveUp,
      });
      if (giveUp) result.gaveUp++;
      else result.retrying++;
      this.logger[giveUp ? 'error' : 'warn'](
        { outboxId: message.id, kind: message.kind, attempts: message.attempts, error: outcome.error },
        giveUp ? 'outbox: message failed for good' : 'outbox: sending failed, will retry',
      );
    }
    if (result.sent > 0) this.logger.info({ sent: result.sent }, 'outbox: messages sent');
    return result;
  }

  private leaseRunningOut(leaseUntil: Date): boolean {
    return this.options.clock.now().getTime() > leaseUntil.getTime() - this.options.leaseMarginSeconds * 1000;
  }

  private async deliver(message: TClaimedMessage): Promise<TDeliveryOutcome> {
    try {
      const { messageId } = await this.options.transport.send({
        outboxId: message.id,
        createdAt: message.createdAt,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      return { ok: true, messageId };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, error: text.slice(0, ERROR_LIMIT), kind: failureKindOf(error) };
    }
  }
}
