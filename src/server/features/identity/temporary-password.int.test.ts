// ID-7 with ID-2: a live temporary password costs a failed login nothing measurable (an HMAC under a
// server key, not a second Argon2id), so timing cannot tell which names hold one.
import type * as argon2 from '@node-rs/argon2';
import { verify } from '@node-rs/argon2';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { outboxMessages, serverSecrets, users } from '../../db/schema/index.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { createTestApp, createTestUser, loginRequest, unique, type TTestApp } from '../../../../test/support/app.ts';

// Every Argon2id verification the server makes goes through here, so the test counts them.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const actual = await importOriginal<typeof argon2>();
  return { ...actual, verify: vi.fn(actual.verify) };
});

let t: TTestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function withTemporaryPassword() {
  const u = await createTestUser(t, { portalId: 'retail' });
  const r = await t.app.inject({ method: 'POST', url: '/api/portals/retail/password-resets', payload: { username: u.username, agentUniqueId: u.agentId } });
  expect(r.statusCode).toBe(200);
  const [mail] = await t.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, `${u.username}@example.test`))
    .orderBy(desc(outboxMessages.id));
  const temporary = /usable once\): (\S+)/.exec(mail?.textBody ?? '')?.[1];
  if (!temporary) throw new Error('no temporary password e-mailed');
  return { ...u, temporary };
}

async function argon2VerificationsOf(attempt: () => Promise<unknown>): Promise<number> {
  vi.mocked(verify).mockClear();
  await attempt();
  return vi.mocked(verify).mock.calls.length;
}

describe('the cost of a failed login (ID-2: no enumeration by timing)', () => {
  it('is one Argon2id verification whether the name is unknown, ordinary, or holds a live temporary password', async () => {
    const ordinary = await createTestUser(t, { portalId: 'retail' });
    const pending = await withTemporaryPassword();
    const costs = {
      unknown: await argon2VerificationsOf(() => loginRequest(t, 'retail', unique('ghost'), 'Wrong1x')),
      ordinary: await argon2VerificationsOf(() => loginRequest(t, 'retail', ordinary.username, 'Wrong1x')),
      temporaryPassword: await argon2VerificationsOf(() => loginRequest(t, 'retail', pending.username, 'Wrong1x')),
    };
    expect(costs).toEqual({ unknown: 1, ordinary: 1, temporaryPassword: 1 });
    // And the temporary password itself still logs in, at the same cost.
    let login: Awaited<ReturnType<typeof loginRequest>> | undefined;
    expect(
      await argon2VerificationsOf(async () => {
        login = await loginRequest(t, 'retail', pending.username, pending.temporary);
      }),
    ).toBe(1);
    expect(login?.json().mustChangePassword).toBe(true);
  });
});

describe('temporary passwords at rest', () => {
  it('are salted HMAC-SHA-256 under one server key made on first use, never Argon2id', async () => {
    const a = await withTemporaryPassword();
    const b = await withTemporaryPassword();
    const stored = await t.database.db.select({ id: users.id, hash: users.tempPasswordHash }).from(users).where(eq(users.id, a.id));
    expect(stored[0]?.hash).toMatch(/^hmac-sha256\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored[0]?.hash).not.toContain(a.temporary);
    expect(await t.database.db.$count(serverSecrets)).toBe(1);
    expect((await loginRequest(t, 'retail', b.username, b.temporary)).statusCode).toBe(200);
  });

  it('no longer accept a temporary password stored by an earlier release as Argon2id', async () => {
    const u = await createTestUser(t, { portalId: 'retail' });
    await t.database.db
      .update(users)
      .set({ tempPasswordHash: await hashPassword('Old2tempX'), tempPasswordExpiresAt: new Date(t.clock.now().getTime() + 3_600_000) })
      .where(eq(users.id, u.id));
    expect(await argon2VerificationsOf(async () => expect((await loginRequest(t, 'retail', u.username, 'Old2tempX')).statusCode).toBe(401))).toBe(1);
  });
});
