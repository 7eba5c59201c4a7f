import { describe, expect, it } from 'vitest';
import { PORTAL_DEFINITIONS } from './portals.ts';
import { validatePortalPolicy, ZAuditSearchQuery, ZCreateSubUserRequest, ZUserSearchQuery } from './user-admin-schemas.ts';

describe('validatePortalPolicy', () => {
  const producers = PORTAL_DEFINITIONS.producers.policy;
  it('accepts the defaults of every portal', () => {
    for (const portal of Object.values(PORTAL_DEFINITIONS)) expect(validatePortalPolicy(portal.id, portal.policy, portal.policy)).toEqual([]);
  });
  it('names each rule that fails', () => {
    const fields = validatePortalPolicy(
      'producers',
      {
        ...producers,
        deleteAfterDays: 100,
        disableAfterDays: 100,
        sessionIdleMinutes: 900,
        sessionAbsoluteMinutes: 600,
        lifecycleExemptRoles: ['help-desk'],
        selfRegistration: true,
      },
      producers,
    ).map((p) => p.field);
    expect(fields).toEqual(['policy.deleteAfterDays', 'policy.sessionIdleMinutes', 'policy.lifecycleExemptRoles', 'policy.selfRegistration']);
  });
  it('lets stored foreign exempt roles stay, but not new ones', () => {
    const legacy = { ...producers, lifecycleExemptRoles: ['primary-producer', 'delegated-admin'] as typeof producers.lifecycleExemptRoles };
    expect(validatePortalPolicy('producers', legacy, legacy)).toEqual([]);
    expect(validatePortalPolicy('producers', legacy, producers)).toHaveLength(1);
  });
});

describe('request schemas', () => {
  it('refuse unknown keys (no smuggled role or tenant)', () => {
    expect(ZCreateSubUserRequest.safeParse({ username: 'abc', firstName: 'A', lastName: 'B', email: 'a@b.test', role: 'primary-producer' }).success).toBe(
      false,
    );
    expect(ZUserSearchQuery.safeParse({ group: '1' }).success).toBe(false);
  });
  it('default and bound paging', () => {
    expect(ZUserSearchQuery.parse({})).toMatchObject({ sort: 'name', dir: 'asc', page: 1, pageSize: 25 });
    expect(ZUserSearchQuery.safeParse({ pageSize: '101' }).success).toBe(false);
  });
  it('check audit dates', () => {
    expect(ZAuditSearchQuery.safeParse({ from: '2026-03-02', to: '2026-03-02' }).success).toBe(true);
    expect(ZAuditSearchQuery.safeParse({ from: '2026-13-40' }).success).toBe(false);
  });
});
