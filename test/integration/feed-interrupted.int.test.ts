// Issue 15's interrupted import as an operator meets it: `portico import clients` killed with
// SIGKILL once its first batch has committed keeps that batch, and a rerun of the same file
// finishes the job without duplicates. Real processes, on the engine under test.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BATCH_ROWS } from '../../src/server/features/feed/feed-import.service.ts';
import { createCliEnvironment } from '../support/db.ts';
import { PORTICO_BIN, PORTICO_NODE, runPortico } from '../support/portico-process.ts';

/** Ten batches: the kill comes after the first, long before the last. */
const ROWS = 10 * BATCH_ROWS;

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
beforeAll(async () => {
  cli = await createCliEnvironment();
}, 60_000);
afterAll(async () => {
  await cli.cleanup();
});

function clientsFile(rows: number): string {
  const lines = ['client_id,first_name,last_name,date_of_birth,state'];
  for (let i = 0; i < rows; i++) lines.push(`K-${i},Kim,Killed ${i % 97},1970-01-${String((i % 28) + 1).padStart(2, '0')},TX`);
  return `${lines.join('\n')}\n`;
}

/** Starts the import and SIGKILLs it at its first progress line, which comes once a batch has committed. */
async function importKilledAfterFirstBatch(file: string): Promise<number> {
  const child = spawn(PORTICO_NODE, [PORTICO_BIN, 'import', 'clients', file], { env: cli.env, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const shown = await new Promise<number>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const rows = Number(/\| (\d+) rows \|/.exec(stderr)?.[1] ?? 0);
      if (rows > 0) resolve(rows);
    });
    child.once('exit', (code) => reject(new Error(`the import ended (${String(code)}) before it could be killed:\n${stderr}`)));
  });
  child.kill('SIGKILL');
  await exited;
  return shown;
}

it('keeps every committed batch after SIGKILL, and a rerun loads the rest without duplicates', { timeout: 120_000 }, async () => {
  const file = join(cli.dataDir, 'clients.csv');
  await writeFile(file, clientsFile(ROWS));
  expect(await importKilledAfterFirstBatch(file)).toBeGreaterThan(0);

  const rerun = await runPortico(cli.env, 'import', 'clients', file);
  expect(rerun.code, rerun.stderr).toBe(0);
  const [, read, inserted, unchanged] = /Clients: (\d+) rows read, (\d+) inserted, 0 updated, (\d+) unchanged, 0 failed/.exec(rerun.stdout) ?? [];
  expect(Number(read)).toBe(ROWS);
  // The committed batches are there (unchanged); the rest is new; nothing twice (inserted + unchanged = rows).
  expect(Number(unchanged)).toBeGreaterThanOrEqual(BATCH_ROWS);
  expect(Number(unchanged) % BATCH_ROWS).toBe(0);
  expect(Number(inserted)).toBeGreaterThan(0);
  expect(Number(inserted) + Number(unchanged)).toBe(ROWS);
});
