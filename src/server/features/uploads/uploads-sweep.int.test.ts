// The daily sweep: what no request claimed within a day goes (row, then file), files no row names
// go once they are an hour old, and everything a ticket or a portal document holds stays. Also
// `portico uploads sweep`, as an operator runs it.
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { createProducerTeam } from '../../../../test/support/admin-fixtures.ts';
import { createCliEnvironment } from '../../../../test/support/db.ts';
import { runPortico } from '../../../../test/support/portico-process.ts';
import { samplePdf } from '../../../../test/support/upload-fixtures.ts';
import { portalDocuments, serviceRequestTickets, uploads, users } from '../../db/schema/index.ts';
import { claimUploads, storeDocument, sweepUploads } from './uploads.service.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 0);
});
afterAll(async () => {
  await t.close();
});

const HOUR = 3_600_000;

async function keys(): Promise<string[]> {
  const found: string[] = [];
  for await (const file of t.fileStore.list()) found.push(file.key);
  return found.sort();
}

async function storedUpload(at: Date): Promise<{ id: string; storageKey: string }> {
  t.clock.set(at);
  const { id } = await storeDocument(t.deps, { bytes: samplePdf(), name: 'x.pdf', userId: team.pp.id });
  const [row] = await t.database.db.select({ storageKey: uploads.storageKey }).from(uploads).where(eq(uploads.id, id));
  return { id, storageKey: row?.storageKey ?? '' };
}

async function newTicket(now: Date): Promise<string> {
  const [user] = await t.database.db.select({ producerId: users.producerId }).from(users).where(eq(users.id, team.pp.id));
  const [row] = await t.database.db
    .insert(serviceRequestTickets)
    .values({
      number: 'SR-2026-000777',
      portalId: 'producers',
      producerId: user?.producerId ?? 0,
      filedBy: team.pp.id,
      type: 'eft',
      details: {},
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: serviceRequestTickets.id });
  return row?.id ?? '';
}

describe('sweepUploads', () => {
  it('removes unclaimed uploads older than a day with their files, and files no row names; keeps the rest', async () => {
    const now = new Date(Date.now() + 3 * 24 * HOUR); // files are written now: sweep "three days later"
    const old = new Date(now.getTime() - 25 * HOUR);
    const unclaimedOld = await storedUpload(old);
    const unclaimedRecent = await storedUpload(new Date(now.getTime() - 23 * HOUR));
    const attachedOld = await storedUpload(old);
    const documentOld = await storedUpload(old);
    const ticketId = await newTicket(old);
    await t.database.db.transaction((tx) => claimUploads(tx, { uploadIds: [attachedOld.id], userId: team.pp.id, ticketId, maxFiles: 5 }));
    await t.database.db
      .insert(portalDocuments)
      .values({ portalId: 'producers', name: 'group-por-transfer-form', uploadId: documentOld.id, updatedAt: old, updatedBy: team.pp.id });

    // A file without a row (a crash between the file and its row), and one still in flight.
    await t.fileStore.put({ key: 'ff/orphan', bytes: Buffer.from('orphan') });
    await t.fileStore.put({ key: 'ff/in-flight', bytes: Buffer.from('uploading') });
    const orphanTime = new Date(now.getTime() - 2 * HOUR);
    await utimes(join(t.filesDir, 'ff', 'orphan'), orphanTime, orphanTime);
    const inFlightTime = new Date(now.getTime() - 10 * 60_000);
    await utimes(join(t.filesDir, 'ff', 'in-flight'), inFlightTime, inFlightTime);

    const result = await sweepUploads(t.deps, { now });
    expect(result).toEqual({ unclaimedUploads: 1, orphanFiles: 1, leftovers: 0 });
    const remaining = (await t.database.db.select({ id: uploads.id }).from(uploads)).map((r) => r.id).sort();
    expect(remaining).toEqual([unclaimedRecent.id, attachedOld.id, documentOld.id].sort());
    expect(await keys()).not.toContain(unclaimedOld.storageKey);
    expect(await keys()).toEqual([unclaimedRecent.storageKey, attachedOld.storageKey, documentOld.storageKey, 'ff/in-flight'].sort());

    // A second run finds nothing more to do.
    expect(await sweepUploads(t.deps, { now })).toEqual({ unclaimedUploads: 0, orphanFiles: 0, leftovers: 0 });
  });
});

describe('portico uploads sweep', () => {
  it('removes a file no upload names from DATA_DIR/files and says what it did', async () => {
    const cli = await createCliEnvironment();
    try {
      const dir = join(cli.dataDir, 'files', 'ab');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'orphan'), 'left by a crash');
      const yesterday = new Date(Date.now() - 24 * HOUR);
      await utimes(join(dir, 'orphan'), yesterday, yesterday);
      const r = await runPortico(cli.env, 'uploads', 'sweep');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Upload sweep: removed 0 unclaimed upload(s), 1 file(s) no upload named, 0 temporary file(s).');
      expect(await readdir(dir)).toEqual([]);
      expect((await runPortico(cli.env, 'uploads', 'nonsense')).code).toBe(2);
    } finally {
      await cli.cleanup();
    }
  });
});
