// The synthetic book of business behind `portico seed --size N` and bench:import (issue 15 §4): N
// producers (Agent Unique IDs 3xxxxxxxx, clear of the demo's and the tests'), about 100 clients each
// (1 producer in 1,000 has a book 20 times larger), employer groups for 1 producer in 10, individual
// and group policies, applications with a status history, and 12 months of premium payments, over
// IL, MT, NM, OK, TX and all nine lines, and 24 months of commission statements paying each policy's
// producer of record on the premium received, at the book's commission schedule (1 policy in 100 is
// short-paid one month, for owed versus paid to find). Written as the carrier's feed files
// (docs/data-feed.md), a line at a time, so millions of rows stream into the same import as the
// carrier's own files.
import { Readable } from 'node:stream';
import type { TFeedKindName } from './feed-kinds.ts';
import { APPOINTMENT_STATES } from '../../../shared/portals.ts';
import { clientAt, dayOf, dollars, firstOf, groupAt, monthNumber, monthText, producerAt, seeded, type TPolicy } from './synthetic-entities.ts';
import { COMMISSION_RATES } from './synthetic-names.ts';

export { MAX_SYNTHETIC_PRODUCERS, mulberry32, SYNTHETIC_AGENT_BASE } from './synthetic-entities.ts';

export const SYNTHETIC_LOADS = [
  'producers',
  'groups',
  'clients',
  'policies',
  'application-history',
  'applications',
  'payments',
  'commission-schedules',
  'commissions',
] as const;
/** What each file loads; `application-history` is the applications at an earlier status, loaded first so they have a history. */
export type TSyntheticLoad = (typeof SYNTHETIC_LOADS)[number];

export function kindOfLoad(load: TSyntheticLoad): TFeedKindName {
  return load === 'application-history' ? 'applications' : load;
}

export interface TSyntheticOptions {
  producers: number;
  /** The book's latest month (YYYY-MM): payments run through it, renewals come after it. */
  asOf: string;
  /** Stop each file after this many rows (bench:import loads exact row counts). */
  limit?: number;
}

const HEADERS: Record<TFeedKindName, string> = {
  producers: 'agent_unique_id,first_name,last_name,email,agency_name,states',
  groups: 'account_number,name,state,producer_agent_unique_id,line_of_business,effective_date,employee_count',
  clients: 'client_id,first_name,last_name,date_of_birth,state,email,phone,zip',
  policies:
    'policy_number,client_id,group_account_number,line_of_business,plan_name,state,status,effective_date,renewal_date,termination_date,monthly_premium,writing_agent_id,producer_of_record_agent_id',
  applications: 'application_number,client_id,line_of_business,plan_name,state,status,status_date,submitted_date,agent_unique_id,policy_number',
  payments: 'policy_number,period,amount_due,due_date,amount_paid,paid_date,status',
  commissions:
    'agent_unique_id,period,line_number,account_number,group_number,account_name,original_effective_date,producer_effective_date,cancel_date,product_name,line_of_business,funding_type,calculation_method,contracts,premium_basis,rate,split_percent,transaction_type,amount',
  'commission-schedules': 'line_of_business,state,business_type,effective_from,effective_to,rate_percent',
};

function policyLine(p: TPolicy, asOf: number): string {
  const ended = p.status === 'terminated' || p.status === 'cancelled';
  const renewal = ended ? '' : firstOf(p.effective + 12 * (Math.floor(Math.max(asOf - p.effective, 0) / 12) + 1));
  const termination = p.status === 'terminated' ? firstOf(asOf) : p.status === 'cancelled' ? firstOf(asOf + 1) : '';
  const money = dollars(p.premiumCents);
  return `${p.number},${p.clientId},${p.account},${p.line},${p.plan},${p.state},${p.status},${firstOf(p.effective)},${renewal},${termination},${money},${p.writing},${p.ofRecord}`;
}

