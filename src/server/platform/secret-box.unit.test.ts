import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptionKeyOf } from '../config.ts';
import { createSecretBox, developmentKey, secretBoxFromConfig, SecretBoxError, warnIfDevelopmentKey } from './secret-box.ts';

const box = () => createSecretBox(encryptionKeyOf(randomBytes(32)));

/** A value as the first version sealed it (demo databases hold these): AAD `v1.<keyId>`, no context. */
function sealV1(key: Buffer, plaintext: string): string {
  const { id } = encryptionKeyOf(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`v1.${id}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `v1.${id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

describe('the secret box', () => {
  it('seals to v2.<keyId>.<iv>.<ciphertext+tag> and opens it again', () => {
    const b = box();
    const sealed = b.seal('123456789');
    expect(sealed).toMatch(/^v2\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed.split('.')[1]).toBe(b.keyId);
    expect(sealed).not.toContain('123456789');
    expect(b.open(sealed)).toBe('123456789');
    expect(b.open(b.seal(''))).toBe('');
    expect(b.open(b.seal('ünïcødé ✓'))).toBe('ünïcødé ✓');
  });

  it('seals the same number differently each time (random IV)', () => {
    const b = box();
    expect(b.seal('4111')).not.toBe(b.seal('4111'));
  });

  it('refuses a value that was altered, in any part', () => {
    const b = box();
    const sealed = b.seal('000123456789');
    const [version, keyId, iv = '', body = ''] = sealed.split('.');
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
    for (const altered of [
      [version, keyId, flip(iv, 3), body].join('.'),
      [version, keyId, iv, flip(body, 2)].join('.'),
      [version, keyId, iv, flip(body, body.length - 3)].join('.'),
      [version, keyId, iv, body.slice(0, -4)].join('.'),
      ['v1', keyId, iv, body].join('.'),
      ['v3', keyId, iv, body].join('.'),
      'not sealed at all',
    ]) {
      expect(() => b.open(altered), altered).toThrow(SecretBoxError);
    }
  });

  it('refuses a value sealed with another key, naming both key ids', () => {
    const a = box();
    const b = box();
    expect(() => b.open(a.seal('42'))).toThrow(new RegExp(`${a.keyId}.*${b.keyId}`));
    // Even relabelled with the right key id, the wrong key cannot open it.
    const relabelled = a.seal('42').replace(`.${a.keyId}.`, `.${b.keyId}.`);
    expect(() => b.open(relabelled)).toThrow(SecretBoxError);
  });

  it('opens a value only in the context it was sealed for', () => {
    const b = box();
    const sealed = b.seal('000123456789', 'ticket:a');
    expect(b.open(sealed, 'ticket:a')).toBe('000123456789');
    // Copied to another ticket's details, or read without saying whose it is: refused.
    for (const context of ['ticket:b', 'ticket:a ', 'ticket:', undefined]) {
      expect(() => b.open(sealed, context), String(context)).toThrow(SecretBoxError);
    }
    expect(() => b.open(b.seal('1'), 'ticket:a')).toThrow(SecretBoxError);
  });

  it('still opens v1 values (sealed before contexts), in any context, and refuses them altered', () => {
    const key = randomBytes(32);
    const b = createSecretBox(encryptionKeyOf(key));
    const old = sealV1(key, '000987654321');
    expect(b.open(old)).toBe('000987654321');
    expect(b.open(old, 'ticket:a')).toBe('000987654321');
    // Relabelled as v2 (to pass it off as bound), or sealed with another key: refused.
    expect(() => b.open(old.replace(/^v1\./, 'v2.'))).toThrow(SecretBoxError);
    expect(() => b.open(sealV1(randomBytes(32), '1'))).toThrow(SecretBoxError);
  });

  it('names a key by the first 8 hex characters of its SHA-256', () => {
    expect(encryptionKeyOf(Buffer.alloc(32, 0)).id).toBe('66687aad');
  });
});

describe('the development key', () => {
  it('is made once into DATA_DIR/encryption.key (mode 0600) and reused', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-key-'));
    try {
      const first = developmentKey(dataDir);
      expect(first).toHaveLength(32);
      const file = join(dataDir, 'encryption.key');
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect(developmentKey(dataDir).equals(first)).toBe(true);
      expect(Buffer.from((await readFile(file, 'utf8')).trim(), 'base64').equals(first)).toBe(true);
      // A box built from the config opens what another built the same way sealed (a restart).
      const sealed = secretBoxFromConfig({ dataDir, encryptionKey: undefined }).seal('987654321');
      expect(secretBoxFromConfig({ dataDir, encryptionKey: undefined }).open(sealed)).toBe('987654321');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a key file that holds no 32-byte key, rather than replacing it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-key-'));
    try {
      await writeFile(join(dataDir, 'encryption.key'), 'short\n');
      expect(() => developmentKey(dataDir)).toThrow(/does not hold the base64 of a 32-byte key/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('is announced by one warning naming the key file, never the key; none with PORTICO_ENCRYPTION_KEY', () => {
    const warnings: [object, string][] = [];
    const log = { warn: (details: object, message: string) => warnings.push([details, message]) };
    warnIfDevelopmentKey({ dataDir: '/var/portico', encryptionKey: encryptionKeyOf(randomBytes(32)) }, log);
    expect(warnings).toEqual([]);
    warnIfDevelopmentKey({ dataDir: '/var/portico', encryptionKey: undefined }, log);
    expect(warnings).toEqual([[{ keyFile: '/var/portico/encryption.key' }, expect.stringMatching(/Set PORTICO_ENCRYPTION_KEY before storing real data/)]]);
  });

  it('is not used when PORTICO_ENCRYPTION_KEY is set', () => {
    const key = encryptionKeyOf(randomBytes(32));
    const b = secretBoxFromConfig({ dataDir: '/nonexistent', encryptionKey: key });
    expect(b.keyId).toBe(key.id);
    expect(b.open(b.seal('1'))).toBe('1');
  });
});
