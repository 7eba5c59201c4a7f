// Fault test (issue 3): SMTP is down while a reset is requested. The user still gets the
// confirmation; the e-mail arrives exactly once when SMTP is back, even across a restart.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/server/db/client.ts';
import { outboxMessages } from '../../src/server/db/schema/index.ts';
import { SELF_SERVICE_TEXTS } from '../../src/shared/self-service-schemas.ts';
import { createCliEnvironment } from '../support/db.ts';
import { runPortico, startPorticoServe, type TServeProcess } from '../support/portico-process.ts';
import { startSmtpServer, type TTestSmtpServer } from '../support/smtp.ts';

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
let smtp: TTestSmtpServer;
beforeAll(async () => {
  cli = await createCliEnvironment();
  smtp = await startSmtpServer();
  const roster = join(cli.dataDir, 'roster.csv');
  await writeFile(roster, 'agent_unique_id,first_name,last_name,email,agency_name,states\n000812345,Rosa,Diaz,rosa.diaz@example.test,Diaz Agency,TX\n');
  await runPortico(cli.env, 'import', 'producers', roster);
  await runPortico(
    cli.env,
    'users',
    'create',
    '--portal',
    'retail',
    '--role',
    'retail-producer',
    '--producer',
    '000812345',
    '--username',
    'rdiaz',
    '--password',
    'Kp4xw9Qz',
  );
});
afterAll(async () => {
  await smtp.stop();
  await cli.cleanup();
});

async function startPortico(port: number): Promise<TServeProcess> {
  const server = await startPorticoServe({ ...cli.env, SMTP_URL: smtp.url, MAIL_RETRY_SECONDS: '1' }, port);
  if (!server.ready) throw new Error(`portico serve did not become ready:\n${server.output()}`);
  return server;
}

/** Reads the outbox while no server holds the database. */
async function outboxRows() {
  const database = await openDatabase({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: cli.dataDir });
  try {
    return await database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'rosa.diaz@example.test'));
  } finally {
    await database.close();
  }
}

const forRosa = (m: { to: string[] }) => m.to.includes('rosa.diaz@example.test');

describe('SMTP down during a password reset', () => {
  it('still confirms, then delivers exactly once after SMTP returns, across a restart', async () => {
    await smtp.down();
    const port = 4900 + Math.floor(Math.random() * 90);
    const first = await startPortico(port);
    const response = await fetch(`http://127.0.0.1:${port}/api/portals/retail/password-resets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'rdiaz', agentUniqueId: '000812345' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: SELF_SERVICE_TEXTS.passwordResetSent });
    await new Promise((r) => setTimeout(r, 1500)); // the sender tries and fails meanwhile
    expect(await first.stop()).toBe(0);
    const pending = await outboxRows();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: 'pending' });
    expect(pending[0]?.attempts).toBeGreaterThanOrEqual(1);
    expect(pending[0]?.lastError).toBeTruthy();

    await smtp.up();
    const second = await startPortico(port);
    try {
      const mail = await smtp.waitFor(forRosa, 20_000);
      expect(mail.subject).toBe('Retail Producer Portal Password Reset');
      expect(mail.text).toMatch(/usable once\): [A-Za-z0-9]{9}/);
      await new Promise((r) => setTimeout(r, 2500)); // time for a duplicate, if there were one
      expect(smtp.messages.filter(forRosa)).toHaveLength(1);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect((await outboxRows())[0]).toMatchObject({ status: 'sent' });
  });
});
