// `portico import <kind> FILE.csv`: the carrier's own data into Portico through the data feed
// (docs/data-feed.md), the producer roster included.
import type { TConfig } from '../config.ts';
import { FEED_KINDS, isFeedKind } from '../features/feed/feed-kinds.ts';
import { feedImportCommand } from './feed-import-command.ts';

export const IMPORT_USAGE = `  import <${FEED_KINDS.join('|')}> FILE.csv
                             the data feed (docs/data-feed.md): streamed, checked row by row, loaded in
                             batches; refused rows go to FILE.errors.csv`;

export async function importCommand(config: TConfig, args: string[]): Promise<number> {
  const [kind, file, ...extra] = args;
  if (kind === undefined || !isFeedKind(kind) || !file || extra.length) {
    console.error(`Usage:\n${IMPORT_USAGE}`);
    return 2;
  }
  return feedImportCommand(config, { kind, file });
}
