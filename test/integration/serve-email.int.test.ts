// `portico serve` runs the outbox sender: e-mail enqueued while it serves reaches SMTP without a
// nudge (the poll), and production without SMTP_URL refuses to start.
import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/client.ts';
import { enqueueEmail } from '../../src/server/platform/outbox/enqueue.ts';
import { createCliEnvironment, testEngine } from '../support/db.ts';
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp.ts';

const run = promisify(execFile);
const BIN = join(import.meta.dirname, '../../bin/portico.js');
const NODE = join(import.meta.dirname, '../../node_modules/.bin/node');

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

async function startServe(env: NodeJS.ProcessEnv) {
  const port = 4100 + Math.floor(Math.random() * 800);
  const child = spawn(NODE, [BIN, 'serve'], { env: { ...cli.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let ready = false;
  for (let i = 0; i < 150 && !ready; i++) {
    await new Promise((r) => setTimeout(r, 200));
    ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
  }
  if (!ready) child.kill('SIGKILL');
  return { base: `http://127.0.0.1:${port}`, ready, output: () => output, stop: async () => { child.kill('SIGTERM'); return exited; } };
}

describe('portico serve and e-mail', () => {
  it('refuses to start in production without SMTP_URL, naming the variable', async () => {
    const r = await run(NODE, [BIN, 'serve'], { env: { ...cli.env, NODE_ENV: 'production', SMTP_URL: '' }, timeout: 60_000 }).catch((e: { code: number; stderr: string }) => e);
    expect(r).toMatchObject({ code: 1 });
    expect((r as { stderr: string }).stderr).toMatch(/SMTP_URL: required when NODE_ENV=production/);
  });

  it('without SMTP_URL serves the dev mailbox and says where it is', async () => {
    const server = await startServe({ SMTP_URL: '' });
    expect(server.ready, server.output()).toBe(true);
    const page = await fetch(`${server.base}/dev/mail`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>Dev mailbox</h1>');
    expect(server.output()).toMatch(/dev mailbox at http:\/\/127\.0\.0\.1:\d+\/dev\/mail/);
    expect(await server.stop()).toBe(0);
  });

  // An outside writer needs a database server; the embedded database belongs to the serving process.
  it.runIf(testEngine() === 'postgres')('with SMTP_URL delivers what another process enqueues, within the poll interval', async () => {
    const server = await startServe({ SMTP_URL: smtp.url, MAIL_FROM: 'Portico <no-reply@portico.test>' });
    expect(server.ready, server.output()).toBe(true);
    expect((await fetch(`${server.base}/dev/mail`)).status).toBe(404);
    const writer = await openDatabase({ databaseUrl: cli.env.DATABASE_URL, dataDir: '/nonexistent', poolSize: 1 });
    try {
      await enqueueEmail(writer.db, { kind: 'test', to: 'someone@example.test', subject: 'Served by portico serve', text: 'Hello', html: '<p>Hello</p>' }, new Date());
    } finally {
      await writer.close();
    }
    const mail = await smtp.waitFor((m) => m.subject === 'Served by portico serve', 10_000);
    expect(mail.from).toBe('no-reply@portico.test');
    expect(await server.stop()).toBe(0);
  });
});
