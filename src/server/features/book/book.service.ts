// A retail producer's book of business (BK-1 … BK-4; docs/decisions/0021): the state they work in
// for this session, the welcome page's counts, client search and a client's page. Everything is
// read through the producer's own scope (book.store.ts); a client outside it answers 404, as one
// that does not exist.
import type { TApplicationList, TApplicationPage, TBookStates, TBookSummary, TClientDetail, TClientPage, TClientSearch } from '../../../shared/book-schemas.ts';
import { LINE_OF_BUSINESS_LABELS, type TLineOfBusiness } from '../../../shared/book.ts';
import type { TState } from '../../../shared/portals.ts';
import type { TDbOrTx } from '../../db/client.ts';
import type { TClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, type TPolicyAction, type TPolicyActor } from '../../platform/policy.ts';
import { auditedCsv, type TExporter } from './book-export.ts';
import {
  findChosenState,
  findClientInScope,
  findProducerAppointments,
  listApplications,
  saveChosenState,
  searchClients,
  summarizeBook,
  type TBookScope,
  type TPaymentRow,
  type TPolicyRow,
} from './book.store.ts';

export interface TBookDeps {
  db: TDbOrTx;
  clock: TClock;
}

/** Who asks, and the session they ask in (the chosen state is the session's). */
export interface TBookCaller extends TExporter {
  tokenHash: string;
}

/** The caller's producer (Agent Unique ID, appointed states), once the policy allows `action`. */
export async function producerOf(deps: TBookDeps, actor: TPolicyActor, action: TPolicyAction = 'book.view') {
  assertCan(actor, action);
  const producer = actor.producerId === null ? undefined : await findProducerAppointments(deps.db, actor.producerId);
  if (!producer) throw new AppError('auth.forbidden');
  return producer;
}

/** The session's choice while the roster still lists it (else none), or the only state there is. */
function chosenState(appointed: readonly string[], saved: string | undefined): string | undefined {
  if (saved !== undefined && appointed.includes(saved)) return saved;
  return appointed.length === 1 ? appointed[0] : undefined;
}

/**
 * A list's total: each row of a page carries it (a window count); past the last page there is no
 * row to carry it, so the first page is asked for it.
 */
export async function pageTotal(rows: readonly { total: number }[], page: number, firstPage: () => Promise<readonly { total: number }[]>): Promise<number> {
  if (rows[0]) return rows[0].total;
  return page > 1 ? ((await firstPage())[0]?.total ?? 0) : 0;
}

/** The appointed states and the one chosen: with a single state there is nothing to choose. */
export async function getBookStates(deps: TBookDeps, caller: TBookCaller): Promise<TBookStates> {
  const { states } = await producerOf(deps, caller.actor);
  const chosen = chosenState(states, await findChosenState(deps.db, caller.tokenHash));
  return { appointed: states as TState[], chosen: (chosen ?? null) as TState | null };
}

export async function chooseBookState(deps: TBookDeps, caller: TBookCaller & { state: TState }): Promise<TBookStates> {
  const { states } = await producerOf(deps, caller.actor);
  if (!states.includes(caller.state))
    throw new AppError('book.state_not_appointed', { fields: [{ field: 'state', message: `You are not appointed in ${caller.state}.` }] });
  await saveChosenState(deps.db, caller.tokenHash, caller.state);
  return { appointed: states as TState[], chosen: caller.state };
}

/** The producer's scope for a book view: 409 until a state is chosen (or the only one applies). */
async function scopeOf(deps: TBookDeps, caller: TBookCaller): Promise<TBookScope> {
  const { agentId, states } = await producerOf(deps, caller.actor);
  if (states.length === 0) throw new AppError('book.no_states');
  const state = chosenState(states, await findChosenState(deps.db, caller.tokenHash));
  if (state === undefined) throw new AppError('book.state_required');
  return { agentId, state, today: deps.clock.now().toISOString().slice(0, 10) };
}

export async function getBookSummary(deps: TBookDeps, caller: TBookCaller): Promise<TBookSummary> {
  return bookSummaryIn(deps, await scopeOf(deps, caller));
}

// The views below read a scope, whoever chose it: the producer's session (above) or a staff member
// reading a producer's book (staff-book.service.ts). They check nothing themselves.

export async function bookSummaryIn(deps: TBookDeps, scope: TBookScope): Promise<TBookSummary> {
  const { counts, inForce } = await summarizeBook(deps.db, scope);
  return {
    state: scope.state as TState,
    counts: {
      pendingApplications: counts.pending_applications,
      renewingSoon: counts.renewing_soon,
      pastDue: counts.past_due,
      inGrace: counts.in_grace,
      newBusiness: counts.new_business,
    },
    inForce: inForce.map((row) => ({ lineOfBusiness: row.line as TLineOfBusiness, policies: row.policies, monthlyPremiumCents: Number(row.premium) })),
  };
}

export async function searchBookClients(deps: TBookDeps, caller: TBookCaller & { query: TClientSearch }): Promise<TClientPage> {
  return bookClientsIn(deps, await scopeOf(deps, caller), caller.query);
}

