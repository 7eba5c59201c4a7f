// Pure parts of the outbox: back-off, transport choice from the configuration, HTML escaping, links.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { linksIn } from './dev-mailbox.page.ts';
import { escapeHtml, html } from './html.ts';
import { createMailTransport, isDevMailboxEnabled } from './index.ts';
import { DEFAULT_RETRY_POLICY, retryDelaySeconds } from './outbox-sender.ts';

describe('retry back-off', () => {
  it('doubles from 30 s and is capped at 1 h', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((a) => retryDelaySeconds(a))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]);
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(8);
    expect(retryDelaySeconds(1000)).toBe(3600);
  });
});

describe('mail transport from the configuration', () => {
  // Production also needs the encryption key; it has nothing to do with e-mail.
  const config = (env: Record<string, string>) =>
    loadConfig({ DATA_DIR: '/nonexistent', PORTICO_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), ...env });

  it('uses SMTP when SMTP_URL is set, in any environment', () => {
    for (const NODE_ENV of ['development', 'production']) {
      const c = config({ NODE_ENV, SMTP_URL: 'smtp://mail.example.test:587' });
      expect(createMailTransport(c).name).toBe('smtp');
      expect(isDevMailboxEnabled(c)).toBe(false);
    }
  });

  it('uses the dev mailbox without SMTP_URL outside production', () => {
    for (const NODE_ENV of ['development', 'test']) {
      expect(createMailTransport(config({ NODE_ENV })).name).toBe('dev-mailbox');
      expect(isDevMailboxEnabled(config({ NODE_ENV }))).toBe(true);
    }
  });

  it('keeps the dev mailbox off when the server listens beyond this machine', () => {
    expect(isDevMailboxEnabled(config({ NODE_ENV: 'development', HOST: '0.0.0.0' }))).toBe(false);
    expect(isDevMailboxEnabled(config({ NODE_ENV: 'development', HOST: 'localhost' }))).toBe(true);
  });

  it('refuses to start in production without SMTP_URL, naming the variable', () => {
    const c = config({ NODE_ENV: 'production' });
    expect(() => createMailTransport(c)).toThrow(ConfigError);
    expect(() => createMailTransport(c)).toThrow(/SMTP_URL: required when NODE_ENV=production/);
    expect(isDevMailboxEnabled(c)).toBe(false);
  });
});

describe('html', () => {
  it('escapes interpolations, passes nested fragments and arrays through', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const items = ['<b>', 'a&b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${false}${undefined}${3}`.value).toBe('<ul><li>&lt;b&gt;</li><li>a&amp;b</li></ul>3');
  });
});

describe('links in a text body', () => {
  it('finds http(s) addresses once each, without trailing punctuation', () => {
    expect(linksIn('Go to https://a.test/x?t=1. Or http://b.test/y, or https://a.test/x?t=1\njavascript:alert(1)')).toEqual([
      'https://a.test/x?t=1',
      'http://b.test/y',
    ]);
  });
});
