// An operator's mistakes on the command line get one clear line and a non-zero exit, never the SQL
// of a failed statement or a stack trace; `import groups` loads employer groups as a real process.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCliEnvironment } from '../support/db.ts';
import { leakIn } from '../support/leaks.ts';
import { runPortico, type TCommandResult } from '../support/portico-process.ts';

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
const portico = (...args: string[]) => runPortico(cli.env, ...args);
const file = async (name: string, lines: string[]) => {
  const path = join(cli.dataDir, name);
  await writeFile(path, lines.join('\n'));
  return path;
};

beforeAll(async () => {
  cli = await createCliEnvironment();
  const roster = await file('roster.csv', ['agent_unique_id,first_name,last_name,email,agency_name,states', '410000002,Rita,Retail,rita@example.test,,TX']);
  expect((await portico('import', 'producers', roster)).code).toBe(0);
}, 60_000);
afterAll(async () => {
  await cli.cleanup();
});

describe('portico import groups', () => {
  it('upserts by account number, reports each bad row by line, loads the good ones, exits 1, and is idempotent', async () => {
    const groups = await file('groups.csv', [
      '\uFEFFAccount_Number,Name',
      '880001,Prairie Foods Inc.',
      '880002,"Smith, Jones & Co."',
      'bad number!,Nope LLC',
      '880003,',
      '880004,"Nul\u0000Name"',
      '880005,Five,extra',
    ]);
    const first = await portico('import', 'groups', groups);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Employer groups: 6 rows read, 2 inserted, 0 updated, 0 unchanged, 4 failed \(/);
    expect(first.stderr).toMatch(/line 4, account_number "bad number!": must be 1 to 32 letters, digits or dashes/);
    expect(first.stderr).toMatch(/line 5, name: is required/);
    expect(first.stderr).toMatch(/line 6, name ".*": Remove the control character/);
    expect(first.stderr).toMatch(/line 7: expected 2 fields, found 3/);
    // Every refused row is also in the error report beside the file.
    const report = await readFile(groups.replace(/\.csv$/, '.errors.csv'), 'utf8');
    expect(report.split('\n')[0]).toBe('line,column,value,reason');
    expect(report).toMatch(/^4,account_number,bad number!,"must be 1 to 32 letters, digits or dashes"$/m);

    const renamed = await file('renamed.csv', ['name,account_number', 'Prairie Foods Co-op,880001']);
    const second = await portico('import', 'groups', renamed);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 inserted, 1 updated, 0 unchanged, 0 failed/);

    // The group now exists for the employers portal, under its new name.
    const da = await portico(
      'users',
      'create',
      '--portal',
      'employers',
      '--role',
      'delegated-admin',
      '--group',
      '880001',
      '--username',
      'prairie.da',
      '--password',
      'Prairie#Foods1',
      '--email',
      'da@prairie.example',
    );
    expect(da.code, da.stderr).toBe(0);
  });

  it('refuses unknown and missing columns by name, changing nothing', async () => {
    const extra = await portico('import', 'groups', await file('extra.csv', ['account_number,name,state,employees', '880009,Extra Co,TX,12']));
    expect(extra.code).toBe(1);
    expect(extra.stderr).toMatch(/line 1: unknown column\(s\) "employees"; the groups columns are account_number,name,state,/);
    expect(extra.stdout).toMatch(/0 rows read, 0 inserted, 0 updated, 0 unchanged, 1 failed/);
    const missing = await portico('import', 'groups', await file('missing.csv', ['account_number', '880010']));
    expect(missing.stderr).toMatch(/line 1: the header lacks the column\(s\) name/);
    const noGroup = await portico(
      'users',
      'create',
      '--portal',
      'employers',
      '--role',
      'employer-user',
      '--group',
      '880009',
      '--username',
      'nobody.here',
      '--password',
      'Prairie#Foods1',
    );
    expect(noGroup.stderr).toMatch(/No employer group has the account number 880009/);
  });

  it('shows progress on a long file', async () => {
    const rows = Array.from({ length: 1_200 }, (_v, i) => `${900000 + i},Group ${i}`);
    const long = await portico('import', 'groups', await file('long.csv', ['account_number,name', ...rows]));
    expect(long.code, long.stderr).toBe(0);
    expect(long.stdout).toMatch(/1200 rows read, 1200 inserted, 0 updated, 0 unchanged, 0 failed/);
    expect(long.stderr).toMatch(/\d+% \| 1200 rows \| \d+ rows\/s \| ETA/);
  });
});