export async function bookClientsIn(deps: TBookDeps, scope: TBookScope, query: TClientSearch): Promise<TClientPage> {
  const rows = await searchClients(deps.db, scope, query);
  const total = await pageTotal(rows, query.page, async () => searchClients(deps.db, scope, { ...query, page: 1 }));
  return {
    items: rows.map((row) => ({
      clientId: row.client_id,
      firstName: row.first_name,
      lastName: row.last_name,
      dateOfBirth: row.date_of_birth,
      lines: row.lines as TLineOfBusiness[],
      policies: row.policies,
      pendingApplications: row.pending_applications,
      pastDue: row.past_due,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total,
  };
}

export async function listBookApplications(deps: TBookDeps, caller: TBookCaller & { query: TApplicationList }): Promise<TApplicationPage> {
  return bookApplicationsIn(deps, await scopeOf(deps, caller), caller.query);
}

export async function bookApplicationsIn(deps: TBookDeps, scope: TBookScope, query: TApplicationList): Promise<TApplicationPage> {
  const rows = await listApplications(deps.db, scope, query);
  return {
    items: rows.map((row) => ({
      applicationNumber: row.application_number,
      clientId: row.client_id,
      clientName: row.client_name,
      lineOfBusiness: row.line_of_business as TLineOfBusiness,
      planName: row.plan_name,
      status: row.status as TApplicationPage['items'][number]['status'],
      statusDate: row.status_date,
      submittedDate: row.submitted_date,
      policyNumber: row.policy_number,
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: await pageTotal(rows, query.page, async () => listApplications(deps.db, scope, { ...query, page: 1 })),
  };
}

/** Policies as the pages show them, each with its payment history (newest month first). */
export function policyViews(policies: readonly TPolicyRow[], payments: readonly TPaymentRow[]): TClientDetail['policies'] {
  return policies.map((p) => ({
    policyNumber: p.policy_number,
    lineOfBusiness: p.line_of_business as TLineOfBusiness,
    planName: String(p.plan_name),
    state: String(p.state),
    status: p.status as TClientDetail['policies'][number]['status'],
    effectiveDate: String(p.effective_date),
    renewalDate: p.renewal_date ?? null,
    terminationDate: p.termination_date ?? null,
    monthlyPremiumCents: Number(p.monthly_premium_cents),
    paymentStatus: (p.payment_status ?? null) as TClientDetail['policies'][number]['paymentStatus'],
    payments: payments
      .filter((pay) => pay.policy_number === p.policy_number)
      .map((pay) => ({
        period: pay.period,
        amountDueCents: Number(pay.amount_due_cents),
        dueDate: pay.due_date,
        amountPaidCents: Number(pay.amount_paid_cents),
        paidDate: pay.paid_date,
        status: pay.status as TClientDetail['policies'][number]['payments'][number]['status'],
      })),
  }));
}

export async function getBookClient(deps: TBookDeps, caller: TBookCaller & { clientId: string }): Promise<TClientDetail> {
  const client = await bookClientIn(deps, await scopeOf(deps, caller), caller.clientId);
  if (!client) throw new AppError('book.client_not_found');
  return client;
}

/** The client as far as the scope has them; undefined for one outside it (the caller answers 404). */
export async function bookClientIn(deps: TBookDeps, scope: TBookScope, clientId: string): Promise<TClientDetail | undefined> {
  const found = await findClientInScope(deps.db, scope, clientId);
  if (!found) return undefined;
  const { client, policies, payments, applications, history } = found;
  return {
    clientId: String(client.client_id),
    firstName: String(client.first_name),
    lastName: String(client.last_name),
    dateOfBirth: client.date_of_birth ?? null,
    state: client.state ?? null,
    email: client.email ?? null,
    phone: client.phone ?? null,
    zip: client.zip ?? null,
    policies: policyViews(policies, payments),
    applications: applications.map((a) => ({
      applicationNumber: String(a.application_number),
      lineOfBusiness: a.line_of_business as TLineOfBusiness,
      planName: String(a.plan_name),
      status: a.status as TClientDetail['applications'][number]['status'],
      statusDate: String(a.status_date),
      submittedDate: String(a.submitted_date),
      policyNumber: a.policy_number ?? null,
      history: history
        .filter((h) => h.application_number === a.application_number)
        .map((h) => ({ status: h.status as TClientDetail['applications'][number]['status'], statusDate: h.status_date })),
    })),
  };
}

const CLIENT_CSV_COLUMNS = ['Client ID', 'Last Name', 'First Name', 'Date of Birth', 'Lines of Business', 'Policies', 'Pending Applications', 'Premium Status'];

/**
 * The search's every match as CSV (BK-3), in the search's order. Client data leaving the portal is
 * audited: who, which state, which filters, how many rows.
 */
export async function exportBookClients(
  deps: TBookDeps,
  caller: TBookCaller & { query: TClientSearch },
): Promise<{ filename: string; chunks: AsyncIterable<string> }> {
  return bookClientsCsvIn(deps, { scope: await scopeOf(deps, caller), by: caller, query: caller.query });
}

export function bookClientsCsvIn(
  deps: TBookDeps,
  { scope, by, query }: { scope: TBookScope; by: TExporter; query: TClientSearch },
): { filename: string; chunks: AsyncIterable<string> } {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const filename = `clients-${scope.state}${filters.quick ? `-${filters.quick}` : ''}-${scope.today}.csv`;
  const chunks = auditedCsv({
    columns: CLIENT_CSV_COLUMNS,
    page: (page, pageSize) => searchClients(deps.db, scope, { ...filters, page, pageSize }),
    line: (r) => [
      r.client_id,
      r.last_name,
      r.first_name,
      r.date_of_birth,
      r.lines.map((line) => LINE_OF_BUSINESS_LABELS[line as TLineOfBusiness] ?? line).join('; '),
      String(r.policies),
      String(r.pending_applications),
      r.past_due ? 'Past due' : 'Current',
    ],
    audit: {
      deps,
      by,
      action: 'book.clients_exported',
      target: `clients of ${scope.agentId} in ${scope.state}`,
      filters,
      details: { state: scope.state },
    },
  });
  return { filename, chunks };
}
