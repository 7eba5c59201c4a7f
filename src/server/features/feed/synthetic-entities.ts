// The people and policies of the synthetic book (synthetic-book.ts writes them as feed files):
// each producer, employer group and client derived from its own index through a seeded PRNG, so
// any file can re-derive the same one without the book being held in memory.
import type { TLineOfBusiness } from '../../../shared/book.ts';
import { APPOINTMENT_STATES, type TState } from '../../../shared/portals.ts';
import { EMPLOYER_KINDS, FIRST_NAMES, LAST_NAMES, PLANS, PREMIUM_DOLLARS, STATE_CONTACT } from './synthetic-names.ts';

/**
 * mulberry32, a tiny seedable PRNG. Math.random cannot be seeded, and the book must be the same on
 * every run so that a rerun is an idempotent reload. Each producer, group and client draws from its
 * own seed (its indexes), so every file re-derives the same client without holding the book.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type TRandom = () => number;

export function seeded(...parts: number[]): TRandom {
  let hash = 0x811c9dc5;
  for (const part of parts) hash = Math.imul(hash ^ part, 0x01000193) >>> 0;
  return mulberry32(hash);
}

const pick = <T>(random: TRandom, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: TRandom, low: number, high: number) => low + Math.floor(random() * (high - low + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const SYNTHETIC_AGENT_BASE = 300_000_000;
export const MAX_SYNTHETIC_PRODUCERS = 1_000_000;
const BIG_BOOK_EVERY = 1_000;
const BIG_BOOK_FACTOR = 20;

// Months are counted as year × 12 + month index, so "11 months back" is a subtraction.
export const monthNumber = (text: string) => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
export const monthText = (m: number) => `${Math.floor(m / 12)}-${pad((m % 12) + 1)}`;
export const firstOf = (m: number) => `${monthText(m)}-01`;
export const dayOf = (m: number, day: number) => `${monthText(m)}-${pad(day)}`;
/** The calendar day `days` before the first of month `m`. */
const daysBefore = (m: number, days: number) => new Date(Date.UTC(Math.floor(m / 12), m % 12, 1 - days)).toISOString().slice(0, 10);
export const dollars = (cents: number) => `${Math.floor(cents / 100)}.${pad(cents % 100)}`;

export interface TProducer {
  index: number;
  agentId: string;
  first: string;
  last: string;
  states: TState[];
  clients: number;
  groups: number;
  agency: string;
}

export function producerAt(index: number): TProducer {
  const random = seeded(1, index);
  const home = pick(random, APPOINTMENT_STATES);
  const states = APPOINTMENT_STATES.filter((state) => random() < 0.15 || state === home);
  const regular = between(random, 50, 146); // 98 on average: with the big books, about 100
  const agencyNumber = Math.floor(index / 25);
  return {
    index,
    agentId: String(SYNTHETIC_AGENT_BASE + index),
    first: pick(random, FIRST_NAMES),
    last: pick(random, LAST_NAMES),
    states,
    clients: index % BIG_BOOK_EVERY === BIG_BOOK_EVERY / 2 ? regular * BIG_BOOK_FACTOR : regular,
    groups: random() < 0.1 ? between(random, 1, 4) : 0,
    agency: random() < 0.85 ? `${LAST_NAMES[agencyNumber % LAST_NAMES.length]} Insurance Agency ${agencyNumber + 1}` : '',
  };
}

export interface TPolicy {
  number: string;
  clientId: string;
  account: string;
  line: TLineOfBusiness;
  plan: string;
  state: TState;
  status: 'pending' | 'active' | 'grace' | 'terminated' | 'cancelled';
  effective: number;
  premiumCents: number;
  writing: string;
  ofRecord: string;
  latestPayment: 'paid' | 'due' | 'past-due' | 'grace' | 'terminated-nonpayment';
  payDay: number;
}

function policyOf(
  random: TRandom,
  base: Pick<TPolicy, 'number' | 'clientId' | 'account' | 'line' | 'state'>,
  at: { asOf: number; producer: TProducer; heads?: number },
): TPolicy {
  const r = random();
  const status = r < 0.82 ? 'active' : r < 0.88 ? 'grace' : r < 0.92 ? 'pending' : r < 0.97 ? 'terminated' : 'cancelled';
  const [low, high] = PREMIUM_DOLLARS[base.line];
  const owner = at.producer.index;
  // 1 policy in 20 has another producer of record (a book moved between producers).
  const ofRecord = random() < 0.05 && owner > 0 ? String(SYNTHETIC_AGENT_BASE + owner - 1) : at.producer.agentId;
  const paid = random();
  return {
    ...base,
    plan: pick(random, PLANS[base.line]),
    status,
    effective: status === 'pending' ? at.asOf + 1 : at.asOf - between(random, 12, 120),
    premiumCents: between(random, low * 100, high * 100) * (at.heads ?? 1),
    writing: at.producer.agentId,
    ofRecord,
    latestPayment:
      status === 'grace'
        ? 'grace'
        : status === 'terminated'
          ? 'terminated-nonpayment'
          : status === 'cancelled' || paid < 0.7
            ? 'paid'
            : paid < 0.94
              ? 'due'
              : 'past-due',
    payDay: between(random, 1, 28),
  };
}

