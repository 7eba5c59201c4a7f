// Staff replace a portal's documents (SR-3): the Group POR Transfer Form the producers download.
// Who may read and change (401/403/CSRF/404), what is refused (not a PDF, too large), and that a
// publication and a reset each change what producers get, with an audit row; the sweep keeps the
// published file and removes the one it replaced.
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, portalDocuments, portals, uploads } from '../../db/schema/index.ts';
import type { TPortalDocument } from '../../../shared/portal-document-schemas.ts';
import { createTestApp, logInAs, type TLoggedIn, type TTestApp } from '../../../../test/support/app.ts';
import { clientFor, createProducerTeam, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { multipartBody, sampleExe, samplePdf, samplePng } from '../../../../test/support/upload-fixtures.ts';
import { codeOf } from '../../../../test/support/ticket-fixtures.ts';
import { sweepUploads } from '../uploads/uploads.service.ts';

const LIST = '/api/staff/portals/producers/documents';
const FORM = `${LIST}/group-por-transfer-form`;
const PRODUCER_FORM = '/api/producer-services/documents/group-por-transfer-form.pdf';

let t: TTestApp;
let producer: TClient;
let sa: TLoggedIn;
let saName: string;
let saUsername: string;
let ps: TLoggedIn;
let hd: TClient;
beforeAll(async () => {
  t = await createTestApp();
  const team = await createProducerTeam(t, 0);
  producer = await clientFor(t, team.pp);
  const saUser = await createStaff(t, 'security-admin');
  saUsername = saUser.username;
  saName = `Pat ${saUser.username}`; // the fixtures' first name and the user name as last name
  [sa, ps, hd] = await Promise.all([
    logInAs(t, saUser),
    logInAs(t, await createStaff(t, 'producer-services')),
    clientFor(t, await createStaff(t, 'help-desk')),
  ]);
});
afterAll(async () => {
  await t.close();
});

function publish(session: TLoggedIn | undefined, file: { name: string; bytes: Buffer }, options: { url?: string; csrf?: boolean } = {}) {
  const { payload, headers } = multipartBody([{ filename: file.name, contentType: 'application/pdf', bytes: file.bytes }]);
  const auth = session ? { cookie: session.cookie, ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrfToken }) } : {};
  return t.app.inject({ method: 'PUT', url: options.url ?? FORM, payload, headers: { ...headers, ...auth } });
}

function reset(session: TLoggedIn | undefined, options: { url?: string; csrf?: boolean } = {}) {
  const auth = session ? { cookie: session.cookie, ...(options.csrf === false ? {} : { 'x-csrf-token': session.csrfToken }) } : {};
  return t.app.inject({ method: 'DELETE', url: options.url ?? FORM, headers: auth });
}

