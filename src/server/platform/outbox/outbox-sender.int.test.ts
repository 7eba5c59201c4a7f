// The outbox on a real database and a real SMTP server: transactional enqueue, delivery with
// text and HTML, retries with back-off on the injected clock, and exactly-once delivery when
// senders restart or race (two app instances on one database).
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executeRows, openDatabase, type TDatabase } from '../../db/client.ts';
import { outboxMessages } from '../../db/schema/index.ts';
import { ManualClock } from '../clock.ts';
import { enqueueEmail, type TEmail } from './enqueue.ts';
import type { TMailTransport } from './mail-transport.ts';
import { OutboxSender, type TOutboxSenderOptions } from './outbox-sender.ts';
import { claimDueMessages } from './outbox.store.ts';
import { createSmtpTransport } from './smtp-transport.ts';
import { createTestDatabase, testEngine } from '../../../../test/support/db.ts';
import { startSmtpServer, type TTestSmtpServer } from '../../../../test/support/smtp.ts';

let database: TDatabase;
let smtp: TTestSmtpServer;
let clock: ManualClock;
const senders: OutboxSender[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
  await database.close();
});
beforeEach(async () => {
  clock = new ManualClock('2026-03-02T09:00:00Z');
  await smtp.up();
  smtp.rejectWith(null);
  await database.db.delete(outboxMessages);
});
afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
});

function smtpTransport(): TMailTransport {
  return createSmtpTransport({
    smtpUrl: smtp.url,
    from: 'Retail Producer Portal <no-reply@portico.test>',
    timeouts: { connection: 2000, greeting: 2000, socket: 5000 },
  });
}

function newSender(options: Partial<TOutboxSenderOptions> = {}): OutboxSender {
  const sender = new OutboxSender({ db: database.db, clock, transport: smtpTransport(), ...options });
  senders.push(sender);
  return sender;
}

let sequence = 0;
function email(overrides: Partial<TEmail> = {}): TEmail {
  sequence++;
  return {
    kind: 'test',
    to: `producer${sequence}@example.test`,
    subject: `Message ${sequence} ${Date.now()}`,
    text: `Hello ${sequence}`,
    html: `<p>Hello <strong>${sequence}</strong></p>`,
    ...overrides,
  };
}

async function row(id: number) {
  const [r] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!r) throw new Error(`no outbox row ${id}`);
  return r;
}

async function enqueue(e: TEmail): Promise<number> {
  await enqueueEmail(database.db, e, clock.now());
  const [r] = await database.db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.subject, e.subject));
  if (!r) throw new Error('not enqueued');
  return r.id;
}

const received = (subject: string) => smtp.messages.filter((m) => m.subject === subject);

describe('enqueue', () => {
  it('writes nothing when the surrounding transaction rolls back, so nothing is sent', async () => {
    const e = email();
    await database.db
      .transaction(async (tx) => {
        await enqueueEmail(tx, e, clock.now());
        tx.rollback();
      })
      .catch(() => {});
    expect(await newSender().drain()).toMatchObject({ claimed: 0, sent: 0 });
    expect(await database.db.select().from(outboxMessages)).toEqual([]);
    expect(received(e.subject)).toEqual([]);
  });
});

describe('delivery', () => {
  it('sends a committed message through SMTP with its text and HTML bodies, and records it', async () => {
    const e = email({
      to: 'jessica_camp@hscil.example',
      subject: 'Retail Producer Portal Password Reset',
      text: 'Your temporary password: Ab3dEf9\nhttps://portico.test/retail/login',
      html: '<p>Your temporary password: <code>Ab3dEf9</code></p>',
    });
    const id = await enqueue(e);
    clock.advance({ seconds: 5 });
    expect(await newSender().drain()).toMatchObject({ claimed: 1, sent: 1 });

    const mail = await smtp.waitFor((m) => m.subject === e.subject);
    expect(mail.to).toEqual(['jessica_camp@hscil.example']);
    expect(mail.from).toBe('no-reply@portico.test');
    expect(mail.text.trim()).toBe(e.text);
    expect(mail.html).toContain('<code>Ab3dEf9</code>');
    const r = await row(id);
    expect(r).toMatchObject({ status: 'sent', attempts: 1, lastError: null, claimedUntil: null, messageId: mail.messageId });
    expect(r.sentAt?.toISOString()).toBe('2026-03-02T09:00:05.000Z');
    expect(mail.messageId).toMatch(new RegExp(`^<outbox\\.${id}\\.\\d+@portico\\.test>$`));
  });

  it('does not send a message again once it is sent', async () => {
    const e = email();
    await enqueue(e);
    await newSender().drain();
    clock.advance({ hours: 2 });
    expect(await newSender().drain()).toMatchObject({ claimed: 0 });
    expect(received(e.subject)).toHaveLength(1);
  });
});

