import type { TConfig } from '../../config.ts';
import type { TDb } from '../../db/client.ts';
import type { TClock } from '../clock.ts';
import type { FailureLimiter } from '../failure-limiter.ts';
import type { TFileStore } from '../file-store/index.ts';
import type { TOutboxNudge } from '../outbox/outbox-sender.ts';
import type { TSecretBox } from '../secret-box.ts';

/** What route plugins receive from buildApp. */
export interface TRouteContext {
  db: TDb;
  clock: TClock;
  config: TConfig;
  loginFailures: FailureLimiter;
  /** Call after committing a transaction that enqueued e-mail, for delivery without waiting for the next poll. */
  outbox: TOutboxNudge;
  fileStore: TFileStore;
  secretBox: TSecretBox;
}
