// POST /api/uploads: who may upload (401/403 matrix), what is refused (type by content, empty, too
// large, malformed), and what is kept (the bytes in the store, then the row, unattached).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInAs, type TTestApp } from '../../../../test/support/app.ts';
import { createGroupTeam, createProducerTeam, createRetailUser, createStaff } from '../../../../test/support/admin-fixtures.ts';
import { multipartBody, sampleExe, sampleJpeg, samplePdf, samplePng, type TFilePart } from '../../../../test/support/upload-fixtures.ts';
import { portals, uploads } from '../../db/schema/index.ts';
import type { TUpload } from '../../../shared/service-request-schemas.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
let producer: { cookie: string; csrfToken: string };
beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 1);
  producer = await logInAs(t, team.pp);
});
afterAll(async () => {
  await t.close();
});

type TSession = { cookie: string; csrfToken: string } | undefined;

function upload(session: TSession, parts: TFilePart[], options: { csrf?: boolean; fields?: Record<string, string> } = {}) {
  const { payload, headers } = multipartBody(parts, options.fields);
  const auth: Record<string, string> = session ? { cookie: session.cookie, ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrfToken }) } : {};
  return t.app.inject({ method: 'POST', url: '/api/uploads', payload, headers: { ...headers, ...auth } });
}

const pdf = (name = 'form.pdf', bytes = samplePdf()): TFilePart => ({ filename: name, contentType: 'application/pdf', bytes });

async function storedFiles(): Promise<number> {
  let count = 0;
  for await (const _file of t.fileStore.list()) count++;
  return count;
}

async function rowCount(): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(uploads);
  return row?.n ?? 0;
}

describe('POST /api/uploads: who', () => {
  it('401 without a session', async () => {
    const r = await upload(undefined, [pdf()]);
    expect(r.statusCode).toBe(401);
    expect(r.json().code).toBe('auth.unauthenticated');
  });

  it('403 for staff, employer-group and retail users', async () => {
    const group = await createGroupTeam(t, 1);
    for (const user of [await createStaff(t, 'producer-services'), group.da, await createRetailUser(t)]) {
      const r = await upload(await logInAs(t, user), [pdf()]);
      expect(r.statusCode, user.role).toBe(403);
      expect(r.json().code).toBe('auth.forbidden');
    }
  });

  it('403 without the CSRF token', async () => {
    const r = await upload(producer, [pdf()], { csrf: false });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('auth.csrf');
  });

  it('201 for the Primary Producer and a producer user of the producer ID', async () => {
    const sub = team.subs[0];
    if (!sub) throw new Error('fixture');
    for (const session of [producer, await logInAs(t, sub)]) expect((await upload(session, [pdf()])).statusCode).toBe(201);
  });
});

describe('POST /api/uploads: what is kept', () => {
  it.each([
    ['a PDF', pdf('POR form.pdf'), 'application/pdf'],
    ['a PNG the browser called a PDF', { filename: 'scan.pdf', contentType: 'application/pdf', bytes: samplePng() }, 'image/png'],
    ['a JPEG', { filename: 'check.jpg', contentType: 'image/jpeg', bytes: sampleJpeg() }, 'image/jpeg'],
  ] as const)('%s: the type by content, the bytes in the store, then an unattached row', async (_label, part, contentType) => {
    const r = await upload(producer, [part]);
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json<TUpload>();
    expect(body).toEqual({ id: expect.any(String), name: part.filename, contentType, sizeBytes: part.bytes.length });
    const [row] = await t.database.db.select().from(uploads).where(eq(uploads.id, body.id));
    expect(row).toMatchObject({ ticketId: null, uploadedBy: team.pp.id, sha256: createHash('sha256').update(part.bytes).digest('hex') });
    // The server chose the key; the user's name is only metadata.
    expect(row?.storageKey).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    expect(row?.storageKey).not.toContain(part.filename);
    const onDisk = await readFile(join(t.filesDir, ...(row?.storageKey ?? '').split('/')));
    expect(onDisk.equals(part.bytes)).toBe(true);
  });

  it('keeps the original name without control characters or a path, at most 200 characters', async () => {
    const name = `C:\\Users\\pat\\${'long'.repeat(60)}\u0007\u202e.pdf`;
    const r = await upload(producer, [pdf(name)]);
    expect(r.statusCode).toBe(201);
    expect(r.json<TUpload>().name).toBe('long'.repeat(50));
  });
});

