// The one authorization policy (docs/decisions/0008-authorization-policy.md). Pure: it sees the
// actor (from the session) and the target (a user row, or a portal), never the database.
//
// A decision has three outcomes: allowed; forbidden (403: the actor may not do this kind of thing,
// or may see the target but not act on it); not_found (404: the target is outside the actor's
// tenant, and answering 403 would confirm that it exists).
import { PORTAL_IDS, ROLES_BY_PORTAL, type TPortalId, type TRole } from '../../shared/portals.ts';
import { AppError } from './errors.ts';

export const POLICY_ACTIONS = [
  'user.list',
  'user.view',
  'user.create',
  'user.reset_password',
  'user.unlock',
  'user.disable',
  'user.reinstate',
  'user.export',
  'audit.search',
  'lifecycle.report',
  'portal.settings.view',
  'portal.settings.edit',
  // Service requests (SR-2 … SR-5, docs/decisions/0019).
  'service_request.file',
  'service_request.view',
  'service_request.reply',
  'service_request.cancel',
  'service_request.queue',
  'service_request.work',
  'service_request.reveal',
  // The data feed's runs in the staff console (BK-8).
  'feed.runs.view',
  // A retail producer's own book of business (BK-1 … BK-4).
  'book.view',
  // A group producer's Book of Business: every user of the producer ID (issue 16 §2).
  'book.groups.view',
  // An employer group's own coverage and premiums, for every user of the group (issue 16 §3).
  'book.coverage.view',
  // Forms and training (BK-6): producers use them, all staff see them, producer services and security publish.
  'resources.use',
  'resources.review',
  'resources.manage',
  // Commissions (BK-5): a producer's own; a producer ID's sub-users once their Primary Producer allows it.
  'commissions.view',
  'commissions.grant',
  // Carrier staff read any producer's book, read-only (issue 16 §4).
  'book.staff_view',
  // Carrier staff read any producer's commissions, read-only (issue 17 §3): the staff book's readers.
  'commissions.staff_view',
] as const;
export type TPolicyAction = (typeof POLICY_ACTIONS)[number];

export interface TPolicyActor {
  id: string;
  portalId: TPortalId;
  role: TRole;
  /** The producer ID (producers.id) a producers-portal user belongs to. */
  producerId: number | null;
  /** The employer group (employer_groups.id) an employers-portal user belongs to. */
  groupId: number | null;
}

/** A user the actor wants to see or change; for user.create, the user about to be created. */
export interface TPolicyUser {
  id?: string | undefined;
  portalId: TPortalId;
  role: string;
  producerId: number | null;
  groupId: number | null;
}

/** A service-request ticket: it belongs to a producer ID (every user of that ID sees it, SR-4). */
export interface TPolicyTicket {
  producerId: number;
}

export type TPolicyTarget = { user: TPolicyUser } | { portalId: TPortalId } | { ticket: TPolicyTicket };

export type TDecision = { allowed: true } | { allowed: false; reason: 'forbidden' | 'not_found' };

const BUSINESS_PORTALS: readonly TPortalId[] = ['producers', 'employers', 'retail'];
const USER_ADMIN: readonly TPolicyAction[] = ['user.list', 'user.view', 'user.create', 'user.reset_password', 'user.unlock', 'user.disable', 'user.reinstate'];
const HELP_DESK: readonly TPolicyAction[] = [
  'user.list',
  'user.view',
  'user.reset_password',
  'user.unlock',
  'user.reinstate',
  'user.export',
  'audit.search',
  'lifecycle.report',
  'portal.settings.view',
];

/** Any user of a producer ID files requests and follows its tickets; staff read the queue, producer services and security work it. */
const PRODUCER_TICKETS: readonly TPolicyAction[] = ['service_request.file', 'service_request.view', 'service_request.reply', 'service_request.cancel'];
const TICKET_QUEUE: readonly TPolicyAction[] = ['service_request.queue'];
const TICKET_WORK: readonly TPolicyAction[] = [...TICKET_QUEUE, 'service_request.work', 'service_request.reveal'];

const RESOURCES_MANAGE: readonly TPolicyAction[] = ['resources.review', 'resources.manage'];

/** Every staff role reads the data feed's runs, and any producer's book and commissions (read-only). */
const STAFF_READS: readonly TPolicyAction[] = ['feed.runs.view', 'book.staff_view', 'commissions.staff_view'];

/** What each role may do at all; whom it may do it to is `visible` and `manages` below. */
const GRANTS: Record<TRole, readonly TPolicyAction[]> = {
  'primary-producer': [...USER_ADMIN, ...PRODUCER_TICKETS, 'book.groups.view', 'resources.use', 'commissions.view', 'commissions.grant'],
  'delegated-admin': [...USER_ADMIN, 'user.export', 'book.coverage.view'],
  'alternate-delegated-admin': [...USER_ADMIN, 'user.export', 'book.coverage.view'],
  'producer-user': [...PRODUCER_TICKETS, 'book.groups.view', 'resources.use', 'commissions.view'],
  'employer-user': ['book.coverage.view'],
  'retail-producer': ['book.view', 'resources.use', 'commissions.view'],
  'help-desk': [...HELP_DESK, ...TICKET_QUEUE, ...STAFF_READS, 'resources.review'],
  'producer-services': ['user.list', 'user.view', 'portal.settings.view', ...TICKET_WORK, ...STAFF_READS, ...RESOURCES_MANAGE],
  'security-admin': [...HELP_DESK, 'user.disable', 'portal.settings.edit', ...TICKET_WORK, ...STAFF_READS, ...RESOURCES_MANAGE],
};

