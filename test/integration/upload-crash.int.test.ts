// Issue 14's fault test: `portico serve` killed with SIGKILL in the middle of an upload, and
// between an upload and the request that would claim it. After a restart on the same DATA_DIR
// and `portico uploads sweep`, no ticket lacks its file, no file is kept without its row, and no
// temporary file is left. Real processes, on the engine under test (PGlite, or PostgreSQL).
import { existsSync } from 'node:fs';
import { readdir, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows, openDatabase } from '../../src/server/db/client.ts';
import { createCliEnvironment } from '../support/db.ts';
import { runPortico, startPorticoServe, type TServeProcess } from '../support/portico-process.ts';
import { multipartBody, samplePdf } from '../support/upload-fixtures.ts';

const AGENT_ID = '000714001';
const USER = { username: 'crash.pp', password: 'Crash test 9 horse' };

let cli: Awaited<ReturnType<typeof createCliEnvironment>>;
let filesDir: string;

beforeAll(async () => {
  cli = await createCliEnvironment();
  filesDir = join(cli.dataDir, 'files');
  const roster = join(cli.dataDir, 'roster.csv');
  await writeFile(roster, `agent_unique_id,first_name,last_name,email,agency_name,states\n${AGENT_ID},Casey,Crash,casey@example.test,,TX\n`);
  expect((await runPortico(cli.env, 'import', 'producers', roster)).code).toBe(0);
  const created = await runPortico(
    cli.env,
    'users',
    'create',
    '--portal',
    'producers',
    '--role',
    'primary-producer',
    '--producer',
    AGENT_ID,
    '--username',
    USER.username,
    '--password',
    USER.password,
  );
  expect(created.stderr).toBe('');
}, 120_000);
afterAll(async () => {
  await cli.cleanup();
});

async function serve(): Promise<TServeProcess> {
  const server = await startPorticoServe({ ...cli.env, LOG_LEVEL: 'warn' });
  if (!server.ready) throw new Error(`serve did not start:\n${server.output()}`);
  return server;
}

async function signIn(base: string): Promise<{ cookie: string; csrfToken: string }> {
  const r = await fetch(`${base}/api/portals/producers/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(USER) });
  expect(r.status).toBe(200);
  const cookie = r.headers.get('set-cookie')?.split(';')[0] ?? '';
  return { cookie, csrfToken: ((await r.json()) as { csrfToken: string }).csrfToken };
}

async function upload(base: string, session: { cookie: string; csrfToken: string }, bytes: Buffer): Promise<string> {
  const { payload, headers } = multipartBody([{ filename: 'por.pdf', contentType: 'application/pdf', bytes }]);
  const r = await fetch(`${base}/api/uploads`, {
    method: 'POST',
    body: new Uint8Array(payload),
    headers: { ...headers, cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  expect(r.status).toBe(201);
  return ((await r.json()) as { id: string }).id;
}

async function fileGroupPor(base: string, session: { cookie: string; csrfToken: string }, uploadId: string): Promise<void> {
  const body = { type: 'group-por', lineOfBusiness: 'group-medical', accountNumber: 'G-1001', accountName: 'Acme Corp', attachments: [uploadId] };
  const r = await fetch(`${base}/api/producer-services/tickets`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  expect(r.status).toBe(201);
}

/** Files under files/.tmp (interrupted writes). */
async function temporaryFiles(): Promise<string[]> {
  return existsSync(join(filesDir, '.tmp')) ? readdir(join(filesDir, '.tmp')) : [];
}

/** Stored files by key (two hex characters / the rest), temporary ones apart. */
async function storedFiles(): Promise<Map<string, number>> {
  const files = new Map<string, number>();
  if (!existsSync(filesDir)) return files;
  for (const dir of await readdir(filesDir)) {
    if (dir === '.tmp') continue;
    for (const name of await readdir(join(filesDir, dir))) files.set(`${dir}/${name}`, (await stat(join(filesDir, dir, name))).size);
  }
  return files;
}

/**
 * Streams a multipart upload of `total` bytes in 64 KB chunks with pauses, and resolves once
 * `sendBefore` bytes are out and the server has started a temporary file for them. The request
 * is left hanging (the caller kills the server).
 */
async function startSlowUpload(base: string, session: { cookie: string; csrfToken: string }, input: { total: number; sendBefore: number }) {
  const { payload, headers } = multipartBody([{ filename: 'big.pdf', contentType: 'application/pdf', bytes: samplePdf(input.total) }]);
  const url = new URL('/api/uploads', base);
  const req = request(url, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(payload.length), cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  req.on('error', () => {}); // the server dies under it
  for (let sent = 0; sent < input.sendBefore; sent += 64 * 1024) {
    req.write(payload.subarray(sent, Math.min(sent + 64 * 1024, input.sendBefore)));
    await new Promise((r) => setTimeout(r, 10));
  }
  for (let i = 0; i < 100 && (await temporaryFiles()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  return req;
}

describe('SIGKILL during uploads, then restart and sweep', () => {
  it('leaves no ticket without its file and no file without its row', async () => {
    // 1. A request filed whole: it must survive everything below.
    let server = await serve();
    let session = await signIn(server.base);
    await fileGroupPor(server.base, session, await upload(server.base, session, samplePdf(200 * 1024)));

    // 2. Killed in the middle of a 6 MB upload: a half-written temporary file, no row.
    const slow = await startSlowUpload(server.base, session, { total: 6 * 1024 * 1024, sendBefore: 2 * 1024 * 1024 });
    expect(await temporaryFiles()).toHaveLength(1);
    await server.kill('SIGKILL');
    slow.destroy();

    // 3. Restarted on the same DATA_DIR; killed between the upload (file and row made) and the
    //    request that would claim it.
    server = await serve();
    session = await signIn(server.base);
    await upload(server.base, session, samplePdf(300 * 1024));
    await server.kill('SIGKILL');

    // 4. Restarted again: the server comes up and the whole request is still there.
    server = await serve();
    session = await signIn(server.base);
    const list = await fetch(`${server.base}/api/producer-services/tickets`, { headers: { cookie: session.cookie } });
    expect(((await list.json()) as { total: number }).total).toBe(1);
    await server.stop();

    // 5. The sweep, as if two days had passed (the leftovers are then old enough to go).
    const asOf = new Date(Date.now() + 2 * 24 * 3_600_000).toISOString();
    const swept = await runPortico(cli.env, 'uploads', 'sweep', '--as-of', asOf);
    expect(swept.stderr).toBe('');
    expect(swept.code).toBe(0);
    expect(swept.stdout).toMatch(/removed 1 unclaimed upload\(s\), 0 file\(s\) no upload named, 1 temporary file\(s\)/);

    const database = await openDatabase({ databaseUrl: cli.env.DATABASE_URL || undefined, dataDir: cli.dataDir });
    try {
      const rows = await executeRows<{ storage_key: string; size: number; ticket_id: string | null }>(
        database.db,
        sql`select storage_key, size_bytes::int as size, ticket_id from uploads`,
      );
      const lacking = await executeRows(
        database.db,
        sql`select t.number from service_request_tickets t where not exists (select 1 from uploads u where u.ticket_id = t.id)`,
      );
      const files = await storedFiles();
      // Every ticket has its row, every row its file whole, and nothing else is kept.
      expect(lacking).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(rows.every((row) => row.ticket_id !== null)).toBe(true);
      expect([...files.entries()]).toEqual(rows.map((row) => [row.storage_key, row.size]));
      expect(await temporaryFiles()).toEqual([]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