function* paymentLines(p: TPolicy, asOf: number): Generator<string> {
  if (p.status === 'pending') return; // not in force yet: nothing is due
  const money = dollars(p.premiumCents);
  for (let m = asOf - 11; m <= asOf; m++) {
    const status = m === asOf ? p.latestPayment : 'paid';
    const paid = status === 'paid';
    yield `${p.number},${monthText(m)},${money},${firstOf(m)},${paid ? money : ''},${paid ? dayOf(m - 1, p.payDay) : ''},${status}`;
  }
}

/** The months of statements the book holds, ending with its latest month. */
const STATEMENT_MONTHS = 24;
/** Lines paying a policy moved to the producer before (its writing producer's book) are numbered from here. */
const MOVED_LINE_NUMBERS = 500_000;

/** The months in the statements' window whose premium the carrier received (the payments file's, before it paid in full). */
function premiumMonths(p: TPolicy, asOf: number): number[] {
  if (p.status === 'pending') return [];
  const last = p.status === 'terminated' || (p.latestPayment !== 'paid' && p.status !== 'cancelled') ? asOf - 1 : asOf;
  const months: number[] = [];
  for (let m = Math.max(p.effective, asOf - STATEMENT_MONTHS + 1); m <= last; m++) months.push(m);
  return months;
}

/** A policy's line on each statement: first-year, then renewal, at the schedule's rate of the premium received. */
function* commissionLines(p: TPolicy, at: { asOf: number; ordinal: number; name: string; contracts: number }): Generator<string> {
  const lineNumber = at.ordinal + (p.ofRecord === p.writing ? 0 : MOVED_LINE_NUMBERS);
  const random = seeded(4, Number(p.writing), at.ordinal);
  const shortPaid = random() < 0.01 ? at.asOf - Math.floor(random() * 12) : undefined;
  const premium = dollars(p.premiumCents);
  const started = firstOf(p.effective);
  const ended = p.status === 'terminated' ? firstOf(at.asOf) : p.status === 'cancelled' ? firstOf(at.asOf + 1) : '';
  const [group, funding] = p.account ? [p.account, 'fully-insured'] : ['', ''];
  for (const m of premiumMonths(p, at.asOf)) {
    const type = m < p.effective + 12 ? 'new' : 'renewal';
    const rate = COMMISSION_RATES[p.line][type];
    const owed = Math.round((p.premiumCents * rate) / 100);
    const amount = m === shortPaid ? Math.round(owed * 0.9) : owed;
    yield `${p.ofRecord},${monthText(m)},${lineNumber},${p.number},${group},${at.name},${started},${started},${ended},${p.plan},${p.line},${funding},percent-of-premium,${at.contracts},${premium},${rate},100,${type},${dollars(amount)}`;
  }
}

/** The schedule: every line and state, first-year and renewal, in force since before the oldest policy. */
function* commissionScheduleLines(asOf: number): Generator<string> {
  for (const [line, rates] of Object.entries(COMMISSION_RATES)) {
    for (const state of APPOINTMENT_STATES)
      for (const type of ['new', 'renewal'] as const) yield `${line},${state},${type},${firstOf(asOf - 144)},,${rates[type]}`;
  }
}

