// The one place that decides how Portico sends e-mail, from the configuration:
// SMTP_URL set → SMTP; unset outside production → the dev mailbox; unset in production → refuse to start.
import { ConfigError, type TConfig } from '../../config.ts';
import type { TDb } from '../../db/client.ts';
import type { TClock } from '../clock.ts';
import { isLoopbackName } from '../http/loopback.ts';
import { devMailboxTransport, type TMailTransport } from './mail-transport.ts';
import { DEFAULT_RETRY_POLICY, OutboxSender, type TOutboxSenderOptions } from './outbox-sender.ts';
import { createSmtpTransport } from './smtp-transport.ts';

export { enqueueEmail, type TEmail } from './enqueue.ts';
export { OutboxSender, type TOutboxNudge } from './outbox-sender.ts';
export { purgeOldMessages } from './outbox.store.ts';

/** The dev mailbox (/dev/mail, /api/dev/mail) exists only where no SMTP server is configured, never in production, and only on a loopback address. */
export function isDevMailboxEnabled(config: TConfig): boolean {
  // It shows every temporary password and link unauthenticated: only on this machine.
  // (The routes also refuse a request whose Host is not a loopback name: see dev-mailbox.routes.ts.)
  return !config.smtpUrl && !config.isProduction && isLoopbackName(config.host);
}

export function createMailTransport(config: TConfig): TMailTransport {
  if (config.smtpUrl) return createSmtpTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  if (config.isProduction) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required when NODE_ENV=production (e-mail such as password resets could not be delivered)');
  }
  return devMailboxTransport;
}

export interface TCreateOutboxSenderInput {
  config: TConfig;
  db: TDb;
  clock: TClock;
  /** Overrides for tests (batch size, lease, poll interval, retry policy, logger). */
  options?: Partial<Omit<TOutboxSenderOptions, 'db' | 'clock' | 'transport'>>;
}

/** Throws ConfigError in production without SMTP_URL, before anything is served. */
export function createOutboxSender({ config, db, clock, options }: TCreateOutboxSenderInput): OutboxSender {
  const retry = { ...DEFAULT_RETRY_POLICY, baseDelaySeconds: config.mailRetrySeconds };
  return new OutboxSender({ retry, ...options, db, clock, transport: createMailTransport(config) });
}

/** Stands in where no sender runs (tests, CLI commands): enqueued mail waits for `serve`. */
export const noOutboxNudge = { nudge: () => {} };
