import { describe, expect, it } from 'vitest';
import { ROLES, type TPortalId, type TRole } from '../../shared/portals.ts';
import { AppError } from './errors.ts';
import { assertCan, auditScope, can, decide, POLICY_ACTIONS, userScope, type TPolicyActor, type TPolicyAction, type TPolicyUser } from './policy.ts';

const PORTAL_OF: Record<TRole, TPortalId> = {
  'primary-producer': 'producers',
  'producer-user': 'producers',
  'delegated-admin': 'employers',
  'alternate-delegated-admin': 'employers',
  'employer-user': 'employers',
  'retail-producer': 'retail',
  'help-desk': 'staff',
  'producer-services': 'staff',
  'security-admin': 'staff',
};

let n = 0;
function actor(role: TRole, tenant: { producerId?: number | null; groupId?: number | null } = {}): TPolicyActor {
  const producerId = tenant.producerId !== undefined ? tenant.producerId : PORTAL_OF[role] === 'producers' ? 1 : null;
  const groupId = tenant.groupId !== undefined ? tenant.groupId : PORTAL_OF[role] === 'employers' ? 10 : null;
  return { id: `actor-${++n}`, portalId: PORTAL_OF[role], role, producerId, groupId };
}
function user(role: TRole, tenant: { producerId?: number | null; groupId?: number | null; id?: string } = {}): { user: TPolicyUser } {
  return {
    user: {
      id: tenant.id ?? `user-${++n}`,
      portalId: PORTAL_OF[role],
      role,
      producerId: tenant.producerId ?? (PORTAL_OF[role] === 'producers' ? 1 : null),
      groupId: tenant.groupId ?? (PORTAL_OF[role] === 'employers' ? 10 : null),
    },
  };
}

const MANAGE: TPolicyAction[] = ['user.reset_password', 'user.unlock', 'user.disable', 'user.reinstate'];

describe('Primary Producer (LC-5)', () => {
  const pp = actor('primary-producer', { producerId: 1 });
  it('manages producer-users of its own producer ID', () => {
    for (const action of [...MANAGE, 'user.view', 'user.create'] as const) expect(can(pp, action, user('producer-user', { producerId: 1 }))).toBe(true);
  });
  it("answers not_found for another producer ID's users", () => {
    for (const action of [...MANAGE, 'user.view'] as const)
      expect(decide(pp, action, user('producer-user', { producerId: 2 }))).toEqual({ allowed: false, reason: 'not_found' });
  });
  it('may not act on itself or another Primary Producer', () => {
    expect(decide(pp, 'user.disable', { user: { ...user('primary-producer').user, id: pp.id } })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(pp, 'user.reset_password', user('primary-producer', { producerId: 1 }))).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decide(pp, 'user.create', user('primary-producer', { producerId: 1 }))).toEqual({ allowed: false, reason: 'forbidden' });
  });
  it('sees no employer or staff users and has no staff privileges', () => {
    expect(decide(pp, 'user.view', user('employer-user')).allowed).toBe(false);
    for (const action of ['audit.search', 'lifecycle.report', 'portal.settings.view', 'portal.settings.edit', 'user.export'] as const) {
      expect(decide(pp, action)).toEqual({ allowed: false, reason: 'forbidden' });
    }
  });
  it('lists only its own sub-users', () => {
    expect(userScope(pp, 'user.list')).toEqual({ portals: ['producers'], producerId: 1, roles: ['producer-user'] });
    expect(userScope(actor('primary-producer', { producerId: null }), 'user.list').portals).toEqual([]);
  });
});

describe('Delegated and Alternate Delegated Administrators (LC-6)', () => {
  const da = actor('delegated-admin', { groupId: 10 });
  const ada = actor('alternate-delegated-admin', { groupId: 10 });
  it('a DA manages employer users and ADAs of its group, not other DAs', () => {
    for (const action of [...MANAGE, 'user.create'] as const) {
      expect(can(da, action, user('employer-user', { groupId: 10 }))).toBe(true);
      expect(can(da, action, user('alternate-delegated-admin', { groupId: 10 }))).toBe(true);
      expect(decide(da, action, user('delegated-admin', { groupId: 10 }))).toEqual({ allowed: false, reason: 'forbidden' });
    }
  });
  it('an ADA manages employer users only, and sees (but may not touch) the DA', () => {
    expect(can(ada, 'user.unlock', user('employer-user', { groupId: 10 }))).toBe(true);
    expect(can(ada, 'user.view', user('delegated-admin', { groupId: 10 }))).toBe(true);
    for (const action of [...MANAGE, 'user.create'] as const) {
      expect(decide(ada, action, user('delegated-admin', { groupId: 10 }))).toEqual({ allowed: false, reason: 'forbidden' });
      expect(decide(ada, action, user('alternate-delegated-admin', { groupId: 10 }))).toEqual({ allowed: false, reason: 'forbidden' });
    }
  });
  it("answers not_found for another group's users and for other portals", () => {
    expect(decide(da, 'user.reinstate', user('employer-user', { groupId: 11 }))).toEqual({ allowed: false, reason: 'not_found' });
    expect(decide(ada, 'user.view', user('producer-user'))).toEqual({ allowed: false, reason: 'not_found' });
    expect(decide(da, 'user.view', user('help-desk'))).toEqual({ allowed: false, reason: 'not_found' });
  });
  it('may export and list its own group only', () => {
    expect(userScope(da, 'user.export')).toEqual({ portals: ['employers'], groupId: 10 });
    expect(userScope(ada, 'user.list')).toEqual({ portals: ['employers'], groupId: 10 });
  });
});

