// `portico uploads sweep`: what the daily sweep inside `serve` does, on demand (e.g. from cron
// when no server runs, or after restoring a backup).
import { parseArgs } from 'node:util';
import type { TConfig } from '../config.ts';
import { sweepUploads } from '../features/uploads/uploads.service.ts';
import { systemClock } from '../platform/clock.ts';
import { fileStoreFromConfig } from '../platform/file-store/index.ts';
import { secretBoxFromConfig } from '../platform/secret-box.ts';
import { withDatabase } from './with-database.ts';

export const UPLOADS_USAGE = `  uploads sweep [--as-of ISO-TIME]
                             remove uploads no request claimed within a day, and stored files no upload names
                             (--as-of: sweep as if it were then, e.g. to clear a crash's leftovers at once)`;

export async function uploadsCommand(config: TConfig, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const asOf = sub === 'sweep' ? parseAsOf(rest) : null;
  if (asOf === null) {
    console.error('Usage: portico uploads sweep [--as-of ISO-TIME]');
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    const deps = { db, clock: systemClock, fileStore: fileStoreFromConfig(config), secretBox: secretBoxFromConfig(config) };
    const result = await sweepUploads(deps, { now: asOf ?? systemClock.now() });
    console.log(
      `Upload sweep: removed ${result.unclaimedUploads} unclaimed upload(s), ${result.orphanFiles} file(s) no upload named, ${result.leftovers} temporary file(s).`,
    );
    return 0;
  });
}

/** undefined: now; null: the arguments are wrong. */
function parseAsOf(args: string[]): Date | undefined | null {
  try {
    const { values } = parseArgs({ args, options: { 'as-of': { type: 'string' } } });
    if (values['as-of'] === undefined) return undefined;
    const date = new Date(values['as-of']);
    return Number.isNaN(date.getTime()) ? null : date;
  } catch {
    return null;
  }
}
