// Seals secrets at rest (the EFT bank account number) with AES-256-GCM (docs/decisions/0019):
// `v1.<keyId>.<base64url iv>.<base64url ciphertext+tag>`. The key id says which key sealed a
// value, so a wrong or rotated key is refused by name instead of failing as tampering.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { encryptionKeyOf, type TConfig, type TEncryptionKey } from '../config.ts';

export interface TSecretBox {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  seal(plaintext: string): string;
  /** The plaintext; throws SecretBoxError when the value was altered or sealed with another key. */
  open(sealed: string): string;
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v1\.([0-9a-f]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

export function createSecretBox(encryptionKey: TEncryptionKey): TSecretBox {
  const { id, key } = encryptionKey;
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    keyId: id,
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      // The version and key id are authenticated too: a value cannot be relabelled.
      cipher.setAAD(Buffer.from(`${VERSION}.${id}`));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed) {
      const parts = SEALED.exec(sealed);
      if (!parts) throw new SecretBoxError('not a sealed value');
      const [, sealedKeyId = '', ivText = '', bodyText = ''] = parts;
      if (sealedKeyId !== id) throw new SecretBoxError(`sealed with key ${sealedKeyId}, not with the configured key ${id}`);
      const body = Buffer.from(bodyText, 'base64url');
      if (body.length < TAG_BYTES) throw new SecretBoxError('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('the sealed value was altered');
      }
    },
  };
}

/**
 * The box of this installation: PORTICO_ENCRYPTION_KEY (required in production, config refuses
 * to start without it), else a development key made once into DATA_DIR/encryption.key. The
 * development key is read on first use, so building the app does no file I/O.
 */
export function secretBoxFromConfig(config: Pick<TConfig, 'encryptionKey' | 'dataDir'>): TSecretBox {
  if (config.encryptionKey) return createSecretBox(config.encryptionKey);
  let box: TSecretBox | undefined;
  const loaded = () => (box ??= createSecretBox(encryptionKeyOf(developmentKey(config.dataDir))));
  return {
    get keyId() {
      return loaded().keyId;
    },
    seal: (plaintext) => loaded().seal(plaintext),
    open: (sealed) => loaded().open(sealed),
  };
}

export const DEVELOPMENT_KEY_FILE = 'encryption.key';

/** Reads DATA_DIR/encryption.key, making it (mode 0600) if there is none; two processes agree on the first. */
export function developmentKey(dataDir: string): Buffer {
  const path = join(dataDir, DEVELOPMENT_KEY_FILE);
  try {
    return parseKeyFile(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Written whole under a temporary name, then linked into place: link fails if another process
  // got there first, and a reader never sees a half-written key.
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeFileSync(fd, `${randomBytes(32).toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  return parseKeyFile(readFileSync(path, 'utf8'), path);
}

function parseKeyFile(text: string, path: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${path} does not hold the base64 of a 32-byte key; remove it to make a new one (values sealed with it are lost)`);
  return key;
}
