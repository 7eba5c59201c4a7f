// `portico feed-token create|list|revoke` as an operator runs it: the token printed once and
// stored hashed, a duplicate name refused (exit 1), a revoked token listed as such, a bad option
// answered with usage (exit 2).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCliEnvironment } from '../support/db.ts';
import { runPortico } from '../support/portico-process.ts';

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
const portico = (...args: string[]) => runPortico(cli.env, ...args);

beforeAll(async () => {
  cli = await createCliEnvironment();
}, 60_000);
afterAll(async () => {
  await cli.cleanup();
});

it('creates, lists and revokes feed tokens', async () => {
  const created = await portico('feed-token', 'create', '--name', 'carrier-admin');
  expect(created.code, created.stderr).toBe(0);
  expect(created.stdout).toMatch(/^ {2}pft_[A-Za-z0-9_-]{43}$/m);

  const again = await portico('feed-token', 'create', '--name', 'carrier-admin');
  expect(again.code).toBe(1);
  expect(again.stderr.trim()).toBe('A feed token named "carrier-admin" already exists. Choose another name, or revoke it first.');

  const revoked = await portico('feed-token', 'revoke', '--name', 'carrier-admin');
  expect(revoked.code, revoked.stderr).toBe(0);
  expect(revoked.stdout).toMatch(/Feed token "carrier-admin" revoked\./);

  const listed = await portico('feed-token', 'list');
  expect(listed.code, listed.stderr).toBe(0);
  expect(listed.stdout).toMatch(/^NAME +CREATED +LAST USED +REVOKED$/m);
  expect(listed.stdout).toMatch(/^carrier-admin {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}- +\d{4}-\d\d-\d\d \d\d:\d\d$/m);
}, 120_000);
