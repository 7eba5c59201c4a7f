// The `portico` command: each subcommand opens the database, does one job and closes it.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type TConfig } from '../config.ts';
import { findDatabaseError } from '../db/database-errors.ts';
import { MAX_SYNTHETIC_PRODUCERS } from '../features/feed/synthetic-entities.ts';
import { LIFECYCLE_ACTIONS, runLifecycle } from '../features/lifecycle/lifecycle.service.ts';
import { fileStoreFromConfig } from '../platform/file-store/index.ts';
import { secretBoxFromConfig } from '../platform/secret-box.ts';
import { systemClock } from '../platform/clock.ts';
import { toDataError } from '../platform/data-errors.ts';
import { isAppError, isDatabaseUnavailable } from '../platform/errors.ts';
import { redactQueryParams, safeErrorMessage } from '../platform/log-safety.ts';
import { printDemoLogins } from './demo-logins.ts';
import { FEED_TOKEN_USAGE, feedTokenCommand } from './feed-token-command.ts';
import { IMPORT_USAGE, importCommand } from './import-command.ts';
import { UPLOADS_USAGE, uploadsCommand } from './uploads-command.ts';
import { USERS_USAGE, usersCommand } from './users-commands.ts';
import { withDatabase } from './with-database.ts';

const USAGE = `Usage: portico <command>

  serve [--demo]             migrate, (with --demo: seed demo data into an empty database,) and serve
  migrate                    apply database migrations (idempotent)
  seed --demo                load demo data into an empty database
  seed --size N              load a synthetic book of N producers (about 100 clients each) through the data feed
${USERS_USAGE}
  lifecycle run [--as-of YYYY-MM-DD] [--dry-run]
                             disable IDs unused >180 days, delete disabled ones >400 days, send warnings (per portal)
${IMPORT_USAGE}
${FEED_TOKEN_USAGE}
${UPLOADS_USAGE}
`;

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve':
        // Loaded on demand: the app (every route) and the synthetic book are heavy, and the other
        // commands start faster without them.
        return await (await import('./serve.ts')).serve(config, parseArgs({ args: rest, options: { demo: { type: 'boolean' } } }).values.demo === true);
      case 'migrate':
        return await withDatabase(config, async () => {
          console.log('Migrations applied.');
          return 0;
        });
      case 'seed':
        return await seed(config, rest);
      case 'users':
        return await usersCommand(config, rest);
      case 'import':
        return await importCommand(config, rest);
      case 'feed-token':
        return await feedTokenCommand(config, rest);
      case 'lifecycle':
        return await lifecycleCommand(config, rest);
      case 'uploads':
        return await uploadsCommand(config, rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    return reportFailure(command, error);
  }
}

/**
 * One clear line for an operator, whatever went wrong: the typed message of a known failure, else
 * what kind of failure it was. Never the SQL of a failed statement (Drizzle puts it in the message)
 * and never a stack, unless PORTICO_DEBUG asks for the details.
 */
function reportFailure(command: string | undefined, error: unknown): number {
  if (isParseArgsError(error)) {
    console.error(`${error.message}

${USAGE}`);
    return 2;
  }
  const known = error instanceof ConfigError || isAppError(error) ? error : toDataError(error);
  if (known) {
    console.error(known.message);
    return 1;
  }
  if (isDatabaseUnavailable(error)) {
    console.error('The database cannot be reached. Check DATABASE_URL and that the server is running.');
    return 1;
  }
  const refused = findDatabaseError(error);
  const what = refused ? `the database refused a statement (SQLSTATE ${refused.sqlState})` : safeErrorMessage(error);
  const safe = redactQueryParams(error);
  const details = process.env.PORTICO_DEBUG ? `\n${safe instanceof Error ? safe.stack : String(safe)}` : ' (set PORTICO_DEBUG=1 for details)';
  console.error(`portico ${command ?? ''}: unexpected error: ${what}${details}`);
  return 1;
}

/** Node's parseArgs refuses an unknown or malformed option with one of these codes. */
function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

async function seed(config: TConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, size: { type: 'string' } } });
  if (values.size !== undefined) {
    const size = /^[1-9]\d{0,6}$/.test(values.size) ? Number(values.size) : 0;
    if (values.demo || size < 1 || size > MAX_SYNTHETIC_PRODUCERS) {
      console.error(`Usage: portico seed --size N, N a whole number of producers from 1 to ${MAX_SYNTHETIC_PRODUCERS}.`);
      return 2;
    }
    return (await import('./seed-size-command.ts')).seedSizeCommand(config, size);
  }
  if (!values.demo) {
    console.error('Say what to seed: portico seed --demo, or portico seed --size N');
    return 2;
  }
  return withDatabase(config, async ({ db, withBulkConnection }) => {
    const { seedDemoData } = await import('../features/demo/demo.service.ts');
    const seeded = await seedDemoData({
      db,
      clock: systemClock,
      bulk: withBulkConnection,
      fileStore: fileStoreFromConfig(config),
      secretBox: secretBoxFromConfig(config),
      publicUrl: config.publicUrl,
    });
    console.log(seeded ? 'Demo data loaded.' : 'The database already has users; demo data was not loaded.');
    if (seeded) printDemoLogins();
    return 0;
  });
}

async function lifecycleCommand(config: TConfig, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'run') {
    console.error('Usage: portico lifecycle run [--as-of YYYY-MM-DD] [--dry-run]');
    return 2;
  }
  const { values } = parseArgs({ args: rest, options: { 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean' } } });
  return withDatabase(config, async ({ db }) => {
    const result = await runLifecycle(
      { db, clock: systemClock },
      { asOf: values['as-of'], dryRun: values['dry-run'] === true, trigger: 'cli', publicUrl: config.publicUrl },
    );
    if (result.skipped) {
      console.log(`Lifecycle run skipped: ${result.reason}.`);
      return 0;
    }
    console.log(`Lifecycle run as of ${result.asOf}${result.dryRun ? ' (dry run: nothing was changed)' : ''}:`);
    const verb = (action: string) => (result.dryRun ? `would be ${action}` : action);
    for (const portal of result.portals) {
      console.log(`  ${portal.portalId.padEnd(10)} ${LIFECYCLE_ACTIONS.map((a) => `${verb(a)} ${portal.counts[a]}`).join(', ')}`);
      for (const action of LIFECYCLE_ACTIONS) {
        const names = portal.samples?.[action] ?? [];
        if (names.length) console.log(`    ${verb(action)}: ${names.join(', ')}${portal.counts[action] > names.length ? ', …' : ''}`);
      }
    }
    return 0;
  });
}