export interface TGroup {
  account: string;
  name: string;
  state: TState;
  line: TLineOfBusiness;
  employees: number;
  policies: TPolicy[];
}

const GROUP_LINE_ORDER = ['group-medical', 'group-dental', 'group-life'] as const;

export function groupAt(producer: TProducer, g: number, asOf: number): TGroup {
  const random = seeded(3, producer.index, g);
  const account = `SG-${producer.agentId}-${g}`;
  const r = random();
  const first = r < 0.6 ? 0 : r < 0.85 ? 1 : 2;
  const lines = random() < 0.5 ? [first, (first + 1) % 3] : [first];
  const employees = random() < 0.05 ? between(random, 500, 5_000) : between(random, 5, 300);
  const state = pick(random, producer.states);
  const name = `${pick(random, LAST_NAMES)} ${pick(random, EMPLOYER_KINDS)}`;
  const policies = lines.map((l, i) =>
    policyOf(
      random,
      { number: `SGP-${producer.agentId}-${g}-${i + 1}`, clientId: '', account, line: GROUP_LINE_ORDER[l] ?? 'group-medical', state },
      { asOf, producer, heads: employees },
    ),
  );
  return { account, name, state, line: GROUP_LINE_ORDER[first] ?? 'group-medical', employees, policies };
}

export interface TClient {
  id: string;
  first: string;
  last: string;
  born: string;
  state: TState;
  email: string;
  phone: string;
  zip: string;
  policies: TPolicy[];
  application?: {
    number: string;
    line: TLineOfBusiness;
    plan: string;
    status: string;
    statusDate: string;
    submitted: string;
    policy: string;
    earlier: string;
    earlierDate: string;
  };
}

/** Each final status and the status the same application had before it (the history's first line). */
const EARLIER_STATUS: Record<string, string> = {
  received: 'received',
  'pending-information': 'received',
  'in-review': 'received',
  approved: 'in-review',
  issued: 'approved',
  declined: 'in-review',
  withdrawn: 'pending-information',
};
const APPLICATION_MIX = ['received', 'pending-information', 'in-review', 'approved', 'issued', 'issued', 'issued', 'declined', 'withdrawn'] as const;

export function clientAt(producer: TProducer, c: number, asOf: number): TClient {
  const random = seeded(2, producer.index, c);
  const id = `SC-${producer.agentId}-${c}`;
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const senior = random() < 0.4;
  const year = Math.floor(asOf / 12) - (senior ? between(random, 66, 90) : between(random, 19, 64));
  const state = pick(random, producer.states);
  const contact = STATE_CONTACT[state];
  const client: TClient = {
    id,
    first,
    last,
    born: `${year}-${pad(between(random, 1, 12))}-${pad(between(random, 1, 28))}`,
    state,
    email: random() < 0.75 ? `${first}.${last}${c % 100}@example.com`.toLowerCase() : '',
    phone: random() < 0.85 ? `(${pick(random, contact.area)}) 555-${pad(between(random, 0, 9_999), 4)}` : '',
    zip: pad(between(random, contact.zip[0], contact.zip[1]), 5),
    policies: [],
  };
  const individual = (main: boolean): TLineOfBusiness =>
    senior
      ? pick(random, main ? (['medicare-supplement', 'medicare-advantage'] as const) : (['prescription-drug', 'dental', 'vision'] as const))
      : pick(random, main ? (['major-medical', 'major-medical', 'dental'] as const) : (['dental', 'vision'] as const));
  const lines = random() < 0.3 ? [individual(true), individual(false)] : [individual(true)];
  client.policies = [...new Set(lines)].map((line, k) =>
    policyOf(random, { number: `SP-${producer.agentId}-${c}-${k + 1}`, clientId: id, account: '', line, state }, { asOf, producer }),
  );
  if (random() < 0.3) {
    const status = pick(random, APPLICATION_MIX);
    const policy = client.policies[0];
    const issued = status === 'issued' && policy;
    const line = issued ? policy.line : individual(true);
    const decided = issued ? policy.effective : asOf;
    const statusDays = between(random, 1, 9);
    client.application = {
      number: `SA-${producer.agentId}-${c}`,
      line,
      plan: issued ? policy.plan : pick(random, PLANS[line]),
      status,
      statusDate: daysBefore(decided, status === 'received' ? statusDays + 20 : statusDays),
      submitted: daysBefore(decided, statusDays + 20),
      policy: issued ? policy.number : '',
      earlier: EARLIER_STATUS[status] ?? 'received',
      earlierDate: daysBefore(decided, statusDays + 20),
    };
  }
  return client;
}
