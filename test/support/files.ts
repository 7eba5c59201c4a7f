// Uploaded files and sealed secrets for a test app: a disk file store in a temporary folder of its
// own, and a secret box with a random key (so no test reads or writes DATA_DIR).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encryptionKeyOf } from '../../src/server/config.ts';
import { createDiskFileStore, type TFileStore } from '../../src/server/platform/file-store/index.ts';
import { createSecretBox, type TSecretBox } from '../../src/server/platform/secret-box.ts';

export interface TTestFiles {
  fileStore: TFileStore;
  secretBox: TSecretBox;
  /** The folder the disk store writes under. */
  filesDir: string;
  cleanup(): Promise<void>;
}

export async function createTestFiles(): Promise<TTestFiles> {
  const filesDir = await mkdtemp(join(tmpdir(), 'portico-files-'));
  return {
    fileStore: createDiskFileStore(filesDir),
    secretBox: createSecretBox(encryptionKeyOf(randomBytes(32))),
    filesDir,
    cleanup: () => rm(filesDir, { recursive: true, force: true }),
  };
}
