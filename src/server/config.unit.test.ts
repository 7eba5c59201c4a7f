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

  describe('file store and encryption key', () => {
    const key = Buffer.alloc(32, 9).toString('base64');

    it('keeps files on the disk and uses the development key unless told otherwise', () => {
      expect(loadConfig({})).toMatchObject({ s3: undefined, encryptionKey: undefined });
    });

    it('takes an S3 store when S3_URL and S3_BUCKET are set (region us-east-1 by default)', () => {
      const c = loadConfig({ S3_URL: 'http://127.0.0.1:9000', S3_BUCKET: 'portico', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' });
      expect(c.s3).toEqual({
        url: 'http://127.0.0.1:9000',
        bucket: 'portico',
        region: 'us-east-1',
        credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
      });
      expect(loadConfig({ S3_URL: 'https://s3.example', S3_BUCKET: 'b', S3_REGION: 'eu-west-1' }).s3).toMatchObject({
        region: 'eu-west-1',
        credentials: undefined,
      });
    });

    it('refuses half an S3 configuration, naming what is missing', () => {
      expect(() => loadConfig({ S3_URL: 'http://127.0.0.1:9000' })).toThrow(/S3_BUCKET: required with S3_URL/);
      expect(() => loadConfig({ S3_BUCKET: 'b' })).toThrow(/S3_URL: required with S3_BUCKET/);
      expect(() => loadConfig({ S3_URL: 'not a url', S3_BUCKET: 'b' })).toThrow(/S3_URL/);
      expect(() => loadConfig({ S3_URL: 'http://s3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'id' })).toThrow(/S3_SECRET_ACCESS_KEY/);
    });

    it('takes PORTICO_ENCRYPTION_KEY as base64 of 32 bytes, with its key id; refuses anything else without echoing it', () => {
      expect(loadConfig({ PORTICO_ENCRYPTION_KEY: key }).encryptionKey?.id).toMatch(/^[0-9a-f]{8}$/);
      for (const bad of ['short', Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('base64'), 'not base64 at all!']) {
        expect(() => loadConfig({ PORTICO_ENCRYPTION_KEY: bad }), bad).toThrow(/PORTICO_ENCRYPTION_KEY: must be the base64 of 32 random bytes/);
        try {
          loadConfig({ PORTICO_ENCRYPTION_KEY: bad });
        } catch (error) {
          expect(String(error)).not.toContain(bad);
        }
      }
    });

    it('refuses to start in production without PORTICO_ENCRYPTION_KEY', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/PORTICO_ENCRYPTION_KEY: required when NODE_ENV=production/);
      expect(loadConfig({ NODE_ENV: 'production', PORTICO_ENCRYPTION_KEY: key }).isProduction).toBe(true);
    });
  });
});
