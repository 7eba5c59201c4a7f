// POST /api/feed/{kind} (BK-8): a feed token loads a CSV body streamed as it arrives and answers
// the report; missing, unknown and revoked tokens are alike refused (401); the wrong content type
// (415), a body over the limit (413), an unknown kind (404) and a refused header (400) each answer
// before or instead of a load. Tokens are kept hashed.
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { TDatabase } from '../../db/client.ts';
import { auditEvents, clients, feedRuns, feedTokens } from '../../db/schema/index.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { TFeedReportView } from '../../../shared/feed-schemas.ts';
import { createTestDatabase } from '../../../../test/support/db.ts';
import { createTestFiles, type TTestFiles } from '../../../../test/support/files.ts';
import { createFeedToken, revokeFeedToken } from './feed-tokens.service.ts';

const MAX_BYTES = 4096;
const clock = new ManualClock('2026-03-02T09:00:00Z');
let database: TDatabase;
let app: FastifyInstance;
let files: TTestFiles;
let token: string;

beforeAll(async () => {
  database = await createTestDatabase();
  files = await createTestFiles();
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', FEED_MAX_BYTES: String(MAX_BYTES) });
  app = await buildApp({ config, database, clock, logger: false, fileStore: files.fileStore, secretBox: files.secretBox });
  await app.ready();
  ({ token } = await createFeedToken({ db: database.db, clock }, { name: 'carrier-admin-system', actor: { label: 'test' } }));
});
afterAll(async () => {
  await app.close();
  await files.cleanup();
});

const HEADER = 'client_id,first_name,last_name,date_of_birth,state,email,phone,zip';
const feed = (kind: string, body: string | Readable, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/feed/${kind}`,
    payload: body,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', ...headers },
  });

describe('POST /api/feed/{kind}', () => {
  it('loads a clients file and answers the report; the run is recorded as the token’s, by API', async () => {
    const body = [HEADER, 'API-1,Ana,Alvarez,1960-04-02,TX,,,', 'API-2,Bo,Brown,1971-12-31,IL,,,', 'API-3,Cy,Cole,1980-02-30,TX,,,'].join('\n');
    const response = await feed('clients', body, { 'content-type': 'text/csv; charset=utf-8' });
    expect(response.statusCode).toBe(200);
    const report = response.json<TFeedReportView>();
    expect(report).toMatchObject({ kind: 'clients', rowsRead: 3, inserted: 2, updated: 0, unchanged: 0, failed: 1 });
    expect(report.problems).toEqual([{ line: 4, column: 'date_of_birth', value: '1980-02-30', reason: 'no such date' }]);
    expect(report.error).toBeUndefined();
    const [run] = await database.db.select().from(feedRuns).where(eq(feedRuns.id, report.runId));
    expect(run).toMatchObject({ source: 'api', actorLabel: 'carrier-admin-system', status: 'completed', inserted: 2, failed: 1 });
    expect(await database.db.select().from(clients).where(eq(clients.clientId, 'API-1'))).toHaveLength(1);
    const [stored] = await database.db.select().from(feedTokens).where(eq(feedTokens.name, 'carrier-admin-system'));
    expect(stored?.lastUsedAt?.toISOString()).toBe(clock.now().toISOString());
  });

  it('streams a body sent without a length', async () => {
    const response = await feed('clients', Readable.from([`${HEADER}\n`, 'API-4,Di,Diaz,1990-01-01,TX,,,\n']));
    expect(response.statusCode).toBe(200);
    expect(response.json<TFeedReportView>()).toMatchObject({ rowsRead: 1, inserted: 1 });
  });

  it('answers 401 alike to no token, an unknown token and a revoked one', async () => {
    const { token: revoked } = await createFeedToken({ db: database.db, clock }, { name: 'old-system', actor: { label: 'test' } });
    await revokeFeedToken({ db: database.db, clock }, { name: 'old-system', actor: { label: 'test' } });
    const body = `${HEADER}\nAPI-9,No,Body,1990-01-01,TX,,,`;
    const answers = await Promise.all([
      app.inject({ method: 'POST', url: '/api/feed/clients', payload: body, headers: { 'content-type': 'text/csv' } }),
      feed('clients', body, { authorization: 'Bearer pft_not-a-real-token' }),
      feed('clients', body, { authorization: `Bearer ${revoked}` }),
      feed('clients', body, { authorization: token }),
    ]);
    for (const response of answers) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'feed.token_invalid', message: expect.any(String) });
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
    expect(await database.db.select().from(clients).where(eq(clients.clientId, 'API-9'))).toHaveLength(0);
  });

  it('refuses another content type with 415, and an unknown kind with 404 naming the kinds', async () => {
    const json = await feed('clients', JSON.stringify({ rows: [] }), { 'content-type': 'application/json' });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('feed.unsupported_media_type');
    const unknown = await feed('prospects', `${HEADER}\n`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toContain('groups, clients, policies, applications, payments');
  });

  it('answers 413 past the limit, whether the length is declared or only counted', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `BIG-${i},Big,File,1990-01-01,TX,,,`);
    const body = [HEADER, ...rows].join('\n');
    expect(Buffer.byteLength(body)).toBeGreaterThan(MAX_BYTES);
    const before = (await database.db.select().from(feedRuns)).length;
    const declared = await feed('clients', body);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().code).toBe('feed.too_large');
    // Refused on its Content-Length: no run started.
    expect(await database.db.select().from(feedRuns)).toHaveLength(before);
    const streamed = await feed('clients', Readable.from(rows.map((row, i) => (i === 0 ? `${HEADER}\n${row}\n` : `${row}\n`))));
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().code).toBe('feed.too_large');
    // Counted while streaming: the run had started, and stopped failed.
    const runs = await database.db.select().from(feedRuns);
    expect(runs).toHaveLength(before + 1);
    expect(runs.filter((r) => r.actorLabel === 'carrier-admin-system' && r.status === 'failed')).toHaveLength(1);
  });

  it('answers 400 with the report when the header is refused', async () => {
    const response = await feed('clients', 'client_id,first_name,shoe_size\nX-1,Ann,9\n');
    expect(response.statusCode).toBe(400);
    const report = response.json<TFeedReportView>();
    expect(report.error).toMatch(/unknown column\(s\) "shoe_size"/);
    expect(report.problems[0]).toMatchObject({ line: 1 });
    const [run] = await database.db.select().from(feedRuns).where(eq(feedRuns.id, report.runId));
    expect(run?.status).toBe('failed');
  });
});

describe('feed tokens', () => {
  it('are stored hashed, never in clear, and their creation and revocation are audited', async () => {
    const rows = await database.db.select().from(feedTokens);
    expect(rows.map((r) => r.tokenHash)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
    const actions = (await database.db.select().from(auditEvents)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['feed.token_created', 'feed.token_revoked']));
  });

  it('refuses a second token of the same name', async () => {
    await expect(createFeedToken({ db: database.db, clock }, { name: 'carrier-admin-system', actor: { label: 'test' } })).rejects.toMatchObject({
      code: 'feed.token_name_taken',
    });
  });
});
