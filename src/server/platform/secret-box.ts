// Seals secrets at rest (the EFT bank account number) with AES-256-GCM (docs/decisions/0019):
// `v2.<keyId>.<base64url iv>.<base64url ciphertext+tag>`. The key id says which key sealed a
// value, so a wrong or rotated key is refused by name instead of failing as tampering. A v2 value
// is bound to a context (e.g. its ticket) authenticated with it: copied elsewhere, it does not
// open. `v1` values (no context, sealed before v2) still open, whatever context is asked for.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { encryptionKeyOf, type TConfig, type TEncryptionKey } from '../config.ts';

export interface TSecretBox {
  /** The id of the key new values are sealed with. */
  readonly keyId: string;
  /** With a context (where the value belongs), the value opens only for that same context. */
  seal(plaintext: string, context?: string): string;
  /** The plaintext; throws SecretBoxError when the value was altered, sealed with another key or for another context. */
  open(sealed: string, context?: string): string;
}

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^(v1|v2)\.([0-9a-f]{8})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22,})$/;

/**
 * What is authenticated besides the ciphertext: the version and key id (a value cannot be
 * relabelled) and, in v2, the context. The key id has a fixed length, so the context needs no escaping.
 */
function aadOf(version: 'v1' | 'v2', keyId: string, context: string): Buffer {
  return Buffer.from(version === 'v1' ? `v1.${keyId}` : `v2.${keyId}.${context}`);
}

export function createSecretBox(encryptionKey: TEncryptionKey): TSecretBox {
  const { id, key } = encryptionKey;
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    keyId: id,
    // Always v2: without a context it is bound to the empty one, and opens only without a context.
    seal(plaintext, context = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(aadOf('v2', id, context));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `v2.${id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed, context = '') {
      const parts = SEALED.exec(sealed);
      if (!parts) throw new SecretBoxError('not a sealed value');
      const [, version = 'v2', sealedKeyId = '', ivText = '', bodyText = ''] = parts;
      if (sealedKeyId !== id) throw new SecretBoxError(`sealed with key ${sealedKeyId}, not with the configured key ${id}`);
      const body = Buffer.from(bodyText, 'base64url');
      if (body.length < TAG_BYTES) throw new SecretBoxError('not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAAD(aadOf(version === 'v1' ? 'v1' : 'v2', id, context));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('the sealed value was altered or belongs elsewhere');
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
    seal: (plaintext, context) => loaded().seal(plaintext, context),
    open: (sealed, context) => loaded().open(sealed, context),
  };
}

export const DEVELOPMENT_KEY_FILE = 'encryption.key';

/**
 * At start: outside production without PORTICO_ENCRYPTION_KEY, one warning naming the key file
 * (never the key), so nobody keeps real bank numbers under a key that lives beside the data.
 */
export function warnIfDevelopmentKey(config: Pick<TConfig, 'encryptionKey' | 'dataDir'>, log: { warn(details: object, message: string): void }): void {
  if (config.encryptionKey) return;
  log.warn(
    { keyFile: join(config.dataDir, DEVELOPMENT_KEY_FILE) },
    'PORTICO_ENCRYPTION_KEY is not set: secrets are sealed with a development key kept in DATA_DIR. Set PORTICO_ENCRYPTION_KEY before storing real data.',
  );
}

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
