// `portico serve` runs the outbox sender: e-mail enqueued while it serves reaches SMTP without a
// nudge (the poll), and production without SMTP_URL refuses to start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { enqueueEmail } from '../../src/server/platform/outbox/enqueue.ts';
import { createCliEnvironment, testEngine } from '../support/db.ts';
import { runPortico, startPorticoServe } from '../support/portico-process.ts';
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp.ts';

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
let smtp: TTestSmtpServer;
beforeAll(async () => {
  cli = await createCliEnvironment();
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
  await cli.cleanup();
});

const startServe = (env: NodeJS.ProcessEnv) => startPorticoServe({ ...cli.env, ...env });

describe('portico serve and e-mail', () => {
  it('refuses to start in production without SMTP_URL, naming the variable', async () => {
    const r = await runPortico({ ...cli.env, NODE_ENV: 'production', SMTP_URL: '', PORTICO_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }, 'serve');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SMTP_URL: required when NODE_ENV=production/);
  });

  it('without SMTP_URL serves the dev mailbox and says where it is', { timeout: 90_000 }, async () => {
    const server = await startServe({ SMTP_URL: '' });
    expect(server.ready, server.output()).toBe(true);
    const page = await fetch(`${server.base}/dev/mail`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Dev mailbox</h1>');
    expect(server.output()).toMatch(/dev mailbox at http:\/\/127\.0\.0\.1:\d+\/dev\/mail/);
    expect(await server.stop()).toBe(0);
  });

  // An outside writer needs a database server; the embedded database belongs to the serving process.
  it.runIf(testEngine() === 'postgres')('with SMTP_URL delivers what another process enqueues, within the poll interval', { timeout: 90_000 }, async () => {
    const server = await startServe({ SMTP_URL: smtp.url, MAIL_FROM: 'Portico <no-reply@portico.test>' });
    expect(server.ready, server.output()).toBe(true);
    expect((await fetch(`${server.base}/dev/mail`)).status).toBe(404);
    const writer = await openDatabase({ databaseUrl: cli.env.DATABASE_URL, dataDir: '/nonexistent', poolSize: 1 });
    try {
      await enqueueEmail(
        writer.db,
        { kind: 'test', to: 'someone@example.test', subject: 'Served by portico serve', text: 'Hello', html: '<p>Hello</p>' },
        new Date(),
      );
    } finally {
      await writer.close();
    }
    const mail = await smtp.waitFor((m) => m.subject === 'Served by portico serve', 10_000);
    expect(mail.from).toBe('no-reply@portico.test');
    expect(await server.stop()).toBe(0);
  });
});
