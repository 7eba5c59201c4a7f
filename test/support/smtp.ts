// A real SMTP server for tests (smtp-server on a random loopback port, no auth, no TLS) that
// keeps every message it accepts, parsed with postal-mime. It can go down and come back on the
// same port, or reject messages, to simulate an SMTP outage.
import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

export interface TReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  raw: string;
}

export interface TTestSmtpServer {
  readonly port: number;
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  readonly url: string;
  readonly messages: readonly TReceivedMail[];
  /** Resolves with the first received message (already here or arriving) that matches. */
  waitFor(predicate?: (mail: TReceivedMail) => boolean, timeoutMs?: number): Promise<TReceivedMail>;
  /** Stops listening: connections are refused until up(). */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** While set, every message is refused at DATA with this reply code (e.g. 451 temporary, 550 permanent). */
  rejectWith(code: number | null): void;
  stop(): Promise<void>;
}

export async function startSmtpServer(): Promise<TTestSmtpServer> {
  const messages: TReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let rejectCode: number | null = null;
  let server: SMTPServer | null = null;
  let port = 0;

  const create = () =>
    new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (rejectCode !== null) {
            callback(Object.assign(new Error('Refused by the test server'), { responseCode: rejectCode }));
            return;
          }
          const raw = Buffer.concat(chunks);
          PostalMime.parse(raw).then(
            (email) => {
              messages.push({
                to: session.envelope.rcptTo.map((r) => r.address),
                from: email.from?.address ?? '',
                subject: email.subject ?? '',
                text: email.text ?? '',
                html: email.html ?? '',
                messageId: email.messageId ?? '',
                raw: raw.toString('utf8'),
              });
              for (const wake of waiters) wake();
              callback();
            },
            (error: unknown) => callback(error as Error),
          );
        });
      },
    });

  const listen = (onPort: number) =>
    new Promise<void>((resolve, reject) => {
      const s = create();
      s.once('error', reject);
      s.listen(onPort, '127.0.0.1', () => {
        s.off('error', reject);
        s.on('error', () => {}); // a client dropping mid-session must not fail the test run
        port = (s.server.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });

  const close = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      if (!s) return resolve();
      s.close(() => resolve());
    });

  await listen(0);
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    waitFor(predicate = () => true, timeoutMs = 5000) {
      return new Promise<TReceivedMail>((resolve, reject) => {
        const check = () => {
          const found = messages.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching e-mail within ${timeoutMs} ms (received ${messages.length})`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    down: close,
    up: async () => {
      if (!server) await listen(port);
    },
    rejectWith(code) {
      rejectCode = code;
    },
    stop: close,
  };
}