const get = (session: TLoggedIn, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
const audits = (action: 'portal.document_published' | 'portal.document_reset') =>
  t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(auditEvents.occurredAt);

describe('who may read and change the documents', () => {
  it('401 without a session, on every route', async () => {
    expect(codeOf(await t.app.inject({ method: 'GET', url: LIST }))).toEqual({ status: 401, code: 'auth.unauthenticated' });
    expect((await t.app.inject({ method: 'GET', url: FORM })).statusCode).toBe(401);
    expect((await publish(undefined, { name: 'a.pdf', bytes: samplePdf() })).statusCode).toBe(401);
    expect((await reset(undefined)).statusCode).toBe(401);
  });

  it('403 for a producer; staff who may not edit portal settings read but may not change', async () => {
    expect((await producer.get(LIST)).statusCode).toBe(403);
    expect((await publish(producer.session, { name: 'a.pdf', bytes: samplePdf() })).statusCode).toBe(403);
    expect((await hd.get(LIST)).statusCode).toBe(200);
    expect((await get(ps, FORM)).statusCode).toBe(200);
    expect(codeOf(await publish(ps, { name: 'a.pdf', bytes: samplePdf() }))).toEqual({ status: 403, code: 'auth.forbidden' });
    expect(codeOf(await reset(ps))).toEqual({ status: 403, code: 'auth.forbidden' });
    expect(await t.database.db.$count(portalDocuments)).toBe(0);
  });

  it('403 without the CSRF token', async () => {
    expect(codeOf(await publish(sa, { name: 'a.pdf', bytes: samplePdf() }, { csrf: false }))).toEqual({ status: 403, code: 'auth.csrf' });
    expect(codeOf(await reset(sa, { csrf: false }))).toEqual({ status: 403, code: 'auth.csrf' });
  });

  it('404 for an unknown portal or a document the portal does not offer', async () => {
    expect(codeOf(await get(sa, '/api/staff/portals/nowhere/documents'))).toEqual({ status: 404, code: 'portal.not_found' });
    expect(codeOf(await get(sa, '/api/staff/portals/nowhere/documents/group-por-transfer-form'))).toEqual({ status: 404, code: 'portal.not_found' });
    expect(codeOf(await get(sa, `${LIST}/price-list`))).toEqual({ status: 404, code: 'document.not_found' });
    expect(codeOf(await publish(sa, { name: 'a.pdf', bytes: samplePdf() }, { url: `${LIST}/price-list` }))).toEqual({
      status: 404,
      code: 'document.not_found',
    });
    expect(codeOf(await reset(sa, { url: '/api/staff/portals/employers/documents/group-por-transfer-form' }))).toEqual({
      status: 404,
      code: 'document.not_found',
    });
    // A portal without documents lists none.
    expect((await get(sa, '/api/staff/portals/employers/documents')).json()).toEqual([]);
  });
});

describe('what is refused', () => {
  it('415 for a PNG or a program renamed .pdf; 400 for an empty file; nothing published', async () => {
    expect(codeOf(await publish(sa, { name: 'form.pdf', bytes: samplePng() }))).toEqual({ status: 415, code: 'upload.type_refused' });
    expect(codeOf(await publish(sa, { name: 'form.pdf', bytes: sampleExe() }))).toEqual({ status: 415, code: 'upload.type_refused' });
    expect(codeOf(await publish(sa, { name: 'form.pdf', bytes: Buffer.alloc(0) }))).toEqual({ status: 400, code: 'upload.empty' });
    const json = await t.app.inject({ method: 'PUT', url: FORM, payload: {}, headers: { cookie: sa.cookie, 'x-csrf-token': sa.csrfToken } });
    expect(codeOf(json)).toEqual({ status: 415, code: 'request.unsupported_media_type' });
    expect(await t.database.db.$count(portalDocuments)).toBe(0);
  });

  it("413 above the portal's upload limit", async () => {
    const limit = 4 * 1024;
    const setLimit = (bytes: number) =>
      t.database.db
        .update(portals)
        .set({ policy: sql`${portals.policy} || ${JSON.stringify({ maxUploadBytes: bytes })}::jsonb` })
        .where(eq(portals.id, 'producers'));
    await setLimit(limit);
    try {
      expect(codeOf(await publish(sa, { name: 'big.pdf', bytes: samplePdf(limit) }))).toEqual({ status: 413, code: 'upload.too_large' });
    } finally {
      await setLimit(10 * 1024 * 1024);
    }
    expect(await t.database.db.$count(portalDocuments)).toBe(0);
  });
});

describe('publish and reset', () => {
  it('lists the built-in form until a PDF is published; producers then get exactly its bytes; a reset brings the built-in form back', async () => {
    const builtIn = (await get(sa, LIST)).json<TPortalDocument[]>();
    expect(builtIn).toEqual([
      {
        name: 'group-por-transfer-form',
        title: 'Group POR Transfer Form',
        source: 'built-in',
        fileName: 'group-por-transfer-form.pdf',
        sizeBytes: expect.any(Number) as number,
        updatedAt: null,
        updatedBy: null,
      },
    ]);
    const builtInBytes = (await producer.get(PRODUCER_FORM)).rawPayload;
    expect(builtInBytes.length).toBe(builtIn[0]?.sizeBytes);

    const first = samplePdf(100);
    expect((await publish(sa, { name: 'POR form 2026.pdf', bytes: first })).statusCode).toBe(200);
    t.clock.advance({ minutes: 5 });
    const second = Buffer.concat([samplePdf(200), Buffer.from('% v2\n')]);
    const published = await publish(sa, { name: 'POR form 2026 v2.pdf', bytes: second });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toEqual({
      name: 'group-por-transfer-form',
      title: 'Group POR Transfer Form',
      source: 'published',
      fileName: 'POR form 2026 v2.pdf',
      sizeBytes: second.length,
      updatedAt: t.clock.now().toISOString(),
      updatedBy: saName,
    });
    expect((await get(ps, LIST)).json()).toEqual([published.json()]);

    const download = await producer.get(PRODUCER_FORM);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(second)).toBe(true);
    expect(download.headers['content-disposition']).toContain('POR form 2026 v2.pdf');
    const staffDownload = await get(ps, FORM);
    expect(staffDownload.rawPayload.equals(second)).toBe(true);
    expect(staffDownload.headers['x-content-type-options']).toBe('nosniff');

    const rows = await audits('portal.document_published');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      portalId: 'producers',
      actorLabel: saUsername,
      details: {
        name: 'group-por-transfer-form',
        fileName: 'POR form 2026 v2.pdf',
        sizeBytes: second.length,
        sha256: createHash('sha256').update(second).digest('hex'),
        replaced: { fileName: 'POR form 2026.pdf' },
      },
    });

    // The sweep keeps the published file and removes the one it replaced (a day later).
    const firstUpload = await t.database.db.select({ id: uploads.id }).from(uploads).where(eq(uploads.originalName, 'POR form 2026.pdf'));
    expect(firstUpload).toHaveLength(1);
    await sweepUploads(t.deps, { now: new Date(Date.now() + 3 * 24 * 3_600_000) });
    expect(await t.database.db.$count(uploads, eq(uploads.originalName, 'POR form 2026.pdf'))).toBe(0);
    expect((await producer.get(PRODUCER_FORM)).rawPayload.equals(second)).toBe(true);

    t.clock.advance({ minutes: 5 });
    expect((await reset(sa)).statusCode).toBe(204);
    expect((await producer.get(PRODUCER_FORM)).rawPayload.equals(builtInBytes)).toBe(true);
    expect((await get(sa, LIST)).json()).toEqual(builtIn);
    const resets = await audits('portal.document_reset');
    expect(resets).toHaveLength(1);
    expect(resets[0]).toMatchObject({ actorLabel: saUsername, details: { name: 'group-por-transfer-form', removed: { fileName: 'POR form 2026 v2.pdf' } } });

    // Nothing left to reset: the same answer, and no audit row (nothing changed).
    expect((await reset(sa)).statusCode).toBe(204);
    expect(await t.database.db.$count(auditEvents, and(eq(auditEvents.action, 'portal.document_reset')))).toBe(1);
  });
});
