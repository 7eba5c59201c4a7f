// Writing an e-mail: call inside the transaction of the change that causes it, so the change
// and its e-mail commit together or not at all. The sender (outbox-sender.ts) delivers it.
import type { TDbOrTx } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema/index.ts';

export interface TEmail {
  /** What the message is about, for the dev mailbox and logs: 'password_reset', 'forgot_username', … */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export async function enqueueEmail(db: TDbOrTx, email: TEmail, now: Date): Promise<void> {
  await db.insert(outboxMessages).values({
    kind: email.kind,
    toAddress: email.to,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    nextAttemptAt: now,
    createdAt: now,
  });
}