describe('SMTP down', () => {
  it('counts attempts, records the error, retries after back-off and delivers exactly once when SMTP is back', async () => {
    await smtp.down();
    const e = email();
    const id = await enqueue(e);
    const sender = newSender();

    expect(await sender.drain()).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    let r = await row(id);
    expect(r).toMatchObject({ status: 'pending', attempts: 1, claimedUntil: null });
    expect(r.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(r.nextAttemptAt.toISOString()).toBe('2026-03-02T09:00:30.000Z'); // 30 s after the first failure

    clock.advance({ seconds: 29 });
    expect(await sender.drain()).toMatchObject({ claimed: 0 });
    clock.advance({ seconds: 1 });
    expect(await sender.drain()).toMatchObject({ claimed: 1, retrying: 1 });
    r = await row(id);
    expect(r.attempts).toBe(2);
    expect(r.nextAttemptAt.toISOString()).toBe('2026-03-02T09:01:30.000Z'); // then 60 s

    await smtp.up();
    clock.advance({ seconds: 59 });
    expect(await sender.drain()).toMatchObject({ claimed: 0 });
    clock.advance({ seconds: 1 });
    expect(await sender.drain()).toMatchObject({ claimed: 1, sent: 1 });
    await smtp.waitFor((m) => m.subject === e.subject);
    r = await row(id);
    expect(r).toMatchObject({ status: 'sent', attempts: 3 });
    clock.advance({ hours: 1 });
    await sender.drain();
    expect(received(e.subject)).toHaveLength(1);
  });

  it('still delivers exactly once when the sender is replaced by a new instance in between', async () => {
    await smtp.down();
    const e = email();
    const id = await enqueue(e);
    const first = newSender();
    await first.drain();
    await first.stop();
    expect((await row(id)).attempts).toBe(1);

    await smtp.up();
    clock.advance({ seconds: 30 });
    const second = newSender();
    expect(await second.drain()).toMatchObject({ sent: 1 });
    expect(await first.drain()).toMatchObject({ claimed: 0 });
    expect(await newSender().drain()).toMatchObject({ claimed: 0 });
    await smtp.waitFor((m) => m.subject === e.subject);
    expect(received(e.subject)).toHaveLength(1);
  });

  it('fails the rest of a batch at once when the server is unreachable, each with its own back-off', async () => {
    await smtp.down();
    const ids = [await enqueue(email()), await enqueue(email()), await enqueue(email())];
    expect(await newSender().drain()).toMatchObject({ claimed: 3, retrying: 3 });
    for (const id of ids) expect(await row(id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('gives up after the maximum number of attempts and marks the message failed', async () => {
    await smtp.down();
    const id = await enqueue(email());
    const sender = newSender({ retry: { baseDelaySeconds: 30, maxDelaySeconds: 3600, maxAttempts: 3 } });
    for (let i = 0; i < 3; i++) {
      await sender.drain();
      clock.advance({ hours: 1 });
    }
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3 });
    await smtp.up();
    clock.advance({ days: 1 });
    expect(await sender.drain()).toMatchObject({ claimed: 0 });
  });

  it('retries a temporary refusal (451) and gives up at once on a permanent one (550)', async () => {
    smtp.rejectWith(451);
    const temporary = await enqueue(email());
    expect(await newSender().drain()).toMatchObject({ retrying: 1 });
    expect(await row(temporary)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/451/) });

    smtp.rejectWith(550);
    await database.db.delete(outboxMessages);
    const permanent = await enqueue(email());
    expect(await newSender().drain()).toMatchObject({ gaveUp: 1 });
    expect(await row(permanent)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/550/) });
  });
});

