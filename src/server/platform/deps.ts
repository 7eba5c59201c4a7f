import type { TDb } from '../db/client.ts';
import type { TClock } from './clock.ts';
import type { TFileStore } from './file-store/index.ts';
import type { TSecretBox } from './secret-box.ts';

/** The database and the time: all that most services need (and all a CLI command or test must build). */
export interface TDataDeps {
  db: TDb;
  clock: TClock;
}

/** The database, the time and where files live (storing a file needs no secrets). */
export interface TFileDeps extends TDataDeps {
  fileStore: TFileStore;
}

/** Everything a service may need: also the key that seals secrets. */
export interface TServiceDeps extends TFileDeps {
  secretBox: TSecretBox;
}
