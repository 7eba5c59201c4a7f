// Carrier staff read any producer's book of business, read-only (issue 16 §4; docs/decisions/0021).
// The scope is the staff member's choice (an Agent Unique ID and one of that producer's appointed
// states), checked here, never stored in the session; the views are the producers' own
// (book.service.ts, group-book.service.ts). A client's page and every export are audited.
import type {
  TApplicationList,
  TApplicationPage,
  TBookSummary,
  TClientDetail,
  TClientPage,
  TClientSearch,
  TGroupDetail,
  TGroupPage,
  TGroupSearch,
} from '../../../shared/book-schemas.ts';
import type { TState } from '../../../shared/portals.ts';
import { STAFF_PRODUCER_MATCHES, type TStaffProducer, type TStaffProducerList } from '../../../shared/staff-book-schemas.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan } from '../../platform/policy.ts';
import type { TExporter } from './book-export.ts';
import { bookApplicationsIn, bookClientIn, bookClientsCsvIn, bookClientsIn, bookSummaryIn, type TBookDeps } from './book.service.ts';
import type { TBookScope } from './book.store.ts';
import { bookGroupOf, bookGroupsCsvOf, bookGroupsOf } from './group-book.service.ts';
import { findProducerByAgentId, findProducersByName, type TProducerRow } from './staff-book.store.ts';

/** A staff member, and where they ask from (the audit rows' actor, address and request id). */
export type TStaffReader = TExporter;
/** Whose book: the producer's Agent Unique ID. */
export type TStaffProducerChoice = TStaffReader & { agentId: string };
/** Whose book in which state. */
export type TStaffBookChoice = TStaffProducerChoice & { state: TState };

function producerView(row: TProducerRow): TStaffProducer {
  return {
    agentId: row.agent_unique_id,
    firstName: row.first_name,
    lastName: row.last_name,
    agency: row.agency,
    states: row.states as TState[],
    groups: row.groups,
  };
}

/** Producers by Agent Unique ID (exactly) or by the start of a name. */
export async function findBookProducers(deps: TBookDeps, caller: TStaffReader & { q: string }): Promise<TStaffProducerList> {
  assertCan(caller.actor, 'book.staff_view');
  if (/^\d{9}$/.test(caller.q)) {
    const producer = await findProducerByAgentId(deps.db, caller.q);
    return { items: producer ? [producerView(producer)] : [] };
  }
  return { items: (await findProducersByName(deps.db, caller.q, STAFF_PRODUCER_MATCHES)).map(producerView) };
}

/** The producer whose book staff chose: 404 for an Agent Unique ID the roster does not list. */
async function chosenProducer(deps: TBookDeps, caller: TStaffProducerChoice): Promise<TProducerRow> {
  assertCan(caller.actor, 'book.staff_view');
  const producer = await findProducerByAgentId(deps.db, caller.agentId);
  if (!producer) throw new AppError('book.producer_not_found');
  return producer;
}

export async function getBookProducer(deps: TBookDeps, caller: TStaffProducerChoice): Promise<TStaffProducer> {
  return producerView(await chosenProducer(deps, caller));
}

/** The scope of the chosen producer in the chosen state: 400 for a state they are not appointed in. */
async function staffScopeOf(deps: TBookDeps, caller: TStaffBookChoice): Promise<TBookScope> {
  const { agent_unique_id: agentId, states } = await chosenProducer(deps, caller);
  if (!states.includes(caller.state))
    throw new AppError('book.state_not_appointed', {
      message: `The producer is not appointed in ${caller.state}.`,
      fields: [{ field: 'querystring.state', message: `The producer is not appointed in ${caller.state}.` }],
    });
  return { agentId, state: caller.state, today: deps.clock.now().toISOString().slice(0, 10) };
}

export async function getStaffBookSummary(deps: TBookDeps, caller: TStaffBookChoice): Promise<TBookSummary> {
  return bookSummaryIn(deps, await staffScopeOf(deps, caller));
}

export async function searchStaffBookClients(deps: TBookDeps, caller: TStaffBookChoice & { query: TClientSearch }): Promise<TClientPage> {
  return bookClientsIn(deps, await staffScopeOf(deps, caller), caller.query);
}

export async function exportStaffBookClients(deps: TBookDeps, caller: TStaffBookChoice & { query: TClientSearch }) {
  return bookClientsCsvIn(deps, { scope: await staffScopeOf(deps, caller), by: caller, query: caller.query });
}

export async function listStaffBookApplications(deps: TBookDeps, caller: TStaffBookChoice & { query: TApplicationList }): Promise<TApplicationPage> {
  return bookApplicationsIn(deps, await staffScopeOf(deps, caller), caller.query);
}

/** A client's page as the producer sees it; staff opening it is audited (a person's data, read by the carrier). */
export async function getStaffBookClient(deps: TBookDeps, caller: TStaffBookChoice & { clientId: string }): Promise<TClientDetail> {
  const scope = await staffScopeOf(deps, caller);
  const client = await bookClientIn(deps, scope, caller.clientId);
  if (!client) throw new AppError('book.client_not_found', { message: "There is no such client in this producer's book in that state." });
  await recordAudit(deps.db, {
    action: 'book.client_viewed',
    occurredAt: deps.clock.now(),
    portalId: caller.actor.portalId,
    actor: { id: caller.actor.id, label: caller.actor.username },
    target: { label: `client ${client.clientId} of ${scope.agentId} in ${scope.state}` },
    ipAddress: caller.ipAddress,
    requestId: caller.requestId,
    details: { agentId: scope.agentId, state: scope.state, clientId: client.clientId },
  });
  return client;
}

export async function searchStaffBookGroups(deps: TBookDeps, caller: TStaffProducerChoice & { query: TGroupSearch }): Promise<TGroupPage> {
  return bookGroupsOf(deps, (await chosenProducer(deps, caller)).agent_unique_id, caller.query);
}

export async function exportStaffBookGroups(deps: TBookDeps, caller: TStaffProducerChoice & { query: TGroupSearch }) {
  return bookGroupsCsvOf(deps, { agentId: (await chosenProducer(deps, caller)).agent_unique_id, by: caller, query: caller.query });
}

export async function getStaffBookGroup(deps: TBookDeps, caller: TStaffProducerChoice & { accountNumber: string }): Promise<TGroupDetail> {
  const group = await bookGroupOf(deps, (await chosenProducer(deps, caller)).agent_unique_id, caller.accountNumber);
  if (!group) throw new AppError('book.group_not_found', { message: "There is no such employer group in this producer's book of business." });
  return group;
}