describe('leases', () => {
  it('leaves rows another sender has leased alone until the lease runs out, then delivers them', async () => {
    const e = email();
    const id = await enqueue(e);
    // A sender that claimed the row and died before sending anything.
    const leaseUntil = new Date(clock.now().getTime() + 300_000);
    expect(await claimDueMessages(database.db, { now: clock.now(), leaseUntil, limit: 10 })).toHaveLength(1);

    const sender = newSender();
    clock.advance({ seconds: 299 });
    expect(await sender.drain()).toMatchObject({ claimed: 0 });
    clock.advance({ seconds: 1 });
    expect(await sender.drain()).toMatchObject({ claimed: 1, sent: 1 });
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(received(e.subject)).toHaveLength(1);
  });

  it('gives back untried rows when the lease is about to run out instead of risking a second sender sending them', async () => {
    const ids = [await enqueue(email()), await enqueue(email()), await enqueue(email())];
    const inner = smtpTransport();
    // Each message takes 2.5 minutes of clock time: the third would start inside the last minute of the lease.
    const slow: TMailTransport = {
      name: 'slow',
      close: () => inner.close(),
      send: async (m) => {
        clock.advance({ seconds: 150 });
        return inner.send(m);
      },
    };
    const sender = newSender({ transport: slow, leaseSeconds: 300, leaseMarginSeconds: 60 });
    expect(await sender.runBatch()).toMatchObject({ claimed: 3, sent: 2, released: 1 });
    const [, , third] = ids as [number, number, number];
    expect(await row(third)).toMatchObject({ status: 'pending', attempts: 0, claimedUntil: null });
    expect(await newSender().drain()).toMatchObject({ sent: 1 });
  });
});

describe('several senders on one database', () => {
  it('delivers each of N messages exactly once when two senders race', async () => {
    const N = 40;
    const subjects: string[] = [];
    for (let i = 0; i < N; i++) {
      const e = email({ subject: `race ${i} ${Date.now()}` });
      subjects.push(e.subject);
      await enqueueEmail(database.db, e, clock.now());
    }
    // On PostgreSQL the second sender is a second app instance: its own connection pool.
    const other = testEngine() === 'postgres' ? await openSecondPool() : null;
    try {
      const a = newSender({ batchSize: 3 });
      const b = newSender({ batchSize: 3, db: (other ?? database).db });
      const [ra, rb] = await Promise.all([a.drain(), b.drain()]);
      // Whatever one of them did not get to (it stops when it finds nothing free) is sent by a last pass.
      const rest = await a.drain();
      expect(ra.sent + rb.sent + rest.sent).toBe(N);
      expect(ra.claimed + rb.claimed + rest.claimed).toBe(N);
      for (const subject of subjects) expect(received(subject), subject).toHaveLength(1);
      const rows = await executeRows<{ attempts: number; n: number }>(
        database.db,
        sql`select attempts, count(*)::int as n from outbox_messages group by attempts`,
      );
      expect(rows).toEqual([{ attempts: 1, n: N }]);
      if (testEngine() === 'postgres') expect(ra.sent > 0 && rb.sent > 0, `a sent ${ra.sent}, b sent ${rb.sent}`).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it('runs as a loop: a nudge delivers at once, and stop() waits for the batch in flight', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const sending = new Promise<void>((resolve) => {
      started = resolve;
    });
    const inner = smtpTransport();
    const gated: TMailTransport = {
      name: 'gated',
      close: () => inner.close(),
      send: async (m) => {
        started();
        await gate;
        return inner.send(m);
      },
    };
    const sender = newSender({ transport: gated, pollIntervalMs: 60_000 });
    sender.start();
    await new Promise((r) => setTimeout(r, 50)); // the first, empty poll
    const e = email();
    const id = await enqueue(e);
    sender.nudge();
    await sending;
    let stopped = false;
    const stopping = sender.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await row(id)).toMatchObject({ status: 'sent' });
    expect(received(e.subject)).toHaveLength(1);
  });
});

/** A second connection pool to the same PostgreSQL database, as a second app instance has. */
async function openSecondPool(): Promise<TDatabase> {
  const [current] = await executeRows<{ name: string }>(database.db, sql`select current_database() as name`);
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.pathname = `/${current?.name ?? ''}`;
  return openDatabase({ databaseUrl: url.toString(), dataDir: '/nonexistent', poolSize: 4 });
}
