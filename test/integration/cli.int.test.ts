// The `portico` CLI as an operator runs it: a real process on Node 24 against the engine under test.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock } from '../../src/server/db/data-dir-lock.ts';
import { createCliEnvironment, testEngine } from '../support/db.ts';
import { runPortico, startPorticoServe } from '../support/portico-process.ts';

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
beforeAll(async () => {
  cli = await createCliEnvironment();
});
afterAll(async () => {
  await cli.cleanup();
});

const portico = (...args: string[]) => runPortico(cli.env, ...args);

describe('portico migrate', () => {
  it('is idempotent', async () => {
    expect((await portico('migrate')).code).toBe(0);
    const again = await portico('migrate');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/Migrations applied/);
  });
});

describe('portico import producers', () => {
  it('loads the good rows, reports each bad row with its line and reason, exits 1, and is idempotent', async () => {
    const file = join(cli.dataDir, 'roster.csv');
    await writeFile(
      file,
      [
        'agent_unique_id,first_name,last_name,email,agency_name,states',
        '000700001,Ada,Lovelace,ada@example.test,Analytical Agency,IL;TX',
        '12345,Bad,Id,bad@example.test,,IL',
        '000700002,Grace,Hopper,not-an-email,,TX',
        '000700003,Alan,Turing,alan@example.test,,CA;TX',
        '000700004,"Hopper, Jr.",Grace,grace.jr@example.test,"Agency, Inc.",mt',
        '000700005,Too,Few',
      ].join('\n'),
    );
    const first = await portico('import', 'producers', file);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/Producers: 6 rows read, 2 inserted, 0 updated, 0 unchanged, 4 failed/);
    expect(first.stderr).toMatch(/line 3, agent_unique_id "12345": an Agent Unique ID is 9 digits/);
    expect(first.stderr).toMatch(/line 4, email "not-an-email": not an e-mail address/);
    expect(first.stderr).toMatch(/line 5, states "CA;TX": "CA" is not one of IL, MT, NM, OK, TX/);
    expect(first.stderr).toMatch(/line 7: expected 6 fields, found 3/);

    const second = await portico('import', 'producers', file);
    expect(second.stdout).toMatch(/0 inserted, 0 updated, 2 unchanged, 4 failed/);
  });

  it('exits 0 when every row loads, and explains a wrong header', async () => {
    const good = join(cli.dataDir, 'good.csv');
    await writeFile(good, 'agent_unique_id,first_name,last_name,email,agency_name,states\n000700010,Kat,Johnson,kat@example.test,,OK\n');
    expect((await portico('import', 'producers', good)).code).toBe(0);
    const bad = join(cli.dataDir, 'bad-header.csv');
    await writeFile(bad, 'id,name\n1,x\n');
    const r = await portico('import', 'producers', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/line 1: unknown column\(s\) "id", "name"; the producers columns are agent_unique_id,first_name,/);
  });
});

describe('portico users create', () => {
  // Eight real processes, each opening and migrating the database: more than the default 30 s on a busy machine.
  it('creates a user linked to a producer, refuses a duplicate name in any case, a wrong role and a weak password', { timeout: 90_000 }, async () => {
    const create = (...extra: string[]) =>
      portico('users', 'create', '--portal', 'producers', '--role', 'primary-producer', '--producer', '000700001', ...extra);
    const ok = await create('--username', 'ada.pp', '--password', 'Analytical#1', '--name', 'Ada Lovelace');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Created user ada.pp/);
    const dup = await create('--username', 'ADA.PP', '--password', 'Analytical#1');
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already taken/);
    const role = await portico('users', 'create', '--portal', 'retail', '--role', 'help-desk', '--username', 'xyz', '--password', 'abc123');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/role/);
    const weak = await portico(
      'users',
      'create',
      '--portal',
      'retail',
      '--role',
      'retail-producer',
      '--producer',
      '000700001',
      '--username',
      'ada.r',
      '--password',
      'no!',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/six to nine|6 to 9/);
    const unlock = await portico('users', 'unlock', '--portal', 'producers', '--username', 'Ada.PP');
    expect(unlock.code).toBe(0);
    expect(unlock.stdout).toMatch(/Unlocked/);
    const unknown = await portico('users', 'unlock', '--portal', 'producers', '--username', 'nobody');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no such user/);
    const missing = await portico('users', 'create', '--portal', 'retail');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--username/);
  });
});

describe.runIf(testEngine() === 'pglite')('the embedded database held by another process', () => {
  it('makes a command say so clearly and change nothing', async () => {
    const fresh = await createCliEnvironment();
    const lock = acquireDataDirLock(fresh.dataDir);
    try {
      const r = await runPortico(fresh.env, 'migrate');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/in use by another Portico process \(pid \d+\)/);
      expect(existsSync(join(fresh.dataDir, 'pglite', 'PG_VERSION'))).toBe(false);
    } finally {
      lock.release();
      await fresh.cleanup();
    }
  });
});

describe('portico lifecycle run', () => {
  it('prints what it would do per portal in a dry run, does it for real, and refuses a bad date', { timeout: 90_000 }, async () => {
    const sub = await portico(
      'users',
      'create',
      '--portal',
      'producers',
      '--role',
      'producer-user',
      '--producer',
      '000700001',
      '--username',
      'ada.sub',
      '--password',
      'Analytical#2',
    );
    expect(sub.code, sub.stderr).toBe(0);
    const dry = await portico('lifecycle', 'run', '--as-of', '2099-01-01', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Lifecycle run as of 2099-01-01 \(dry run: nothing was changed\)/);
    expect(dry.stdout).toMatch(/producers\s+would be deleted 0, would be disabled 1, would be warned 0/);
    expect(dry.stdout).toMatch(/would be disabled: ada\.sub/);
    const real = await portico('lifecycle', 'run', '--as-of', '2099-01-01');
    expect(real.stdout).toMatch(/producers\s+deleted 0, disabled 1, warned 0/);
    const again = await portico('lifecycle', 'run', '--as-of', '2099-01-01');
    expect(again.stdout).toMatch(/producers\s+deleted 0, disabled 0, warned 0/);
    const bad = await portico('lifecycle', 'run', '--as-of', '2099-13-01');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--as-of must be a date like/);
  });
});

describe('portico serve', () => {
  it('serves, and on SIGTERM finishes cleanly and releases the database', { timeout: 90_000 }, async () => {
    const server = await startPorticoServe(cli.env);
    expect(server.ready, server.output()).toBe(true);
    expect(await server.stop()).toBe(0);
    expect(existsSync(join(cli.dataDir, 'portico.pid'))).toBe(false);
  });
});
