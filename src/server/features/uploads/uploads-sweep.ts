// The daily sweep (docs/decisions/0019): uploads no request claimed within a day go (row first, then
// file), and so do files no row names, which an interrupted upload or a crash between the file and
// its row leaves. Files younger than an hour are left alone: their upload may still be in flight.
import type { TServiceDeps } from '../../platform/deps.ts';
import { deleteUnclaimedUploads, findKnownStorageKeys } from './uploads.store.ts';

export const UNCLAIMED_UPLOAD_HOURS = 24;
export const ORPHAN_FILE_GRACE_MINUTES = 60;
const BATCH = 500;

export interface TSweepResult {
  /** Uploads older than a day that no ticket claimed: rows and their files removed. */
  unclaimedUploads: number;
  /** Files no row names. */
  orphanFiles: number;
  /** Temporary files interrupted writes left. */
  leftovers: number;
}

export async function sweepUploads(deps: TServiceDeps, input: { now: Date }): Promise<TSweepResult> {
  const unclaimedBefore = new Date(input.now.getTime() - UNCLAIMED_UPLOAD_HOURS * 3_600_000);
  const orphanBefore = new Date(input.now.getTime() - ORPHAN_FILE_GRACE_MINUTES * 60_000);

  let unclaimedUploads = 0;
  for (;;) {
    // The rows go first and commit: a crash before the files are removed leaves only orphans,
    // which the second pass (now or tomorrow) finds.
    const keys = await deleteUnclaimedUploads(deps.db, { before: unclaimedBefore, limit: BATCH });
    for (const key of keys) await deps.fileStore.remove(key);
    unclaimedUploads += keys.length;
    if (keys.length < BATCH) break;
  }

  let orphanFiles = 0;
  let batch: string[] = [];
  const removeOrphans = async () => {
    const known = await findKnownStorageKeys(deps.db, batch);
    for (const key of batch.filter((k) => !known.has(k))) {
      await deps.fileStore.remove(key);
      orphanFiles++;
    }
    batch = [];
  };
  for await (const file of deps.fileStore.list()) {
    if (file.modifiedAt >= orphanBefore) continue;
    batch.push(file.key);
    if (batch.length >= BATCH) await removeOrphans();
  }
  if (batch.length > 0) await removeOrphans();

  const leftovers = await deps.fileStore.removeLeftovers({ olderThan: orphanBefore });
  return { unclaimedUploads, orphanFiles, leftovers };
}
