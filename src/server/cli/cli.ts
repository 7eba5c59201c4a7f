// The `portico` command: each subcommand opens the database, does one job and closes it.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type TConfig } from '../config.ts';
import { openDatabase, type TDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { seedDemoData } from '../features/demo/demo.service.ts';
import { importProducersCsv } from '../features/imports/producers-import.service.ts';
import { LIFECYCLE_ACTIONS, runLifecycle } from '../features/lifecycle/lifecycle.service.ts';
import { createUser, unlockUser } from '../features/users/users.service.ts';
import { systemClock } from '../platform/clock.ts';
import { isAppError, isDatabaseUnavailable } from '../platform/errors.ts';
import { redactQueryParams, safeErrorMessage } from '../platform/log-safety.ts';
import { printDemoLogins } from './demo-logins.ts';
import { serve } from './serve.ts';

const USAGE = `Usage: portico <command>

  serve [--demo]             migrate, (with --demo: seed demo data into an empty database,) and serve
  migrate                    apply database migrations (idempotent)
  seed --demo                load demo data into an empty database
  users create --portal <producers|employers|retail|staff> --username U --password P --role R
               [--producer AGENT_UNIQUE_ID] [--group ACCOUNT_NUMBER] [--email E] [--name "First Last"]
  users unlock --portal P --username U   lift a lockout before it expires (audited)
  lifecycle run [--as-of YYYY-MM-DD] [--dry-run]
                             disable IDs unused >180 days, delete disabled ones >400 days, send warnings (per portal)
  import producers FILE.csv  upsert the producer roster (agent_unique_id,first_name,last_name,email,agency_name,states)
`;

const OPERATOR = { label: 'portico cli' };

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const config = loadConfig();
    switch (command) {
      case 'serve': return await serve(config, parseArgs({ args: rest, options: { demo: { type: 'boolean' } } }).values.demo === true);
      case 'migrate': return await withDatabase(config, async () => { console.log('Migrations applied.'); return 0; });
      case 'seed': return await seed(config, rest);
      case 'users': return await users(config, rest);
      case 'import': return await importCommand(config, rest);
      case 'lifecycle': return await lifecycleCommand(config, rest);
      case undefined: case 'help': case '--help': case '-h':
        console.log(USAGE);
        return command === undefined ? 1 : 0;
      default:
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || isAppError(error)) {
      console.error(error.message);
      return 1;
    }
    if (isDatabaseUnavailable(error)) {
      console.error('The database cannot be reached. Check DATABASE_URL and that the server is running.');
      return 1;
    }
    // Operators get one line; the stack only when they ask for it.
    const safe = redactQueryParams(error);
    console.error(`portico ${command ?? ''}: unexpected error: ${safeErrorMessage(error)}${process.env.PORTICO_DEBUG ? `\n${safe instanceof Error ? safe.stack : String(safe)}` : ' (set PORTICO_DEBUG=1 for details)'}`);
    return 1;
  }
}

/** Opens and migrates the database, runs `work`, and always closes it. */
async function withDatabase(config: TConfig, work: (database: TDatabase) => Promise<number>): Promise<number> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function seed(config: TConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { demo: { type: 'boolean' } } });
  if (!values.demo) {
    console.error('Say what to seed: portico seed --demo');
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    const seeded = await seedDemoData({ db, clock: systemClock });
    console.log(seeded ? 'Demo data loaded.' : 'The database already has users; demo data was not loaded.');
    if (seeded) printDemoLogins();
    return 0;
  });
}

async function users(config: TConfig, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'unlock') return unlockCommand(config, rest);
  if (sub !== 'create') {
    console.error(`Unknown users subcommand "${sub ?? ''}".\n\n${USAGE}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      portal: { type: 'string' }, username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' },
      producer: { type: 'string' }, group: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' },
    },
  });
  const missing = (['portal', 'username', 'password', 'role'] as const).filter((k) => !values[k]);
  if (missing.length) {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  const [firstName, ...last] = (values.name ?? '').trim().split(/\s+/);
  return withDatabase(config, async ({ db }) => {
    const { id } = await createUser({ db, clock: systemClock }, {
      portalId: values.portal ?? '',
      username: values.username ?? '',
      password: values.password ?? '',
      role: values.role ?? '',
      producerAgentId: values.producer,
      groupAccountNumber: values.group,
      email: values.email,
      firstName: values.name ? firstName : undefined,
      lastName: values.name ? last.join(' ') : undefined,
      actor: OPERATOR,
    });
    console.log(`Created user ${values.username} (${values.role}) in the ${values.portal} portal: ${id}`);
    return 0;
  });
}

async function unlockCommand(config: TConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { portal: { type: 'string' }, username: { type: 'string' } } });
  if (!values.portal || !values.username) {
    console.error(`Usage: portico users unlock --portal P --username U`);
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    await unlockUser({ db, clock: systemClock }, { portalId: values.portal ?? '', username: values.username ?? '', actor: OPERATOR });
    console.log(`Unlocked ${values.username} in the ${values.portal} portal.`);
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
    const result = await runLifecycle({ db, clock: systemClock }, { asOf: values['as-of'], dryRun: values['dry-run'] === true, trigger: 'cli', publicUrl: config.publicUrl });
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

async function importCommand(config: TConfig, args: string[]): Promise<number> {
  const [kind, file] = args;
  if (kind !== 'producers' || !file) {
    console.error(`Usage: portico import producers FILE.csv`);
    return 2;
  }
  const csv = await readFile(file, 'utf8');
  return withDatabase(config, async ({ db }) => {
    const report = await importProducersCsv({ db, clock: systemClock }, {
      csv,
      actor: OPERATOR,
      onProgress: (done) => process.stderr.write(`  ${done} rows…\n`),
    });
    console.log(`Producers: ${report.inserted} inserted, ${report.updated} updated, ${report.failed.length} failed.`);
    for (const problem of report.failed) console.error(`  line ${problem.line}: ${problem.reason}`);
    return report.failed.length ? 1 : 0;
  });
}
