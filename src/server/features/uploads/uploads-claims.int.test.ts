// What the tickets feature calls: claiming uploads in the ticket's transaction, listing a ticket's
// files, opening one (only of its own ticket), and the staff-replaced document (PDF only).
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, logInAs, type TTestApp } from '../../../../test/support/app.ts';
import { createProducerTeam, createStaff } from '../../../../test/support/admin-fixtures.ts';
import { multipartBody, samplePdf, samplePng } from '../../../../test/support/upload-fixtures.ts';
import { serviceRequestTickets, uploads, users } from '../../db/schema/index.ts';
import { isAppError } from '../../platform/errors.ts';
import type { TUpload } from '../../../shared/service-request-schemas.ts';
import { claimUploads, listUploadsOfTickets, openTicketUpload, storeDocument } from './uploads.service.ts';

let t: TTestApp;
let team: Awaited<ReturnType<typeof createProducerTeam>>;
let session: { cookie: string; csrfToken: string };
/** A ticket that already has a file. */
let t0: string;
beforeAll(async () => {
  t = await createTestApp();
  team = await createProducerTeam(t, 1);
  session = await logInAs(t, team.pp);
  t0 = await newTicket();
});
afterAll(async () => {
  await t.close();
});

async function uploadAs(who: { cookie: string; csrfToken: string }, bytes = samplePdf()): Promise<TUpload> {
  const { payload, headers } = multipartBody([{ filename: 'doc.pdf', bytes }]);
  const r = await t.app.inject({ method: 'POST', url: '/api/uploads', payload, headers: { ...headers, cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<TUpload>();
}

let ticketSequence = 500;
async function newTicket(): Promise<string> {
  const [user] = await t.database.db.select({ producerId: users.producerId }).from(users).where(eq(users.id, team.pp.id));
  const now = t.clock.now();
  const [row] = await t.database.db
    .insert(serviceRequestTickets)
    .values({
      number: `SR-2026-${String(ticketSequence++).padStart(6, '0')}`,
      portalId: 'producers',
      producerId: user?.producerId ?? 0,
      filedBy: team.pp.id,
      type: 'group-por',
      details: {},
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: serviceRequestTickets.id });
  if (!row) throw new Error('no ticket');
  return row.id;
}

async function ticketOf(uploadId: string): Promise<string | null | undefined> {
  const [row] = await t.database.db.select({ ticketId: uploads.ticketId }).from(uploads).where(eq(uploads.id, uploadId));
  return row?.ticketId;
}

async function claimError(input: Parameters<typeof claimUploads>[1]) {
  try {
    await t.database.db.transaction((tx) => claimUploads(tx, input));
  } catch (error) {
    if (isAppError(error)) return { code: error.code, status: error.status, fields: error.fields };
    throw error;
  }
  return undefined;
}

describe('claimUploads', () => {
  it("attaches the user's own unattached uploads to the ticket", async () => {
    const [a, b] = [await uploadAs(session), await uploadAs(session, samplePng())];
    const ticketId = await newTicket();
    await t.database.db.transaction((tx) => claimUploads(tx, { uploadIds: [a.id, b.id], userId: team.pp.id, ticketId, maxFiles: 5 }));
    expect([await ticketOf(a.id), await ticketOf(b.id)]).toEqual([ticketId, ticketId]);
    const listed = await listUploadsOfTickets(t.database.db, [ticketId, await newTicket()]);
    expect(
      listed
        .get(ticketId)
        ?.map((u) => u.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect(listed.get(ticketId)?.find((u) => u.id === b.id)).toEqual(b);
    expect(listed.size).toBe(1);
  });

  it("refuses another user's upload, an attached one and an unknown id (400 at attachments), and claims none", async () => {
    const sub = team.subs[0];
    if (!sub) throw new Error('fixture');
    const theirs = await uploadAs(await logInAs(t, sub));
    const mine = await uploadAs(session);
    const attached = await uploadAs(session);
    await t.database.db.transaction((tx) => claimUploads(tx, { uploadIds: [attached.id], userId: team.pp.id, ticketId: t0, maxFiles: 5 }));
    const ticketId = await newTicket();
    for (const other of [theirs.id, attached.id, randomUUID()]) {
      expect(await claimError({ uploadIds: [mine.id, other], userId: team.pp.id, ticketId, maxFiles: 5 })).toEqual({
        code: 'upload.not_found',
        status: 400,
        fields: [{ field: 'attachments', message: 'An attached file was not found. Upload it again.' }],
      });
    }
    expect(await ticketOf(mine.id)).toBeNull();
    expect(await ticketOf(theirs.id)).toBeNull();
  });

  it('refuses more than maxFiles (400 upload.too_many at attachments)', async () => {
    const ids = [await uploadAs(session), await uploadAs(session), await uploadAs(session)].map((u) => u.id);
    const refused = await claimError({ uploadIds: ids, userId: team.pp.id, ticketId: await newTicket(), maxFiles: 2 });
    expect(refused).toMatchObject({ code: 'upload.too_many', status: 400, fields: [{ field: 'attachments', message: 'Attach at most 2 files.' }] });
    expect(await ticketOf(ids[0] ?? '')).toBeNull();
  });
});

describe('openTicketUpload', () => {
  it("opens a file of its own ticket with its name and type, and nothing of another ticket's", async () => {
    const bytes = samplePdf(5000);
    const up = await uploadAs(session, bytes);
    const ticketId = await newTicket();
    await t.database.db.transaction((tx) => claimUploads(tx, { uploadIds: [up.id], userId: team.pp.id, ticketId, maxFiles: 5 }));
    const file = await openTicketUpload(t.deps, { ticketId, uploadId: up.id });
    expect(file).toMatchObject({ name: 'doc.pdf', contentType: 'application/pdf', sizeBytes: bytes.length });
    const chunks: Buffer[] = [];
    for await (const chunk of file?.stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await openTicketUpload(t.deps, { ticketId: await newTicket(), uploadId: up.id })).toBeNull();
    expect(await openTicketUpload(t.deps, { ticketId, uploadId: randomUUID() })).toBeNull();
  });
});

describe('storeDocument', () => {
  it('keeps a PDF as an unattached upload of the staff user; refuses anything else', async () => {
    const staff = await createStaff(t, 'producer-services');
    const { id } = await storeDocument(t.deps, { bytes: samplePdf(), name: 'Group POR Transfer Form.pdf', userId: staff.id });
    const [row] = await t.database.db.select().from(uploads).where(eq(uploads.id, id));
    expect(row).toMatchObject({ originalName: 'Group POR Transfer Form.pdf', contentType: 'application/pdf', uploadedBy: staff.id, ticketId: null });
    await expect(storeDocument(t.deps, { bytes: samplePng(), name: 'form.pdf', userId: staff.id })).rejects.toMatchObject({
      code: 'upload.type_refused',
      message: 'Upload a PDF file.',
    });
    await expect(storeDocument(t.deps, { bytes: Buffer.alloc(0), name: 'form.pdf', userId: staff.id })).rejects.toMatchObject({ code: 'upload.empty' });
    const [count] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(uploads)
      .where(eq(uploads.uploadedBy, staff.id));
    expect(count?.n).toBe(1);
  });
});
