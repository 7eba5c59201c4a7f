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
  const made = new Set<string>();
  return {
    kind: 'disk',
    async put({ key, bytes }) {
      const target = pathOf(key);
      const temporary = join(root, TEMPORARY_DIR, `${randomBytes(12).toString('hex')}.part`);
      // The directories are made once per process, not per file (two mkdir calls of a 1 MB put's ~10 ms).
      const dirs = [join(root, TEMPORARY_DIR), dirname(target)];
      await ensureDirectories(made, dirs);
      // A directory removed since (by hand) is made again once.
      const handle = await open(temporary, 'wx', 0o600).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        made.clear();
        await ensureDirectories(made, dirs);
        return open(temporary, 'wx', 0o600);
      });
      try {
        await writeAll(handle, bytes);
        await handle.sync();
      } catch (error) {
        await handle.close().catch(() => {});
        await rm(temporary, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temporary, target).catch(async (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        made.clear();
        await ensureDirectories(made, dirs);
        await rename(temporary, target);
      });
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

/** A stream's chunks are gathered up to this much and written with one writev (one system call, not one per chunk). */
const WRITE_BATCH_BYTES = 4 * 1024 * 1024;

async function writeAll(handle: FileHandle, bytes: Buffer | Readable): Promise<void> {
  if (Buffer.isBuffer(bytes)) {
    await handle.writeFile(bytes);
    return;
  }
  let batch: Buffer[] = [];
  let batchBytes = 0;
  for await (const chunk of bytes) {
    batch.push(chunk as Buffer);
    batchBytes += (chunk as Buffer).length;
    if (batchBytes >= WRITE_BATCH_BYTES) {
      await writeBatch(handle, batch);
      batch = [];
      batchBytes = 0;
    }
  }
  await writeBatch(handle, batch);
}

/** writev may write less than asked (like write): the rest is written until none is left. */
async function writeBatch(handle: FileHandle, batch: Buffer[]): Promise<void> {
  let rest = batch.filter((chunk) => chunk.length > 0);
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest);
    let done = 0;
    for (const chunk of rest) {
      if (bytesWritten < chunk.length) break;
      bytesWritten -= chunk.length;
      done++;
    }
    rest = rest.slice(done);
    const [first, ...others] = rest;
    if (first && bytesWritten > 0) rest = [first.subarray(bytesWritten), ...others];
  }
}

/** mkdir -p of each directory this store has not made yet. */
async function ensureDirectories(made: Set<string>, dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    if (made.has(dir)) continue;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    made.add(dir);
  }
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