describe('users without administration', () => {
  for (const role of ['producer-user', 'employer-user', 'retail-producer'] as const) {
    it(`${role} may administer nothing`, () => {
      const a = actor(role);
      const administration = POLICY_ACTIONS.filter(
        (action) => !['service_request.', 'book.', 'resources.use', 'commissions.view'].some((own) => action.startsWith(own)),
      );
      for (const action of administration) expect(decide(a, action, user('producer-user'))).toEqual({ allowed: false, reason: 'forbidden' });
      expect(() => userScope(a, 'user.list')).toThrow(AppError);
    });
  }
});

/** Every role, in a fixed order, and those the policy lets do an action. */
const EVERY_ROLE = [
  'primary-producer',
  'producer-user',
  'delegated-admin',
  'employer-user',
  'retail-producer',
  'help-desk',
  'producer-services',
  'security-admin',
] as const;
const holders = (action: TPolicyAction) => EVERY_ROLE.filter((role) => decide(actor(role), action).allowed);

describe('forms and training (BK-6)', () => {
  it('producers use them, every staff role reads them, producer services and security manage them', () => {
    expect(holders('resources.use')).toEqual(['primary-producer', 'producer-user', 'retail-producer']);
    expect(holders('resources.review')).toEqual(['help-desk', 'producer-services', 'security-admin']);
    expect(holders('resources.manage')).toEqual(['producer-services', 'security-admin']);
  });
});

describe('the book of business (BK-1 … BK-4)', () => {
  it('the retail book is for the retail producer alone', () => {
    const allowed = (
      ['primary-producer', 'producer-user', 'delegated-admin', 'employer-user', 'retail-producer', 'help-desk', 'producer-services', 'security-admin'] as const
    ).filter((role) => decide(actor(role), 'book.view').allowed);
    expect(allowed).toEqual(['retail-producer']);
  });
  it('the group Book of Business is for every user of a producer ID', () => {
    const allowed = (
      ['primary-producer', 'producer-user', 'delegated-admin', 'employer-user', 'retail-producer', 'help-desk', 'producer-services', 'security-admin'] as const
    ).filter((role) => decide(actor(role), 'book.groups.view').allowed);
    expect(allowed).toEqual(['primary-producer', 'producer-user']);
  });
  it("staff, and only staff, read any producer's book and commissions", () => {
    for (const action of ['book.staff_view', 'commissions.staff_view'] as const)
      expect(holders(action)).toEqual(['help-desk', 'producer-services', 'security-admin']);
  });
});