/** Actions that change a user: never on oneself (self-service has its own pages). */
const CHANGES: ReadonlySet<TPolicyAction> = new Set([
  'user.create',
  'user.reset_password',
  'user.unlock',
  'user.disable',
  'user.reinstate',
  'commissions.grant',
]);

function portalOfRole(role: TRole): TPortalId | undefined {
  return PORTAL_IDS.find((p) => (ROLES_BY_PORTAL[p] as readonly string[]).includes(role));
}

/** The role exists and belongs to the portal the session was opened in (a session of one portal never acts in another). */
function isCoherent(actor: TPolicyActor): boolean {
  return portalOfRole(actor.role) === actor.portalId;
}

/** The actor's tenant: which users it may know exist. */
function visible(actor: TPolicyActor, user: TPolicyUser): boolean {
  switch (actor.role) {
    case 'primary-producer':
      return user.portalId === 'producers' && actor.producerId !== null && user.producerId === actor.producerId;
    case 'delegated-admin':
    case 'alternate-delegated-admin':
      return user.portalId === 'employers' && actor.groupId !== null && user.groupId === actor.groupId;
    case 'help-desk':
    case 'producer-services':
      return BUSINESS_PORTALS.includes(user.portalId);
    case 'security-admin':
      return true;
    case 'producer-user':
    case 'employer-user':
    case 'retail-producer':
      return false;
  }
}

/** Within the tenant, whose accounts the actor may change. */
function manages(actor: TPolicyActor, user: TPolicyUser): boolean {
  if (user.id !== undefined && user.id === actor.id) return false;
  switch (actor.role) {
    case 'primary-producer':
      return user.role === 'producer-user';
    case 'delegated-admin':
      return user.role === 'employer-user' || user.role === 'alternate-delegated-admin';
    case 'alternate-delegated-admin':
      return user.role === 'employer-user';
    case 'help-desk':
      return BUSINESS_PORTALS.includes(user.portalId);
    case 'security-admin':
      return true;
    case 'producer-services':
    case 'producer-user':
    case 'employer-user':
    case 'retail-producer':
      return false;
  }
}

/** A ticket is its producer ID's (any of its users, whoever filed it) and the staff's; nobody else knows it exists. */
function seesTicket(actor: TPolicyActor, ticket: TPolicyTicket): boolean {
  if (actor.portalId === 'staff') return true;
  return actor.portalId === 'producers' && actor.producerId !== null && actor.producerId === ticket.producerId;
}

export function decide(actor: TPolicyActor, action: TPolicyAction, target?: TPolicyTarget): TDecision {
  if (!isCoherent(actor) || !GRANTS[actor.role].includes(action)) return { allowed: false, reason: 'forbidden' };
  // Filing needs a producer ID to file for: a producers-portal user without one has nothing to file.
  if (action === 'service_request.file' && actor.producerId === null) return { allowed: false, reason: 'forbidden' };
  if (target && 'ticket' in target) return seesTicket(actor, target.ticket) ? { allowed: true } : { allowed: false, reason: 'not_found' };
  if (!target || !('user' in target)) return { allowed: true };
  const { user } = target;
  if (!visible(actor, user)) return { allowed: false, reason: 'not_found' };
  if (CHANGES.has(action) && !manages(actor, user)) return { allowed: false, reason: 'forbidden' };
  return { allowed: true };
}

export function can(actor: TPolicyActor, action: TPolicyAction, target?: TPolicyTarget): boolean {
  return decide(actor, action, target).allowed;
}

/** Throws 403 auth.forbidden or 404 (user.not_found, ticket.not_found) unless the policy allows. */
export function assertCan(actor: TPolicyActor, action: TPolicyAction, target?: TPolicyTarget): void {
  const decision = decide(actor, action, target);
  if (decision.allowed) return;
  if (decision.reason === 'forbidden') throw new AppError('auth.forbidden');
  throw new AppError(target && 'ticket' in target ? 'ticket.not_found' : 'user.not_found');
}

/**
 * Which audit events an actor may search: those of the portals it sees users of (`userScope`).
 * `undefined` means every event, also those of no portal (whoever sees every portal's users).
 */
export function auditScope(actor: TPolicyActor): readonly TPortalId[] | undefined {
  const scope = userScope(actor, 'audit.search');
  // Audit rows are filtered by portal only: a scope narrower than whole portals may not search them.
  if (scope.producerId !== undefined || scope.groupId !== undefined || scope.roles !== undefined) throw new AppError('auth.forbidden');
  return PORTAL_IDS.every((p) => scope.portals.includes(p)) ? undefined : scope.portals;
}

/**
 * Which users a list, an export, the lifecycle report or the audit log may show: the same tenant
 * rule as `visible`, as filters for SQL. Every read of many users takes its scope from here, so
 * no staff read shows a user whom the search answers 404 for.
 */
export interface TUserScope {
  portals: readonly TPortalId[];
  producerId?: number;
  groupId?: number;
  /** Only these roles (the Password Manager lists the PP's sub-users, not the PP). */
  roles?: readonly TRole[];
}

export function userScope(actor: TPolicyActor, action: 'user.list' | 'user.export' | 'lifecycle.report' | 'audit.search'): TUserScope {
  assertCan(actor, action);
  switch (actor.role) {
    case 'primary-producer':
      return actor.producerId === null ? { portals: [] } : { portals: ['producers'], producerId: actor.producerId, roles: ['producer-user'] };
    case 'delegated-admin':
    case 'alternate-delegated-admin':
      return actor.groupId === null ? { portals: [] } : { portals: ['employers'], groupId: actor.groupId };
    case 'help-desk':
    case 'producer-services':
      return { portals: BUSINESS_PORTALS };
    case 'security-admin':
      return { portals: PORTAL_IDS };
    case 'producer-user':
    case 'employer-user':
    case 'retail-producer':
      return { portals: [] };
  }
}