function* rowsOf(load: TSyntheticLoad, options: TSyntheticOptions): Generator<string> {
  const asOf = monthNumber(options.asOf);
  if (load === 'commission-schedules') {
    yield* commissionScheduleLines(asOf);
    return;
  }
  for (let p = 0; p < options.producers; p++) {
    const producer = producerAt(p);
    if (load === 'producers') {
      const email = `${producer.first}.${producer.last}.${p}@agents.example.com`.toLowerCase();
      yield `${producer.agentId},${producer.first},${producer.last},${email},${producer.agency},${producer.states.join(';')}`;
      continue;
    }
    if (load === 'groups' || load === 'policies' || load === 'payments' || load === 'commissions') {
      for (let g = 0; g < producer.groups; g++) {
        const group = groupAt(producer, g, asOf);
        if (load === 'groups') {
          const effective = Math.min(...group.policies.map((x) => x.effective));
          yield `${group.account},${group.name},${group.state},${producer.agentId},${group.line},${firstOf(effective)},${group.employees}`;
        } else {
          for (const [i, policy] of group.policies.entries()) {
            const at = { asOf, ordinal: g * 3 + i + 1, name: group.name, contracts: group.employees };
            yield* policyRows(load, policy, at);
          }
        }
      }
      if (load === 'groups') continue;
    }
    for (let c = 0; c < producer.clients; c++) {
      const client = clientAt(producer, c, asOf);
      const app = client.application;
      if (load === 'clients') yield `${client.id},${client.first},${client.last},${client.born},${client.state},${client.email},${client.phone},${client.zip}`;
      else if (load === 'policies' || load === 'payments' || load === 'commissions') {
        for (const [k, policy] of client.policies.entries()) {
          const at = { asOf, ordinal: 100 + c * 2 + k, name: `${client.first} ${client.last}`, contracts: 1 };
          yield* policyRows(load, policy, at);
        }
      } else if (app) {
        const [status, statusDate] = load === 'application-history' ? [app.earlier, app.earlierDate] : [app.status, app.statusDate];
        const policy = status === 'issued' ? app.policy : '';
        yield `${app.number},${client.id},${app.line},${app.plan},${client.state},${status},${statusDate},${app.submitted},${producer.agentId},${policy}`;
      }
    }
  }
}

/** A policy's rows in the policies, payments or commissions file. */
function policyRows(load: 'policies' | 'payments' | 'commissions', policy: TPolicy, at: Parameters<typeof commissionLines>[1]): Iterable<string> {
  if (load === 'policies') return [policyLine(policy, at.asOf)];
  return load === 'payments' ? paymentLines(policy, at.asOf) : commissionLines(policy, at);
}

/** The file of one load, a line at a time (header first, no line ends). */
export function* syntheticLines(load: TSyntheticLoad, options: TSyntheticOptions): Generator<string> {
  yield HEADERS[kindOfLoad(load)];
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let rows = 0;
  for (const line of rowsOf(load, options)) {
    if (rows++ >= limit) return;
    yield line;
  }
}

/** The file as a stream of about 64 KB chunks: one chunk per row would cost more than the row. */
export function syntheticCsv(load: TSyntheticLoad, options: TSyntheticOptions): Readable {
  function* chunks(): Generator<string> {
    let chunk = '';
    for (const line of syntheticLines(load, options)) {
      chunk += `${line}\n`;
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The rows (not counting the header) of each load: a pass over the book without writing it. */
export function countSyntheticRows(options: TSyntheticOptions): Record<TSyntheticLoad, number> {
  const asOf = monthNumber(options.asOf);
  const counts = Object.fromEntries(SYNTHETIC_LOADS.map((load) => [load, 0])) as Record<TSyntheticLoad, number>;
  const addPolicies = (policies: readonly TPolicy[]) => {
    counts.policies += policies.length;
    counts.payments += policies.filter((p) => p.status !== 'pending').length * 12;
    for (const p of policies) counts.commissions += premiumMonths(p, asOf).length;
  };
  for (let p = 0; p < options.producers; p++) {
    const producer = producerAt(p);
    counts.producers++;
    for (let g = 0; g < producer.groups; g++) addPolicies(groupAt(producer, g, asOf).policies);
    counts.groups += producer.groups;
    counts.clients += producer.clients;
    for (let c = 0; c < producer.clients; c++) {
      const client = clientAt(producer, c, asOf);
      addPolicies(client.policies);
      if (client.application) counts.applications++;
    }
  }
  counts['application-history'] = counts.applications;
  counts['commission-schedules'] = [...commissionScheduleLines(asOf)].length;
  if (options.limit !== undefined) for (const load of SYNTHETIC_LOADS) counts[load] = Math.min(counts[load], options.limit);
  return counts;
}
