import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptionKeyOf } from '../config.ts';
import { createSecretBox, developmentKey, secretBoxFromConfig, SecretBoxError } from './secret-box.ts';

const box = () => createSecretBox(encryptionKeyOf(randomBytes(32)));

describe('the secret box', () => {
  it('seals to v1.<keyId>.<iv>.<ciphertext+tag> and opens it again', () => {
    const b = box();
    const sealed = b.seal('123456789');
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
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
      ['v2', keyId, iv, body].join('.'),
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

  it('is not used when PORTICO_ENCRYPTION_KEY is set', () => {
    const key = encryptionKeyOf(randomBytes(32));
    const b = secretBoxFromConfig({ dataDir: '/nonexistent', encryptionKey: key });
    expect(b.keyId).toBe(key.id);
    expect(b.open(b.seal('1'))).toBe('1');
  });
});
