// `portico feed-token create|list|revoke`: the credentials carrier systems send to
// POST /api/feed/{kind} (docs/data-feed.md "Over HTTP"). A token is printed once, at creation.
import { parseArgs } from 'node:util';
import type { TConfig } from '../config.ts';
import { createFeedToken, listFeedTokenSummaries, revokeFeedToken } from '../features/feed/feed-tokens.service.ts';
import { systemClock } from '../platform/clock.ts';
import { OPERATOR, withDatabase } from './with-database.ts';

export const FEED_TOKEN_USAGE = `  feed-token create --name NAME
                             make a token for POST /api/feed/{kind}; it is printed once (only its hash is kept)
  feed-token list            show each token's name, creation, last use and revocation
  feed-token revoke --name NAME
                             refuse the token from now on`;

const SHORT_USAGE = 'Usage: portico feed-token <create --name NAME | list | revoke --name NAME>';

export async function feedTokenCommand(config: TConfig, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'create':
    case 'revoke': {
      // strict: an unknown option throws ERR_PARSE_ARGS_*, which the CLI answers with exit 2.
      const { values } = parseArgs({ args: rest, options: { name: { type: 'string' } } });
      if (!values.name?.trim()) {
        console.error(`Name the token: portico feed-token ${sub} --name NAME`);
        return 2;
      }
      return sub === 'create' ? create(config, values.name) : revoke(config, values.name);
    }
    case 'list':
      parseArgs({ args: rest, options: {} });
      return list(config);
    case undefined:
    default:
      console.error(SHORT_USAGE);
      return 2;
  }
}

async function create(config: TConfig, name: string): Promise<number> {
  return withDatabase(config, async ({ db }) => {
    const created = await createFeedToken({ db, clock: systemClock }, { name, actor: OPERATOR });
    console.log(`Feed token "${created.name}" created. It is shown only now; store it in the carrier system's secrets:\n`);
    console.log(`  ${created.token}\n`);
    console.log('The carrier system sends it as the header  Authorization: Bearer <token>');
    return 0;
  });
}

async function list(config: TConfig): Promise<number> {
  return withDatabase(config, async ({ db }) => {
    const tokens = await listFeedTokenSummaries({ db, clock: systemClock });
    if (tokens.length === 0) {
      console.log('No feed tokens. Make one with: portico feed-token create --name NAME');
      return 0;
    }
    const when = (date: Date | null) => (date ? date.toISOString().slice(0, 16).replace('T', ' ') : '-');
    const width = Math.max(4, ...tokens.map((t) => t.name.length));
    console.log(`${'NAME'.padEnd(width)}  CREATED           LAST USED         REVOKED`);
    for (const t of tokens) console.log(`${t.name.padEnd(width)}  ${when(t.createdAt).padEnd(16)}  ${when(t.lastUsedAt).padEnd(16)}  ${when(t.revokedAt)}`);
    return 0;
  });
}

async function revoke(config: TConfig, name: string): Promise<number> {
  return withDatabase(config, async ({ db }) => {
    const result = await revokeFeedToken({ db, clock: systemClock }, { name, actor: OPERATOR });
    console.log(result.alreadyRevoked ? `Feed token "${name.trim()}" was already revoked.` : `Feed token "${name.trim()}" revoked.`);
    return 0;
  });
}
