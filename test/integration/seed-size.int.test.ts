// `portico seed --size N` as an operator runs it: a usage error exits 2; a small book loads whole
// through the data feed (nothing refused), and a rerun inserts nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSyntheticRows } from '../../src/server/features/feed/synthetic-book.ts';
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

describe('portico seed --size', () => {
  it.each([['abc'], ['1000001']])('refuses --size %s with a usage error', async (size) => {
    const result = await portico('seed', '--size', size);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Usage: portico seed --size N/);
  });

  it('loads a book of 3 producers whole, and a rerun inserts nothing', { timeout: 120_000 }, async () => {
    const counts = countSyntheticRows({ producers: 3, asOf: new Date().toISOString().slice(0, 7) });
    const first = await portico('seed', '--size', '3');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Producers: 3 rows read, 3 inserted, 0 updated, 0 unchanged, 0 failed`);
    expect(first.stdout).toContain(`Clients: ${counts.clients} rows read, ${counts.clients} inserted, 0 updated, 0 unchanged, 0 failed`);
    expect(first.stdout).toContain(`Premium payments: ${counts.payments} rows read, ${counts.payments} inserted`);
    expect(first.stdout).toContain(`Commission statement lines: ${counts.commissions} rows read, ${counts.commissions} inserted`);
    expect(first.stderr).toMatch(/Clients .*100% \| \d+ rows/); // the progress bar (plain lines off a terminal)
    const again = await portico('seed', '--size', '3');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Clients: ${counts.clients} rows read, 0 inserted, 0 updated, ${counts.clients} unchanged, 0 failed`);
    expect(again.stdout).toContain(`Policies: ${counts.policies} rows read, 0 inserted, 0 updated, ${counts.policies} unchanged, 0 failed`);
    expect(again.stdout).toContain(`Premium payments: ${counts.payments} rows read, 0 inserted, 0 updated, ${counts.payments} unchanged, 0 failed`);
    expect(again.stdout).toContain(
      `Commission statement lines: ${counts.commissions} rows read, 0 inserted, 0 updated, ${counts.commissions} unchanged, 0 failed`,
    );
  });
});
