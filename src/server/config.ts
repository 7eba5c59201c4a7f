// Configuration from the environment, read once into a typed object; bad values stop the start.
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** proxy-addr's names for common ranges (loopback: 127.0.0.0/8 and ::1; uniquelocal: 10/8, 172.16/12, 192.168/16, fc00::/7). */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a CIDR range other than everyone (/0), or one of proxy-addr's names. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || address.includes('%') || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: the reverse proxies whose X-Forwarded-For names the client (the address the
 * per-address login limit counts). Addresses, not a hop count or `true`: either would also believe
 * a client that reaches the server directly and writes X-Forwarded-For itself.
 */
const ZTrustProxy = z
  .string()
  .optional()
  .transform((value, ctx): false | string[] => {
    const text = value?.trim() ?? '';
    if (text === '' || text === 'false') return false;
    if (text === 'true' || /^\d+$/.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message:
          'give the addresses of the proxies (like 127.0.0.1 or 10.0.0.0/8), not true or a number of hops: those would let any client that reaches the server directly choose its own address',
      });
      return z.NEVER;
    }
    const entries = text.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyEntry(e));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of IP addresses, CIDR ranges (not /0), loopback, linklocal or uniquelocal; not ${bad.map((b) => JSON.stringify(b)).join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** PORTICO_ENCRYPTION_KEY: base64 of exactly 32 random bytes (AES-256). */
const ZEncryptionKey = optionalText.transform((value, ctx): Buffer | undefined => {
  if (value === undefined) return undefined;
  const key = /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) ? Buffer.from(value, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) {
    ctx.addIssue({ code: 'custom', message: 'must be the base64 of 32 random bytes (make one with: openssl rand -base64 32)' });
    return z.NEVER;
  }
  return key;
});

/** POST /api/feed/{kind}: the largest CSV body accepted (docs/decisions/0020). */
export const DEFAULT_FEED_MAX_BYTES = 2 * 1024 ** 3;

const ZConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    DATA_DIR: z.string().min(1).default('./data'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    MAIL_FROM: z.string().min(3).default('Portico <no-reply@portico.local>'),
    MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    PUBLIC_URL: z.url().optional(),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: ZTrustProxy,
    S3_URL: optionalText.pipe(z.url('must be the http(s) address of an S3-compatible endpoint').optional()),
    S3_BUCKET: optionalText,
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_REGION: optionalText.transform((value) => value ?? 'us-east-1'),
    PORTICO_ENCRYPTION_KEY: ZEncryptionKey,
    FEED_MAX_BYTES: z.coerce.number().int().min(1).default(DEFAULT_FEED_MAX_BYTES),
  })
  .superRefine((c, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.S3_URL && !c.S3_BUCKET) problem('S3_BUCKET', 'required with S3_URL');
    if (c.S3_BUCKET && !c.S3_URL) problem('S3_URL', 'required with S3_BUCKET');
    if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY))
      problem('S3_SECRET_ACCESS_KEY', 'give S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together');
    if (c.NODE_ENV === 'production' && !c.PORTICO_ENCRYPTION_KEY) {
      problem('PORTICO_ENCRYPTION_KEY', 'required when NODE_ENV=production (bank account numbers are sealed with it; make one with: openssl rand -base64 32)');
    }
  });

/** Where uploaded files live: an S3-compatible bucket (instances share it) or, unset, DATA_DIR/files. */
export interface TS3Config {
  url: string;
  bucket: string;
  region: string;
  /** Unset: the AWS SDK's default credential chain (instance roles and the like). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/** The key that seals secrets at rest; `id` (first 8 hex of its SHA-256) is written beside each sealed value. */
export interface TEncryptionKey {
  id: string;
  key: Buffer;
}

export function encryptionKeyOf(key: Buffer): TEncryptionKey {
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

export interface TConfig {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Delay before the first retry of an e-mail SMTP did not take; doubles with each further one. */
  mailRetrySeconds: number;
  publicUrl: string;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  isProduction: boolean;
  /** Fastify's trustProxy: false (the socket's address is the client's), or the proxies' addresses and ranges. */
  trustProxy: false | string[];
  /** Unset: files on the local disk under DATA_DIR/files. */
  s3: TS3Config | undefined;
  /** Unset outside production: a development key kept in DATA_DIR/encryption.key. */
  encryptionKey: TEncryptionKey | undefined;
  /** The largest body POST /api/feed/{kind} reads; beyond it the answer is 413. */
  feedMaxBytes: number;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.DATA_DIR),
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    mailRetrySeconds: c.MAIL_RETRY_SECONDS,
    publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST === '0.0.0.0' ? 'localhost' : c.HOST}:${c.PORT}`).replace(/\/$/, ''),
    nodeEnv: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    isProduction: c.NODE_ENV === 'production',
    trustProxy: c.TRUST_PROXY,
    s3:
      c.S3_URL && c.S3_BUCKET
        ? {
            url: c.S3_URL,
            bucket: c.S3_BUCKET,
            region: c.S3_REGION,
            credentials:
              c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY } : undefined,
          }
        : undefined,
    encryptionKey: c.PORTICO_ENCRYPTION_KEY ? encryptionKeyOf(c.PORTICO_ENCRYPTION_KEY) : undefined,
    feedMaxBytes: c.FEED_MAX_BYTES,
  };
}