describe('POST /api/uploads: what is refused', () => {
  it('415 for a program renamed .pdf, and for text; nothing is kept', async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    for (const bytes of [sampleExe(), Buffer.from('just some text, not a PDF at all\n')]) {
      const r = await upload(producer, [pdf('invoice.pdf', bytes)]);
      expect(r.statusCode).toBe(415);
      expect(r.json()).toMatchObject({ code: 'upload.type_refused', message: 'Upload a PDF, PNG or JPEG file.', fields: [{ field: 'file' }] });
    }
    expect([await storedFiles(), await rowCount()]).toEqual([files, rows]);
  });

  it("429 once four requests' worth of files wait unsent; a day later the user may upload again", async () => {
    const other = await createProducerTeam(t, 0);
    const session = await logInAs(t, other.pp);
    for (let i = 0; i < 20; i++) expect((await upload(session, [pdf(`page-${i}.pdf`)])).statusCode).toBe(201);
    const refused = await upload(session, [pdf('one-more.pdf')]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'upload.quota', fields: [{ field: 'file' }] });
    // Another user of the same producer ID is not held up by this one.
    expect((await upload(producer, [pdf()])).statusCode).toBe(201);
    const start = t.clock.now();
    t.clock.advance({ hours: 25 });
    try {
      // The session has long expired by then: log in again.
      expect((await upload(await logInAs(t, other.pp), [pdf('next-day.pdf')])).statusCode).toBe(201);
    } finally {
      t.clock.set(start);
    }
  });

  it('400 for an empty file', async () => {
    const r = await upload(producer, [pdf('empty.pdf', Buffer.alloc(0))]);
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('upload.empty');
  });

  it("413 past the portal's limit (10 MB by default); exactly the limit is accepted", async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    const overDefault = await upload(producer, [pdf('big.pdf', samplePdf(10 * 1024 * 1024))]);
    expect(overDefault.statusCode).toBe(413);
    expect(overDefault.json()).toMatchObject({ code: 'upload.too_large', message: 'The file is too large: at most 10 MB.' });
    expect([await storedFiles(), await rowCount()]).toEqual([files, rows]);

    const limit = 100 * 1024;
    await t.database.db
      .update(portals)
      .set({ policy: sql`${portals.policy} || ${JSON.stringify({ maxUploadBytes: limit })}::jsonb` })
      .where(eq(portals.id, 'producers'));
    try {
      const exact = samplePdf(limit - samplePdf().length - 2);
      expect(exact.length).toBe(limit);
      expect((await upload(producer, [pdf('exact.pdf', exact)])).statusCode).toBe(201);
      const over = Buffer.concat([exact, Buffer.from('\n')]);
      const r = await upload(producer, [pdf('over.pdf', over)]);
      expect(r.statusCode).toBe(413);
      expect(r.json().message).toBe('The file is too large: at most 100 KB.');
    } finally {
      await t.database.db
        .update(portals)
        .set({ policy: sql`${portals.policy} || '{"maxUploadBytes": 10485760}'::jsonb` })
        .where(eq(portals.id, 'producers'));
    }
  });

  it('400 without a file, with another field name, or with two files; 415 for a JSON body', async () => {
    const [files, rows] = [await storedFiles(), await rowCount()];
    const none = await upload(producer, [], { fields: { note: 'hello' } });
    expect(none.statusCode).toBe(400);
    expect((await upload(producer, [{ ...pdf(), field: 'document' }])).statusCode).toBe(400);
    const two = await upload(producer, [pdf('a.pdf'), pdf('b.pdf')]);
    expect(two.statusCode).toBe(400);
    expect(two.json().code).toBe('request.invalid');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: { file: 'x' },
      headers: { cookie: producer.cookie, 'x-csrf-token': producer.csrfToken },
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('request.unsupported_media_type');
    expect([await storedFiles(), await rowCount()]).toEqual([files, rows]);
  });

  it('answers a refused upload over a real connection, and the connection is not left hanging', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const send = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
      const r = await fetch(`${address}/api/uploads`, { method: 'POST', body: form, headers: { cookie: producer.cookie, 'x-csrf-token': producer.csrfToken } });
      return { status: r.status, body: (await r.json()) as { code: string } };
    };
    const exe = Buffer.concat([sampleExe(), Buffer.alloc(8 * 1024 * 1024)]);
    expect(await send(exe, 'setup.pdf')).toMatchObject({ status: 415, body: { code: 'upload.type_refused' } });
    expect(await send(samplePdf(12 * 1024 * 1024), 'huge.pdf')).toMatchObject({ status: 413, body: { code: 'upload.too_large' } });
    expect((await send(samplePdf(), 'fine.pdf')).status).toBe(201);
  });
});
