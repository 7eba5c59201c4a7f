// Forms and training (BK-6) over HTTP on a real database: staff publish a PDF in two steps and
// retire it; producers see what their portal offers (by state, line and title), download it, and
// mark a course complete once (the first date kept, audited); the plan year's SEP course is what
// the SEP affirmation waits for. Every route answers 401 without a session and 403 to the wrong
// portal or role; a document another portal is offered, a retired one or an unknown id is a 404.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCourse, TResource, TSepTraining, TStaffResource } from '../../../shared/resource-schemas.ts';
import { clientFor, createGroupTeam, createProducerTeam, createRetailUser, createStaff, type TClient } from '../../../../test/support/admin-fixtures.ts';
import { createTestApp, type TTestApp } from '../../../../test/support/app.ts';
import { publishAsStaff } from '../../../../test/support/resource-fixtures.ts';
import { codeOf, uploadFile } from '../../../../test/support/ticket-fixtures.ts';
import { samplePdf, samplePng } from '../../../../test/support/upload-fixtures.ts';
import { auditEvents, uploads } from '../../db/schema/index.ts';
import { sweepUploads } from '../uploads/uploads.service.ts';

let t: TTestApp;
let retail: TClient;
let producer: TClient;
let colleague: TClient;
let employer: TClient;
let helpDesk: TClient;
let producerServices: TClient;
let security: TClient;

const RETIRED_ID = '00000000-0000-4000-8000-000000000000';
const titles = (list: readonly { title: string }[]) => list.map((r) => r.title);

let everyone: TStaffResource;
let retailTexas: TStaffResource;
let producersDental: TStaffResource;
let retired: TStaffResource;
let sep2026: TStaffResource;
let course: TStaffResource;

beforeAll(async () => {
  t = await createTestApp();
  retail = await clientFor(t, await createRetailUser(t));
  const team = await createProducerTeam(t, 1);
  producer = await clientFor(t, team.pp);
  const [sub] = team.subs;
  if (!sub) throw new Error('fixture');
  colleague = await clientFor(t, sub);
  employer = await clientFor(t, (await createGroupTeam(t, 0)).da);
  helpDesk = await clientFor(t, await createStaff(t, 'help-desk'));
  producerServices = await clientFor(t, await createStaff(t, 'producer-services'));
  security = await clientFor(t, await createStaff(t, 'security-admin'));

  everyone = await publishAsStaff(t, { kind: 'form', title: 'Agent Appointment Form', description: 'Appointment in a new state.' });
  retailTexas = await publishAsStaff(t, {
    kind: 'form',
    title: 'Texas Medicare Supplement Application',
    portalId: 'retail',
    state: 'TX',
    line: 'medicare-supplement',
    planYear: 2026,
  });
  producersDental = await publishAsStaff(t, { kind: 'form', title: 'Group Dental Enrollment', portalId: 'producers', line: 'group-dental' });
  retired = await publishAsStaff(t, { kind: 'form', title: 'Old Appointment Form' });
  t.clock.advance({ minutes: 1 });
  retired = (await security.post(`/api/staff/resources/${retired.id}/retire`)).json<TStaffResource>();
  sep2026 = await publishAsStaff(t, { kind: 'course', title: 'SEP Training 2026', planYear: 2026, sepCourse: true });
  course = await publishAsStaff(t, { kind: 'course', title: 'Medicare Basics', line: 'medicare-advantage' });
});
afterAll(async () => {
  await t.close();
});

