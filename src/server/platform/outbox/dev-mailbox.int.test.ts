// The dev mailbox: /api/dev/mail (JSON) and /dev/mail (page) list the outbox when no SMTP
// server is configured outside production, escape everything, and satisfy the app's CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { enqueueEmail } from './enqueue.ts';
import type { TDevMailMessage } from './dev-mailbox.routes.ts';
import { OutboxSender } from './outbox-sender.ts';
import { devMailboxTransport } from './mail-transport.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';

async function listMail(query = ''): Promise<TDevMailMessage[]> {
  const r = await t.app.inject(`/api/dev/mail${query}`);
  expect(r.statusCode).toBe(200);
  return r.json<{ messages: TDevMailMessage[] }>().messages;
}

describe('dev mailbox (no SMTP_URL, not production)', () => {
  it('lists the latest messages, newest first, with their links, and marks them delivered by the dev transport', async () => {
    await enqueueEmail(
      t.database.db,
      {
        kind: 'registration',
        to: 'first@example.test',
        subject: 'First',
        text: 'Open https://portico.test/confirm?token=abc123.\nThanks',
        html: '<p>First</p>',
      },
      t.clock.now(),
    );
    t.clock.advance({ minutes: 1 });
    await enqueueEmail(
      t.database.db,
      { kind: 'password_reset', to: 'Second@Example.test', subject: 'Second', text: 'No links here', html: '<p>Second</p>' },
      t.clock.now(),
    );

    let messages = await listMail();
    expect(messages.map((m) => m.subject).slice(0, 2)).toEqual(['Second', 'First']);
    expect(messages[1]).toMatchObject({
      kind: 'registration',
      to: 'first@example.test',
      status: 'pending',
      attempts: 0,
      links: ['https://portico.test/confirm?token=abc123'],
      createdAt: '2026-03-02T09:00:00.000Z',
      sentAt: null,
    });

    const sender = new OutboxSender({ db: t.database.db, clock: t.clock, transport: devMailboxTransport });
    expect(await sender.drain()).toMatchObject({ sent: 2 });
    messages = await listMail('?to=second@example.test');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ subject: 'Second', status: 'sent', messageId: 'dev-mailbox', attempts: 1, sentAt: '2026-03-02T09:01:00.000Z' });
    expect(await listMail('?limit=1')).toHaveLength(1);
    expect((await t.app.inject('/api/dev/mail?limit=0')).statusCode).toBe(400);
    const nul = await t.app.inject('/api/dev/mail?to=a%00b');
    expect([nul.statusCode, nul.json<{ code: string }>().code]).toEqual([400, 'request.invalid']);
  });

  it('renders a page that escapes every field and needs no inline script or style', async () => {
    await enqueueEmail(
      t.database.db,
      { kind: HOSTILE, to: `"${HOSTILE}"@example.test`, subject: HOSTILE, text: `Body ${HOSTILE}\nhttps://portico.test/a?b=1&c="2"`, html: HOSTILE },
      t.clock.now(),
    );
    const r = await t.app.inject('/dev/mail');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(r.body).not.toContain('<script');
    expect(r.body).not.toContain('<img');
    expect(r.body).not.toMatch(/<style|style=|onerror=alert\(1\)>/);
    expect(r.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(r.body).toContain('<a href="https://portico.test/a?b=1&amp;c=">');
    expect(r.body).toContain('<link rel="stylesheet" href="/dev/mail.css">');

    const css = await t.app.inject('/dev/mail.css');
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it("shows a message's own HTML alone, sandboxed", async () => {
    const [latest] = await listMail('?limit=1');
    const r = await t.app.inject(`/dev/mail/${latest?.id ?? 0}/html`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect((await t.app.inject('/dev/mail/999999/html')).statusCode).toBe(404);
  });
});

describe("dev mailbox by the request's Host (DNS rebinding)", () => {
  const urls = ['/dev/mail', '/dev/mail/1/html', '/dev/mail.css', '/api/dev/mail'];

  it('answers a loopback name or address, with or without a port', async () => {
    for (const host of ['localhost', 'localhost:3000', 'LocalHost:80', '127.0.0.1', '127.0.0.1:3000', '127.10.20.30:8080', '[::1]', '[::1]:3000']) {
      for (const url of ['/dev/mail', '/api/dev/mail']) {
        expect((await t.app.inject({ url, headers: { host } })).statusCode, `${host} ${url}`).toBe(200);
      }
    }
  });

  it('is 404 for any other Host, and for a forwarded Host that is not loopback', async () => {
    const refused: Record<string, string>[] = [
      ...[
        'evil.example',
        'evil.example:3000',
        'localhost.evil.example',
        '127.0.0.1.nip.io',
        'app.localhost',
        'localhost:3000@evil.example',
        '0.0.0.0',
        '10.0.0.1:3000',
        '192.168.1.2',
        '[::2]',
        '[::ffff:10.0.0.1]',
        '[::1',
        '::1',
      ].map((host) => ({ host })),
      { host: 'localhost:3000', 'x-forwarded-host': 'evil.example' },
    ];
    for (const headers of refused) {
      for (const url of urls) {
        const r = await t.app.inject({ url, headers });
        expect(r.statusCode, `${JSON.stringify(headers)} ${url}`).toBe(404);
        expect(r.json(), url).toMatchObject({ code: 'route.not_found' });
      }
    }
  });
});

describe('dev mailbox elsewhere', () => {
  for (const [label, env] of [
    ['with SMTP_URL set', { NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525' }],
    ['in production', { NODE_ENV: 'production', PORTICO_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') }],
  ] as const) {
    it(`is 404 ${label}`, async () => {
      const database = await createTestDatabase();
      const app = await buildApp({ config: loadConfig({ ...env, DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), database, logger: false });
      try {
        await app.ready();
        for (const url of ['/dev/mail', '/dev/mail/1/html', '/api/dev/mail']) {
          const r = await app.inject(url);
          expect(r.statusCode, url).toBe(404);
          expect(r.json(), url).toMatchObject({ code: 'route.not_found' });
        }
      } finally {
        await app.close();
      }
    });
  }
});
