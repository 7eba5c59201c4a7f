import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      smtpUrl: undefined,
      nodeEnv: 'development',
      publicUrl: 'http://127.0.0.1:3000',
    });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('fails fast, naming every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', NODE_ENV: 'staging' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect(String(error)).toMatch(/PORT/);
      expect(String(error)).toMatch(/DATABASE_URL/);
    }
  });

  describe('TRUST_PROXY', () => {
    it('trusts no proxy by default', () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    });

    it("takes a comma-separated list of addresses, CIDR ranges and proxy-addr's names", () => {
      expect(loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
      expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1 , 10.0.0.0/8,fd00::/8, ::1,loopback,uniquelocal,linklocal ' }).trustProxy).toEqual([
        '127.0.0.1',
        '10.0.0.0/8',
        'fd00::/8',
        '::1',
        'loopback',
        'uniquelocal',
        'linklocal',
      ]);
    });

    it('refuses hop counts, true, ranges of everyone and anything else, naming the variable', () => {
      for (const value of ['1', '2', 'true', '0.0.0.0/0', '::/0', '10.0.0.0/33', '::1/129', '10.0.0.0/8x', 'proxy.example', '10.0.0', '127.0.0.1,', '*']) {
        expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
      }
    });
  });
});
