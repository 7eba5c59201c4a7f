// SMTP through nodemailer: one connection per message (no pool to go stale between quiet
// periods), short timeouts so a dead server fails a batch fast, text and HTML alternatives.
import nodemailer from 'nodemailer';
import { MailTransportError, type TFailureKind, type TMailTransport, type TOutgoingEmail } from './mail-transport.ts';

export interface TSmtpTransportOptions {
  /** smtp://user:pass@host:port or smtps://… (config.smtpUrl). */
  smtpUrl: string;
  /** "Name <address>" (config.mailFrom). */
  from: string;
  /** Connect, greeting and idle-socket limits in ms; defaults 10 s / 10 s / 30 s. */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
}

const UNREACHABLE_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROXY',
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
  'ECONNREFUSED',
  'ECONNRESET',
]);

export function createSmtpTransport(options: TSmtpTransportOptions): TMailTransport {
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: options.timeouts?.connection ?? 10_000,
    greetingTimeout: options.timeouts?.greeting ?? 10_000,
    socketTimeout: options.timeouts?.socket ?? 30_000,
  });
  const domain = addressDomain(options.from);
  return {
    name: 'smtp',
    async send(email: TOutgoingEmail) {
      try {
        const info = await transporter.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: `<outbox.${email.outboxId}.${email.createdAt.getTime()}@${domain}>`,
        });
        return { messageId: info.messageId };
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transporter.close(),
  };
}

function classify(error: unknown): MailTransportError {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const message = [code, typeof e.message === 'string' ? e.message : String(error)].filter(Boolean).join(': ');
  let kind: TFailureKind = 'transient';
  if (code && UNREACHABLE_CODES.has(code)) kind = 'unreachable';
  else if (responseCode !== undefined && responseCode >= 500 && responseCode !== 503) kind = 'rejected';
  return new MailTransportError(message, kind, { cause: error });
}

function addressDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'portico.local';
}
