// The file store's door: the backend the configuration names (docs/decisions/0019, "File store").
import { join } from 'node:path';
import type { TConfig } from '../../config.ts';
import { createDiskFileStore } from './disk-file-store.ts';
import type { TFileStore } from './file-store.ts';
import { createS3FileStore } from './s3-file-store.ts';

export { createDiskFileStore } from './disk-file-store.ts';
export { createS3FileStore } from './s3-file-store.ts';
export { FileMissingError, type TFileStore, type TStoredFile } from './file-store.ts';

/** S3 when S3_URL and S3_BUCKET are set, else DATA_DIR/files. Does no I/O until first used. */
export function fileStoreFromConfig(config: Pick<TConfig, 's3' | 'dataDir'>): TFileStore {
  return config.s3 ? createS3FileStore(config.s3) : createDiskFileStore(join(config.dataDir, 'files'));
}
