// Files on the local disk under DATA_DIR/files. A write goes to a temporary file in the same file
// system, is fsynced, renamed into place and the directory fsynced: after a crash a key names
// either the whole file or nothing (the "no half-written state").
import { randomBytes } from 'node:crypto';
import { open, opendir, mkdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidKey, FileMissingError, isValidKey, type TFileStore, type TStoredFile } from './file-store.ts';

/** Temporary files live here, beside the files (a rename across file systems would not be atomic). */
const TEMPORARY_DIR = '.tmp';

export function createDiskFileStore(root: string): TFileStore {
  const pathOf = (key: string) => {
    assertValidKey(key);
    return join(root, ...key.split('/'));
  };
  return {
    kind: 'disk',
    async put({ key, bytes }) {
      const target = pathOf(key);
      const temporaryDir = join(root, TEMPORARY_DIR);
      await mkdir(temporaryDir, { recursive: true, mode: 0o700 });
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      const temporary = join(temporaryDir, `${randomBytes(12).toString('hex')}.part`);
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await writeAll(handle, bytes);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => {});
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temporary, target);
      await syncDirectory(dirname(target));
    },
    async open(key) {
      try {
        const handle = await open(pathOf(key), 'r');
        return handle.createReadStream();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new FileMissingError(key);
        throw error;
      }
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
    list: () => walk(root),
    async removeLeftovers({ olderThan }) {
      let removed = 0;
      for await (const file of walkFiles(join(root, TEMPORARY_DIR))) {
        if (file.modifiedAt < olderThan) {
          await unlink(file.path).catch(() => {});
          removed++;
        }
      }
      return removed;
    },
  };
}

async function writeAll(handle: FileHandle, bytes: Buffer | Readable): Promise<void> {
  if (Buffer.isBuffer(bytes)) {
    await handle.writeFile(bytes);
    return;
  }
  // writeFile writes a chunk whole (it loops over short writes), each after the last.
  for await (const chunk of bytes) await handle.writeFile(chunk as Buffer);
}

/** Makes the rename durable: the directory entry is on disk once this returns. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function* walk(root: string): AsyncGenerator<TStoredFile> {
  for await (const file of walkFiles(root)) {
    const key = relative(root, file.path).split(sep).join('/');
    if (key.startsWith(`${TEMPORARY_DIR}/`) || !isValidKey(key)) continue;
    yield { key, modifiedAt: file.modifiedAt };
  }
}

async function* walkFiles(dir: string): AsyncGenerator<{ path: string; modifiedAt: Date }> {
  let entries;
  try {
    entries = await opendir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for await (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) {
      // A file removed between the listing and the stat is simply gone.
      const info = await stat(path).catch(() => undefined);
      if (info) yield { path, modifiedAt: info.mtime };
    }
  }
}
