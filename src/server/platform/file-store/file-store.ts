// One interface for where uploaded files live (docs/decisions/0019, "File store"): the local disk
// (default) or an S3-compatible bucket that several instances share. Keys are chosen by the
// server (never from a user's file name), so a key is checked here and a bad one is a bug.
import type { Readable } from 'node:stream';

export interface TStoredFile {
  key: string;
  /** When the file was written: the sweep leaves recent files alone (an upload may be in flight). */
  modifiedAt: Date;
}

export interface TFileStore {
  readonly kind: 'disk' | 's3';
  /**
   * Stores the bytes under `key` whole or not at all: a reader never sees half a file. A stream
   * that errors (e.g. over the size limit) leaves nothing behind and rejects with its error.
   */
  put(input: { key: string; bytes: Buffer | Readable }): Promise<void>;
  /** The file's bytes; throws FileMissingError when there is no such file. */
  open(key: string): Promise<Readable>;
  /** Removes the file; removing one that is not there is not an error. */
  remove(key: string): Promise<void>;
  /** Every stored file, in no particular order. */
  list(): AsyncIterable<TStoredFile>;
  /** Removes what interrupted writes left (disk: temporary files older than `olderThan`); returns how many. */
  removeLeftovers(input: { olderThan: Date }): Promise<number>;
}

export class FileMissingError extends Error {
  override readonly name = 'FileMissingError';
  constructor(key: string) {
    super(`no stored file ${key}`);
  }
}

/** Segments of lowercase letters, digits, dots, dashes and underscores, not starting with a dot. */
const KEY = /^[a-z0-9][a-z0-9._-]{0,127}(\/[a-z0-9][a-z0-9._-]{0,127}){0,3}$/;

export function assertValidKey(key: string): void {
  if (!KEY.test(key)) throw new Error(`invalid file store key ${JSON.stringify(key)}`);
}

export function isValidKey(key: string): boolean {
  return KEY.test(key);
}