describe('every portico command, given bad input', () => {
  it('answers with a clear line and a non-zero exit, never SQL or a stack trace', async () => {
    const roster = await file('bad-roster.csv', [
      'agent_unique_id,first_name,last_name,email,agency_name,states',
      '410000003,Nul\u0000,Name,n@example.test,,TX',
      '"410000004,unclosed',
    ]);
    // `users create` for a retail account of roster entry 410000002, or a help-desk account.
    const retailOf410000002 = (...rest: string[]) => ['users', 'create', '--portal', 'retail', '--role', 'retail-producer', '--producer', '410000002', ...rest];
    const helpDesk = (...rest: string[]) => ['users', 'create', '--portal', 'staff', '--role', 'help-desk', ...rest];
    const cases: { args: string[]; says: RegExp }[] = [
      // The newcomer's case: a second retail account for one roster entry.
      { args: retailOf410000002('--username', 'rita1', '--password', 'Retail26'), says: /^Created user/ },
      { args: retailOf410000002('--username', 'rita2', '--password', 'Retail27'), says: /^Producer 410000002 already has a Retail Producer Portal account\.$/ },
      { args: retailOf410000002('--username', 'RITA1', '--password', 'Retail27'), says: /already taken/ },
      { args: ['users', 'create', '--portal', 'moon', '--role', 'x', '--username', 'abc', '--password', 'Whatever#123'], says: /no such portal/ },
      {
        args: ['users', 'create', '--portal', 'retail', '--role', 'retail-producer', '--producer', '999999999', '--username', 'abc', '--password', 'Retail28'],
        says: /No producer has the Agent Unique ID 999999999/,
      },
      { args: helpDesk('--username', "x'; drop table users; --", '--password', 'Whatever#123'), says: /--username: The User Name can contain/ },
      { args: helpDesk('--username', 'a'.repeat(300), '--password', 'Whatever#123'), says: /--username: User Name must be at most 64/ },
      { args: helpDesk('--username', 'ok.name', '--password', 'Whatever#123', '--email', 'not an address'), says: /--email: Enter a valid E-mail Address/ },
      {
        args: helpDesk('--username', 'ok.name', '--password', 'Whatever#123', '--name', `Pat ${'L'.repeat(200)}`),
        says: /--name: The Last Name must be at most 100 characters/,
      },
      { args: ['users', 'create', '--portal', 'staff', '--bogus'], says: /Unknown option '--bogus'/ },
      { args: ['users', 'delete'], says: /Unknown users subcommand "delete"/ },
      { args: ['users', 'unlock', '--portal', 'staff', '--username', 'nobody'], says: /no such user/ },
      { args: ['lifecycle', 'run', '--as-of', '2026-02-30'], says: /--as-of must be a date like/ },
      { args: ['lifecycle', 'walk'], says: /Usage: portico lifecycle run/ },
      { args: ['import', 'producers', roster], says: /line 3: not readable as CSV: Quote Not Closed/ },
      { args: ['import', 'groups', join(cli.dataDir, 'no-such.csv')], says: /Cannot read .*no-such\.csv: no such file/ },
      { args: ['import', 'boats', roster], says: /Usage:/ },
      { args: ['import', 'policies', roster], says: /line 1: unknown column\(s\) "agent_unique_id", .*; the policies columns are policy_number,/ },
      { args: ['seed'], says: /Say what to seed/ },
      { args: ['fly'], says: /Unknown command "fly"/ },
    ];
    const results: { args: string; result: TCommandResult }[] = [];
    for (const { args } of cases) results.push({ args: args.join(' ').slice(0, 80), result: await portico(...args) });
    for (const [i, { args, result }] of results.entries()) {
      const output = `${result.stdout}${result.stderr}`;
      expect({ args, leak: leakIn(output)?.source, output: output.slice(0, 300) }).toEqual({ args, leak: undefined, output: output.slice(0, 300) });
      expect(output.trim(), args).toMatch(cases[i]?.says ?? /never/m);
      if (i > 0) expect(result.code, args).toBeGreaterThan(0);
    }
  }, 120_000);
});
