// The fence around PGlite's internals (docs/decisions/0016-fenced-login-fast-path.md): the fast path
// is on for the installed PGlite, and without those internals logins still work, through query().
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, createTestUser, loginRequest, type TTestApp } from '../../../test/support/app.ts';
import { PGLITE_TEMPLATE_FILE } from '../../../test/support/templates.ts';
import { findLoginContexts } from '../features/identity/identity.store.ts';
import { executePreparedRows, PGLITE_EXTENSIONS, toDate, wrapPglite, type TDatabase } from './client.ts';
import { missingPgliteInternals } from './pglite-one-trip.ts';

/** The same PGlite, seen without the private methods the fast path calls (as after an upgrade that renamed them). */
function withoutInternals(client: PGlite): PGlite {
  const hidden = new Set<PropertyKey>(['_runExclusiveQuery', '_checkReady']);
  return new Proxy(client, {
    get(target, property) {
      if (hidden.has(property)) return undefined;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
    has: (target, property) => !hidden.has(property) && Reflect.has(target, property),
  });
}

let client: PGlite;
let fast: TDatabase;
let fallback: TDatabase;
let t: TTestApp;
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});

beforeAll(async () => {
  client = await PGlite.create({ loadDataDir: new Blob([await readFile(PGLITE_TEMPLATE_FILE)]), extensions: PGLITE_EXTENSIONS });
  fast = wrapPglite(client);
  fallback = wrapPglite(withoutInternals(client));
  wrapPglite(withoutInternals(client)); // a second one warns no more
  t = await createTestApp({ database: fallback });
});
afterAll(async () => {
  await t.close(); // the app closes its database, and so the PGlite
  if (!client.closed) await client.close();
  warn.mockRestore();
});

describe('the PGlite fast path', () => {
  it('is on for the installed PGlite: an upgrade that removes its internals fails here, not silently', () => {
    expect(missingPgliteInternals(client)).toEqual([]);
    expect(fast.fastPath).toBe('pglite-one-trip');
  });

  it('is off, with one warning, for a PGlite without the internals', () => {
    expect(missingPgliteInternals(withoutInternals(client))).toEqual(['_checkReady', '_runExclusiveQuery']);
    expect(fallback.fastPath).toBe('pglite-public-query');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/lacks _checkReady, _runExclusiveQuery; .*public query\(\)/);
  });

  it('answers through the public query() the same rows, types and errors as the fast path', async () => {
    const at = new Date('2026-11-25T10:00:00.000Z');
    const types = {
      name: 'fence_types',
      text: `select $1::text as t, $2::int as n, $3::boolean as b, $4::text as z,
      $5::timestamptz as at, '{"k":1}'::jsonb as j, $1 || '!' as again`,
    };
    const params = ["a'b", 7, true, null, at];
    const viaQuery = await executePreparedRows<Record<string, unknown>>(fallback.db, types, params);
    expect(viaQuery).toEqual(await executePreparedRows(fast.db, types, params));
    expect(viaQuery).toEqual([{ t: "a'b", n: 7, b: true, z: null, at, j: { k: 1 }, again: "a'b!" }]);
    expect(toDate(viaQuery[0]?.at as Date)).toEqual(at);
    const failure = await executePreparedRows(fallback.db, { name: 'fence_divide', text: 'select 1 / $1::int as x' }, [0]).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: '22012' });
    const named = await executePreparedRows<{ name: string }>(
      fast.db,
      { name: 'fence_named', text: `select name from pg_prepared_statements where name like 'fence%' order by name` },
      [],
    );
    expect(named).toEqual([{ name: 'fence_named' }, { name: 'fence_types' }]); // the fast path prepared by name; query() did not
  });

  it('still logs users in, and reads their login contexts as the fast path does', async () => {
    const user = await createTestUser(t);
    const response = await loginRequest(t, user.portalId, user.username, user.password);
    expect(response.statusCode).toBe(200);
    const viaQuery = await findLoginContexts(fallback.db, 'retail', [user.username, 'nobody-here']);
    expect(viaQuery[0]).toMatchObject({ candidate: { username: user.username } });
    expect(viaQuery).toEqual(await findLoginContexts(fast.db, 'retail', [user.username, 'nobody-here']));
  });
});
