// `portico users create|unlock`: the operator's way to add a user or lift a lockout.
import { parseArgs } from 'node:util';
import type { TConfig } from '../config.ts';
import { ZCreateUserFields } from '../features/user-admin/user-accounts.schemas.ts';
import { createUser, unlockUser } from '../features/user-admin/user-accounts.service.ts';
import { systemClock } from '../platform/clock.ts';
import { OPERATOR, withDatabase } from './with-database.ts';

export const USERS_USAGE = `  users create --portal <producers|employers|retail|staff> --username U --password P --role R
               [--producer AGENT_UNIQUE_ID] [--group ACCOUNT_NUMBER] [--email E] [--name "First Last"]
  users unlock --portal P --username U   lift a lockout before it expires (audited)`;

export async function usersCommand(config: TConfig, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') return createCommand(config, rest);
  if (sub === 'unlock') return unlockCommand(config, rest);
  console.error(`Unknown users subcommand "${sub ?? ''}". Usage:\n${USERS_USAGE}`);
  return 2;
}

async function createCommand(config: TConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      portal: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      producer: { type: 'string' },
      group: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const missing = (['portal', 'username', 'password', 'role'] as const).filter((k) => !values[k]);
  if (missing.length) {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(', ')}. Usage:\n${USERS_USAGE}`);
    return 2;
  }
  const [firstName, ...last] = (values.name ?? '').trim().split(/\s+/);
  const fields = ZCreateUserFields.safeParse({
    username: values.username,
    email: values.email,
    firstName: values.name === undefined ? undefined : firstName,
    lastName: values.name === undefined ? undefined : last.join(' ') || undefined,
  });
  if (!fields.success) {
    for (const issue of fields.error.issues) console.error(`${optionOf(issue.path[0])}: ${issue.message}`);
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    const { id } = await createUser(
      { db, clock: systemClock },
      {
        ...fields.data,
        portalId: values.portal ?? '',
        password: values.password ?? '',
        role: values.role ?? '',
        producerAgentId: values.producer,
        groupAccountNumber: values.group,
        actor: OPERATOR,
      },
    );
    console.log(`Created user ${fields.data.username} (${values.role}) in the ${values.portal} portal: ${id}`);
    return 0;
  });
}

/** The option an operator typed for a field of ZCreateUserFields. */
function optionOf(field: PropertyKey | undefined): string {
  return field === 'firstName' || field === 'lastName' ? '--name' : `--${String(field)}`;
}

async function unlockCommand(config: TConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { portal: { type: 'string' }, username: { type: 'string' } } });
  if (!values.portal || !values.username) {
    console.error('Usage: portico users unlock --portal P --username U');
    return 2;
  }
  return withDatabase(config, async ({ db }) => {
    await unlockUser({ db, clock: systemClock }, { portalId: values.portal ?? '', username: values.username ?? '', actor: OPERATOR });
    console.log(`Unlocked ${values.username} in the ${values.portal} portal.`);
    return 0;
  });
}
