// What the outbox sender hands a message to. SMTP in real deployments; the dev mailbox
// (development and tests without SMTP_URL) delivers nowhere and leaves the row to be read at /dev/mail.

export interface TOutgoingEmail {
  /** The outbox row; a re-send after a crash carries the same Message-ID. */
  outboxId: number;
  createdAt: Date;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface TMailTransport {
  readonly name: 'smtp' | 'dev-mailbox' | (string & {});
  send(email: TOutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export type TFailureKind =
  /** The server could not be reached or talked to: the rest of the batch would fail the same way. */
  | 'unreachable'
  /** The server refused this message for good (5xx to the envelope or content): retrying cannot help. */
  | 'rejected'
  /** Anything else, including 4xx replies: retried with back-off. */
  | 'transient';

/** A transport's failure, classified so the sender knows whether to retry and whether to go on. */
export class MailTransportError extends Error {
  readonly kind: TFailureKind;
  constructor(message: string, kind: TFailureKind, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'MailTransportError';
    this.kind = kind;
  }
}

export function failureKindOf(error: unknown): TFailureKind {
  return error instanceof MailTransportError ? error.kind : 'transient';
}

export const DEV_MAILBOX_MESSAGE_ID = 'dev-mailbox';

/** Marks messages delivered without sending them; they stay readable at /dev/mail. */
export const devMailboxTransport: TMailTransport = {
  name: 'dev-mailbox',
  send: async () => ({ messageId: DEV_MAILBOX_MESSAGE_ID }),
  close: () => {},
};