describe('staff', () => {
  const hd = actor('help-desk');
  const ps = actor('producer-services');
  const sa = actor('security-admin');
  it('help desk searches, reinstates, unlocks and resets business-portal users, not staff', () => {
    for (const role of ['producer-user', 'primary-producer', 'delegated-admin', 'employer-user', 'retail-producer'] as const) {
      for (const action of ['user.view', 'user.reset_password', 'user.unlock', 'user.reinstate'] as const) expect(can(hd, action, user(role))).toBe(true);
      expect(decide(hd, 'user.disable', user(role))).toEqual({ allowed: false, reason: 'forbidden' });
    }
    expect(decide(hd, 'user.reinstate', user('security-admin'))).toEqual({ allowed: false, reason: 'not_found' });
    expect(decide(hd, 'user.create', user('producer-user'))).toEqual({ allowed: false, reason: 'forbidden' });
    expect(can(hd, 'audit.search')).toBe(true);
    expect(can(hd, 'lifecycle.report')).toBe(true);
    expect(can(hd, 'portal.settings.view', { portalId: 'retail' })).toBe(true);
    expect(decide(hd, 'portal.settings.edit', { portalId: 'retail' })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(userScope(hd, 'user.list').portals).toEqual(['producers', 'employers', 'retail']);
    // The lifecycle report reads users too: the search's scope, never a wider one.
    expect(userScope(hd, 'lifecycle.report')).toEqual(userScope(hd, 'user.list'));
  });
  it('producer services only searches and views business-portal users', () => {
    expect(can(ps, 'user.view', user('producer-user'))).toBe(true);
    expect(decide(ps, 'user.view', user('help-desk'))).toEqual({ allowed: false, reason: 'not_found' });
    for (const action of [...MANAGE, 'user.export', 'audit.search', 'lifecycle.report', 'portal.settings.edit'] as const) {
      expect(decide(ps, action, user('producer-user')).allowed).toBe(false);
    }
    expect(() => userScope(ps, 'lifecycle.report')).toThrow(AppError);
  });
  it('the security administrator does everything, for every portal, but not to itself', () => {
    for (const action of [...MANAGE, 'user.view'] as const) expect(can(sa, action, user('help-desk'))).toBe(true);
    expect(can(sa, 'portal.settings.edit', { portalId: 'staff' })).toBe(true);
    expect(decide(sa, 'user.disable', { user: { ...user('security-admin').user, id: sa.id } })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(userScope(sa, 'user.export').portals).toEqual(['producers', 'employers', 'retail', 'staff']);
    expect(userScope(sa, 'lifecycle.report')).toEqual(userScope(sa, 'user.list'));
  });
  it('nobody else edits portal settings', () => {
    for (const role of ROLES.filter((r) => r !== 'security-admin')) expect(can(actor(role), 'portal.settings.edit', { portalId: 'producers' })).toBe(false);
  });
});

describe('incoherent actors', () => {
  it('a role used outside its portal may do nothing', () => {
    const forged: TPolicyActor = { ...actor('security-admin'), portalId: 'retail' };
    expect(decide(forged, 'user.view', user('retail-producer'))).toEqual({ allowed: false, reason: 'forbidden' });
  });
});

describe('assertCan', () => {
  it('throws 403 or 404', () => {
    const pp = actor('primary-producer', { producerId: 1 });
    expect(() => assertCan(pp, 'audit.search')).toThrow(expect.objectContaining({ status: 403, code: 'auth.forbidden' }));
    expect(() => assertCan(pp, 'user.view', user('producer-user', { producerId: 5 }))).toThrow(
      expect.objectContaining({ status: 404, code: 'user.not_found' }),
    );
    expect(() => assertCan(pp, 'user.view', user('producer-user', { producerId: 1 }))).not.toThrow();
  });
});

describe('audit search scope (ID-11)', () => {
  it('is the business portals for the help desk, everything for the security administrator, nothing for the others', () => {
    expect(auditScope(actor('help-desk'))).toEqual(['producers', 'employers', 'retail']);
    expect(auditScope(actor('security-admin'))).toBeUndefined();
    for (const role of ['producer-services', 'primary-producer', 'delegated-admin', 'retail-producer'] as const) {
      expect(() => auditScope(actor(role))).toThrow(AppError);
    }
  });
});

describe('service-request tickets (SR-3 … SR-5)', () => {
  const ticket = (producerId: number) => ({ ticket: { producerId } });
  it('every user of a producer ID files and follows its tickets; another ID is not found', () => {
    for (const role of ['primary-producer', 'producer-user'] as const) {
      const a = actor(role, { producerId: 1 });
      expect(can(a, 'service_request.file')).toBe(true);
      for (const action of ['service_request.view', 'service_request.reply', 'service_request.cancel'] as const) {
        expect(can(a, action, ticket(1))).toBe(true);
        expect(decide(a, action, ticket(2))).toEqual({ allowed: false, reason: 'not_found' });
      }
      for (const action of ['service_request.queue', 'service_request.work', 'service_request.reveal'] as const) expect(can(a, action, ticket(1))).toBe(false);
      expect(() => assertCan(a, 'service_request.view', ticket(2))).toThrow(expect.objectContaining({ code: 'ticket.not_found' }));
    }
    expect(decide(actor('producer-user', { producerId: null }), 'service_request.file')).toEqual({ allowed: false, reason: 'forbidden' });
  });
  it('help desk reads the queue; producer services and security administrators work it and reveal', () => {
    expect(can(actor('help-desk'), 'service_request.queue', ticket(1))).toBe(true);
    for (const action of ['service_request.work', 'service_request.reveal', 'service_request.file'] as const)
      expect(can(actor('help-desk'), action)).toBe(false);
    for (const role of ['producer-services', 'security-admin'] as const) {
      for (const action of ['service_request.queue', 'service_request.work', 'service_request.reveal'] as const)
        expect(can(actor(role), action, ticket(7))).toBe(true);
      expect(can(actor(role), 'service_request.file')).toBe(false);
    }
  });
  it('employers and retail users have nothing to do with tickets', () => {
    for (const role of ['delegated-admin', 'employer-user', 'retail-producer'] as const) {
      for (const action of POLICY_ACTIONS.filter((a) => a.startsWith('service_request.'))) expect(can(actor(role), action, ticket(1))).toBe(false);
    }
  });
});