describe('the forms a producer portal offers', () => {
  it('lists what the portal offers, filtered by state and line (a document for every state or line matches any), and by title', async () => {
    expect(titles((await retail.get('/api/resources/forms')).json<TResource[]>())).toEqual([retailTexas.title, everyone.title]);
    expect(titles((await producer.get('/api/resources/forms')).json<TResource[]>())).toEqual([everyone.title, producersDental.title]);
    expect(titles((await retail.get('/api/resources/forms?state=IL')).json<TResource[]>())).toEqual([everyone.title]);
    expect(titles((await retail.get('/api/resources/forms?state=TX&line=medicare-supplement')).json<TResource[]>())).toEqual([
      retailTexas.title,
      everyone.title,
    ]);
    expect(titles((await retail.get('/api/resources/forms?line=dental')).json<TResource[]>())).toEqual([everyone.title]);
    expect(titles((await retail.get('/api/resources/forms?q=medicare')).json<TResource[]>())).toEqual([retailTexas.title]);
    expect(titles((await retail.get('/api/resources/forms?q=%25')).json<TResource[]>())).toEqual([]);
    expect((await retail.get('/api/resources/forms?state=&line=&q=')).json<TResource[]>()).toHaveLength(2);
  });

  it('downloads a form it offers; another portal’s, a retired or an unknown one is a 404', async () => {
    const file = await retail.get(`/api/resources/${retailTexas.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(samplePdf())).toBe(true);
    for (const id of [producersDental.id, retired.id, RETIRED_ID])
      expect(codeOf(await retail.get(`/api/resources/${id}/file`))).toEqual({ status: 404, code: 'resource.not_found' });
  });

  it('refuses bad filters and ids with 400 and the field', async () => {
    for (const url of [
      '/api/resources/forms?state=CA',
      '/api/resources/forms?line=pets',
      '/api/resources/forms?sort=title',
      '/api/resources/not-a-uuid/file',
    ]) {
      expect((await retail.get(url)).statusCode, url).toBe(400);
    }
    expect((await retail.get(`/api/resources/forms?q=${'x'.repeat(101)}`)).json().fields).toEqual([
      { field: 'querystring.q', message: 'Search with at most 100 characters.' },
    ]);
  });
});

describe('training', () => {
  it('lists courses with the caller’s completion; completing keeps the first date and is audited once', async () => {
    const before = (await producer.get('/api/resources/courses')).json<TCourse[]>();
    expect(before.map((c) => [c.title, c.completedAt])).toEqual([
      [sep2026.title, null],
      [course.title, null],
    ]);
    const first = (await producer.put(`/api/resources/courses/${course.id}/completion`)).json<TCourse>();
    expect(first.completedAt).toBe(t.clock.now().toISOString());
    t.clock.advance({ minutes: 5 });
    const again = await producer.put(`/api/resources/courses/${course.id}/completion`);
    expect(again.statusCode).toBe(200);
    expect(again.json<TCourse>().completedAt).toBe(first.completedAt);
    expect((await producer.get(`/api/resources/courses/${course.id}`)).json<TCourse>().completedAt).toBe(first.completedAt);
    // The colleague's own record is untouched.
    expect((await colleague.get(`/api/resources/courses/${course.id}`)).json<TCourse>().completedAt).toBeNull();
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'training.completed'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ resourceId: course.id, title: course.title, sepCourse: false });
  });

  it('a form is not a course, and a course of another kind of id is a 404', async () => {
    expect(codeOf(await producer.put(`/api/resources/courses/${everyone.id}/completion`))).toEqual({ status: 404, code: 'resource.not_found' });
    expect(codeOf(await producer.get(`/api/resources/courses/${everyone.id}`))).toEqual({ status: 404, code: 'resource.not_found' });
  });

  it('names each SEP plan year’s course and whether the caller completed it', async () => {
    expect((await retail.get('/api/resources/sep-training')).json<TSepTraining>()).toEqual([
      { planYear: 2026, course: { id: sep2026.id, title: sep2026.title }, completedAt: null },
    ]);
    await retail.put(`/api/resources/courses/${sep2026.id}/completion`);
    const [year] = (await retail.get('/api/resources/sep-training')).json<TSepTraining>();
    expect(year?.completedAt).toBe(t.clock.now().toISOString());
    // Retiring the course later does not undo the completion.
    await producerServices.post(`/api/staff/resources/${sep2026.id}/retire`);
    expect((await retail.get('/api/resources/sep-training')).json<TSepTraining>()).toEqual([{ planYear: 2026, course: null, completedAt: year?.completedAt }]);
    sep2026 = (await producerServices.get('/api/staff/resources?status=all')).json<TStaffResource[]>().find((r) => r.id === sep2026.id) ?? sep2026;
    expect(sep2026.completions).toBe(1);
  });
});

async function uploadAsStaff(client: TClient) {
  return uploadFile(t, client, { bytes: Buffer.from(samplePdf()), name: 'Broker Agreement.pdf', url: '/api/staff/resources/files' });
}

describe('staff publish and retire', () => {
  it('publishes an uploaded PDF with its details, offered at once, with an audit row', async () => {
    const uploadId = await uploadAsStaff(producerServices);
    const response = await producerServices.post('/api/staff/resources', {
      kind: 'form',
      title: '  Broker Agreement  ',
      description: '',
      portalId: 'producers',
      state: 'OK',
      line: '',
      planYear: '2027',
      uploadId,
    });
    expect(response.statusCode).toBe(201);
    const published = response.json<TStaffResource>();
    expect(published).toMatchObject({
      kind: 'form',
      title: 'Broker Agreement',
      description: null,
      portalId: 'producers',
      state: 'OK',
      line: null,
      planYear: 2027,
      sepCourse: false,
    });
    expect(published).toMatchObject({ fileName: 'Broker Agreement.pdf', retiredAt: null, completions: 0 });
    expect(titles((await producer.get('/api/resources/forms?state=OK')).json<TResource[]>())).toContain('Broker Agreement');
    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'resource.published')).orderBy(auditEvents.id);
    expect(audit).toBeDefined();
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'resource.published'), eq(auditEvents.targetLabel, 'form "Broker Agreement"')));
    expect(rows[0]?.details).toMatchObject({
      resourceId: published.id,
      state: 'OK',
      file: { fileName: 'Broker Agreement.pdf', sizeBytes: samplePdf().length },
    });
  });

  it('refuses bad details field by field, and an upload that is not the caller’s or is named already', async () => {
    const uploadId = await uploadAsStaff(producerServices);
    const bad = await producerServices.post('/api/staff/resources', { kind: 'form', title: '', state: 'CA', planYear: 'soon', sepCourse: true, uploadId });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json<{ fields: { field: string }[] }>()
        .fields.map((f) => f.field)
        .sort(),
    ).toEqual(['planYear', 'state', 'title']);
    const sepForm = await producerServices.post('/api/staff/resources', { kind: 'form', title: 'SEP', sepCourse: true, planYear: 2026, uploadId });
    expect(sepForm.json().fields).toEqual([{ field: 'sepCourse', message: 'Only a training course can be the SEP training.' }]);
    const undated = await producerServices.post('/api/staff/resources', { kind: 'course', title: 'SEP', sepCourse: true, uploadId });
    expect(undated.json().fields).toEqual([{ field: 'planYear', message: 'Enter the plan year the SEP training is for.' }]);
    const retailOnly = await producerServices.post('/api/staff/resources', {
      kind: 'course',
      title: 'SEP',
      sepCourse: true,
      planYear: 2026,
      portalId: 'retail',
      uploadId,
    });
    expect(retailOnly.json().fields).toEqual([
      { field: 'portalId', message: 'The SEP training must be offered in Blue Access for Producers, where the affirmation is filed.' },
    ]);
    expect(codeOf(await security.post('/api/staff/resources', { kind: 'form', title: 'Theirs', uploadId }))).toEqual({
      status: 409,
      code: 'resource.upload_taken',
    });
    expect((await producerServices.post('/api/staff/resources', { kind: 'form', title: 'Mine', uploadId })).statusCode).toBe(201);
    expect(codeOf(await producerServices.post('/api/staff/resources', { kind: 'form', title: 'Twice', uploadId }))).toEqual({
      status: 409,
      code: 'resource.upload_taken',
    });
    expect(codeOf(await producerServices.post('/api/staff/resources', { kind: 'form', title: 'Nothing', uploadId: RETIRED_ID }))).toEqual({
      status: 409,
      code: 'resource.upload_taken',
    });
  });

  it('takes PDFs only, checked by content', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/resources/files',
      headers: {
        cookie: producerServices.session.cookie,
        'x-csrf-token': producerServices.session.csrfToken,
        'content-type': 'multipart/form-data; boundary=b',
      },
      payload: Buffer.concat([
        Buffer.from('--b\r\nContent-Disposition: form-data; name="file"; filename="form.pdf"\r\nContent-Type: application/pdf\r\n\r\n'),
        samplePng(),
        Buffer.from('\r\n--b--\r\n'),
      ]),
    });
    expect(response.statusCode).toBe(415);
  });

  it('retires: no longer offered, still listed for staff and downloadable by them, audited once', async () => {
    const form = await publishAsStaff(t, { kind: 'form', title: 'Retire Me' });
    const first = (await producerServices.post(`/api/staff/resources/${form.id}/retire`)).json<TStaffResource>();
    expect(first.retiredAt).toBe(t.clock.now().toISOString());
    expect(first.retiredBy).toMatch(/^Pat /);
    expect((await producerServices.post(`/api/staff/resources/${form.id}/retire`)).json<TStaffResource>().retiredAt).toBe(first.retiredAt);
    expect(
      await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'resource.retired'), eq(auditEvents.targetLabel, 'form "Retire Me"'))),
    ).toHaveLength(1);
    expect(titles((await retail.get('/api/resources/forms')).json<TResource[]>())).not.toContain('Retire Me');
    expect(titles((await helpDesk.get('/api/staff/resources?status=retired')).json<TStaffResource[]>())).toEqual(
      expect.arrayContaining(['Retire Me', retired.title]),
    );
    expect(titles((await helpDesk.get('/api/staff/resources')).json<TStaffResource[]>())).not.toContain('Retire Me');
    expect((await helpDesk.get(`/api/staff/resources/${form.id}/file`)).statusCode).toBe(200);
    expect(codeOf(await producerServices.post(`/api/staff/resources/${RETIRED_ID}/retire`))).toEqual({ status: 404, code: 'resource.not_found' });
  });

  it('the uploads sweep keeps a published PDF and removes one never published', async () => {
    const unnamed = await uploadAsStaff(producerServices);
    await sweepUploads(t.deps, { now: new Date(t.clock.now().getTime() + 3 * 24 * 3_600_000) });
    const left = new Set((await t.database.db.select({ id: uploads.id }).from(uploads)).map((u) => u.id));
    expect(left.has(unnamed)).toBe(false);
    expect((await retail.get(`/api/resources/${everyone.id}/file`)).statusCode).toBe(200);
  });
});

describe('access', () => {
  const producerRoutes: [string, string][] = [
    ['GET', '/api/resources/forms'],
    ['GET', '/api/resources/courses'],
    ['GET', `/api/resources/courses/${RETIRED_ID}`],
    ['PUT', `/api/resources/courses/${RETIRED_ID}/completion`],
    ['GET', '/api/resources/sep-training'],
    ['GET', `/api/resources/${RETIRED_ID}/file`],
  ];
  const staffReads: [string, string][] = [
    ['GET', '/api/staff/resources'],
    ['GET', `/api/staff/resources/${RETIRED_ID}/file`],
  ];
  const staffChanges: [string, string][] = [
    ['POST', '/api/staff/resources/files'],
    ['POST', '/api/staff/resources'],
    ['POST', `/api/staff/resources/${RETIRED_ID}/retire`],
  ];
  const send = (client: TClient, [method, url]: [string, string]) =>
    method === 'GET' ? client.get(url) : method === 'PUT' ? client.put(url) : client.post(url, {});

  it('401 without a session on every route', async () => {
    for (const [method, url] of [...producerRoutes, ...staffReads, ...staffChanges]) {
      expect((await t.app.inject({ method: method as 'GET', url })).statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('403 to the wrong portal or role', async () => {
    for (const route of producerRoutes) {
      for (const client of [employer, helpDesk, security]) expect((await send(client, route)).statusCode, route.join(' ')).toBe(403);
    }
    for (const route of [...staffReads, ...staffChanges]) {
      for (const client of [retail, producer, employer]) expect((await send(client, route)).statusCode, route.join(' ')).toBe(403);
    }
    for (const route of staffChanges) expect(codeOf(await send(helpDesk, route)), route.join(' ')).toEqual({ status: 403, code: 'auth.forbidden' });
  });
});
