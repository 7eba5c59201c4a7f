// The demo's book of business (BK-1 … BK-4), as the carrier's feed files, dated from the clock so
// "renewing soon" and "past due" stay true whenever the demo is loaded: clients and individual
// policies of Jessica Camp (retail, IL and TX) and Marcus Reyes (TX, OK, NM), group policies for
// the two demo employer groups, applications in every status, a year of premium payments (the
// groups' too), and twelve monthly commission statements with the schedules they follow.
import type { TFeedKindName } from '../feed/feed-kinds.ts';

interface TDemoClient {
  id: string;
  first: string;
  last: string;
  born: string;
  state: string;
  agent: string;
  line: string;
  plan: string;
  premium: string;
  /** How its latest premium stands (older months are paid). */
  latest: 'paid' | 'due' | 'past-due' | 'grace' | 'terminated-nonpayment';
}

const JESSICA = '000600492';
const MARCUS = '000600501';

const CLIENTS: readonly TDemoClient[] = [
  {
    id: 'C-100001',
    first: 'Eleanor',
    last: 'Whitaker',
    born: '1955-03-14',
    state: 'IL',
    agent: JESSICA,
    line: 'medicare-supplement',
    plan: 'Blue Medicare Supplement Plan G',
    premium: '189.50',
    latest: 'paid',
  },
  {
    id: 'C-100002',
    first: 'Harold',
    last: 'Whitaker',
    born: '1953-11-02',
    state: 'IL',
    agent: JESSICA,
    line: 'medicare-supplement',
    plan: 'Blue Medicare Supplement Plan N',
    premium: '142.75',
    latest: 'due',
  },
  {
    id: 'C-100003',
    first: 'Maria',
    last: 'Gonzalez',
    born: '1988-07-21',
    state: 'TX',
    agent: JESSICA,
    line: 'major-medical',
    plan: 'Blue Advantage Silver HMO',
    premium: '412.00',
    latest: 'past-due',
  },
  {
    id: 'C-100004',
    first: 'Kevin',
    last: 'Osei',
    born: '1979-01-30',
    state: 'IL',
    agent: JESSICA,
    line: 'dental',
    plan: 'BlueCare Dental PPO',
    premium: '38.20',
    latest: 'paid',
  },
  {
    id: 'C-100005',
    first: 'Linda',
    last: 'Park',
    born: '1957-09-09',
    state: 'TX',
    agent: JESSICA,
    line: 'medicare-advantage',
    plan: 'Blue Cross Medicare Advantage PPO',
    premium: '0.00',
    latest: 'paid',
  },
  {
    id: 'C-100006',
    first: 'Samuel',
    last: 'Brooks',
    born: '1992-05-05',
    state: 'IL',
    agent: JESSICA,
    line: 'vision',
    plan: 'Blue Vision Basic',
    premium: '11.40',
    latest: 'grace',
  },
  {
    id: 'C-100007',
    first: 'Rosa',
    last: 'Delgado',
    born: '1958-12-24',
    state: 'TX',
    agent: MARCUS,
    line: 'prescription-drug',
    plan: 'Blue Cross MedicareRx Value',
    premium: '24.90',
    latest: 'paid',
  },
  {
    id: 'C-100008',
    first: 'Thomas',
    last: 'Nguyen',
    born: '1984-04-17',
    state: 'OK',
    agent: MARCUS,
    line: 'major-medical',
    plan: 'Blue Advantage Gold PPO',
    premium: '538.10',
    latest: 'due',
  },
  {
    id: 'C-100009',
    first: 'Aisha',
    last: 'Rahman',
    born: '1990-08-08',
    state: 'NM',
    agent: MARCUS,
    line: 'dental',
    plan: 'BlueCare Dental HMO',
    premium: '22.00',
    latest: 'terminated-nonpayment',
  },
  {
    id: 'C-100010',
    first: 'George',
    last: 'Miller',
    born: '1951-02-28',
    state: 'TX',
    agent: MARCUS,
    line: 'medicare-supplement',
    plan: 'Blue Medicare Supplement Plan G',
    premium: '201.30',
    latest: 'past-due',
  },
];

/** YYYY-MM-DD of the first of the month `offset` months from `now`'s. */
function firstOfMonth(now: Date, offset: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 10);
}

function day(now: Date, offsetDays: number): string {
  return new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

function policyNumberOf(client: TDemoClient): string {
  return `P-${client.id.slice(2)}`;
}

function policyStatus(client: TDemoClient): string {
  if (client.latest === 'terminated-nonpayment') return 'terminated';
  return client.latest === 'grace' ? 'grace' : 'active';
}

/** Each kind's file, in the order they load (what a row names is loaded before it). */
export function demoBookFeeds(now: Date): [TFeedKindName, string][] {
  const clients = [
    'client_id,first_name,last_name,date_of_birth,state,email,phone,zip',
    ...CLIENTS.map(
      (c, i) =>
        `${c.id},${c.first},${c.last},${c.born},${c.state},${c.first.toLowerCase()}.${c.last.toLowerCase()}@example.com,(312) 555-01${String(i).padStart(2, '0')},${c.state === 'IL' ? '60601' : '75201'}`,
    ),
  ];
  const groups = [
    'account_number,name,state,producer_agent_unique_id,line_of_business,effective_date,employee_count',
    `100234,Acme Manufacturing Co.,TX,${MARCUS},group-medical,${firstOfMonth(now, -30)},240`,
    `100871,Rio Grande School District,NM,${MARCUS},group-dental,${firstOfMonth(now, -18)},610`,
  ];
  const policyHeader =
    'policy_number,client_id,group_account_number,line_of_business,plan_name,state,status,effective_date,renewal_date,termination_date,monthly_premium,writing_agent_id,producer_of_record_agent_id';
  const policies = [
    policyHeader,
    ...CLIENTS.map((c, i) => {
      // Renewals spread over the coming months; the first two renew within 30 days.
      const renewal = firstOfMonth(now, (i % 6) + 1);
      const terminated = c.latest === 'terminated-nonpayment' ? firstOfMonth(now, -1) : '';
      return `${policyNumberOf(c)},${c.id},,${c.line},${c.plan},${c.state},${policyStatus(c)},${firstOfMonth(now, -11 - i)},${renewal},${terminated},${c.premium},${c.agent},${c.agent}`;
    }),
    `G-100234-MED,,100234,group-medical,Blue Choice PPO Group,TX,active,${firstOfMonth(now, -30)},${firstOfMonth(now, 2)},,48210.00,${MARCUS},${MARCUS}`,
    `G-100871-DEN,,100871,group-dental,BlueCare Dental Group PPO,NM,active,${firstOfMonth(now, -18)},${firstOfMonth(now, 6)},,9150.00,${MARCUS},${MARCUS}`,
  ];
  const applicationHeader = 'application_number,client_id,line_of_business,plan_name,state,status,status_date,submitted_date,agent_unique_id,policy_number';
  const applications = [
    applicationHeader,
    `A-200001,C-100001,dental,BlueCare Dental PPO,IL,received,${day(now, -1)},${day(now, -1)},${JESSICA},`,
    `A-200002,C-100003,vision,Blue Vision Basic,TX,pending-information,${day(now, -3)},${day(now, -9)},${JESSICA},`,
    `A-200003,C-100004,major-medical,Blue Advantage Bronze HMO,IL,in-review,${day(now, -2)},${day(now, -12)},${JESSICA},`,
    `A-200004,C-100005,prescription-drug,Blue Cross MedicareRx Plus,TX,approved,${day(now, -4)},${day(now, -20)},${JESSICA},`,
    `A-200005,C-100006,vision,Blue Vision Basic,IL,issued,${firstOfMonth(now, -14)},${firstOfMonth(now, -15)},${JESSICA},${policyNumberOf(CLIENTS[5] as TDemoClient)}`,
    `A-200006,C-100002,dental,BlueCare Dental PPO,IL,declined,${day(now, -25)},${day(now, -40)},${JESSICA},`,
    `A-200007,C-100008,dental,BlueCare Dental HMO,OK,in-review,${day(now, -5)},${day(now, -11)},${MARCUS},`,
    `A-200008,C-100010,vision,Blue Vision Plus,TX,withdrawn,${day(now, -30)},${day(now, -45)},${MARCUS},`,
  ];
  const payments = ['policy_number,period,amount_due,due_date,amount_paid,paid_date,status'];
  // A year of premiums for each policy, older months paid: the client policies' latest as listed,
  // Acme's group premium paid, the school district's past due.
  const yearOf = (policyNumber: string, premium: string, latestStatus: TDemoClient['latest']) => {
    for (let back = 11; back >= 0; back--) {
      const due = firstOfMonth(now, -back);
      const status = back === 0 ? latestStatus : 'paid';
      const paid = status === 'paid';
      payments.push(`${policyNumber},${due.slice(0, 7)},${premium},${due},${paid ? premium : ''},${paid ? day(new Date(due), -3) : ''},${status}`);
    }
  };
  for (const c of CLIENTS) yearOf(policyNumberOf(c), c.premium, c.latest);
  yearOf('G-100234-MED', '48210.00', 'paid');
  yearOf('G-100871-DEN', '9150.00', 'past-due');
  return [
    ['groups', groups.join('\n')],
    ['clients', clients.join('\n')],
    ['policies', policies.join('\n')],
    ['applications', applications.join('\n')],
    ['payments', payments.join('\n')],
    ['commission-schedules', commissionSchedules().join('\n')],
    ['commissions', commissionLines(now).join('\n')],
  ];
}

/** Percent of premium, first-year and renewal, by line (every demo state alike). */
const RATES: Record<string, { new: number; renewal: number }> = {
  'medicare-supplement': { new: 20, renewal: 10 },
  'medicare-advantage': { new: 15, renewal: 7.5 },
  'prescription-drug': { new: 10, renewal: 5 },
  'major-medical': { new: 8, renewal: 4 },
  dental: { new: 12, renewal: 8 },
  vision: { new: 12, renewal: 8 },
  'group-medical': { new: 5, renewal: 4 },
  'group-dental': { new: 7, renewal: 5 },
};

function commissionSchedules(): string[] {
  const rows = ['line_of_business,state,business_type,effective_from,effective_to,rate_percent'];
  for (const [line, rate] of Object.entries(RATES)) {
    for (const state of ['IL', 'TX', 'OK', 'NM']) {
      rows.push(`${line},${state},new,2024-01-01,,${rate.new}`, `${line},${state},renewal,2024-01-01,,${rate.renewal}`);
    }
  }
  return rows;
}

interface TPaidPolicy {
  agent: string;
  number: string;
  group: string;
  name: string;
  product: string;
  line: string;
  /** Months from now the policy took effect (negative). */
  effective: number;
  premium: string;
}

const cents = (dollars: string) => Math.round(Number(dollars) * 100);
const asDollars = (value: number) => (value / 100).toFixed(2);

/**
 * Twelve monthly statements (the months before this one) for both demo producers: each policy in
 * force pays first-year commission, then renewal, at the schedule's rate. The latest statement has
 * an adjustment, and Rio Grande's dental a chargeback for its past-due premium; one month is
 * missing and one paid short, and the terminated policy is still paid (Owed versus Paid shows them).
 */
function commissionLines(now: Date): string[] {
  const paid: TPaidPolicy[] = [
    ...CLIENTS.map((c, i) => ({
      agent: c.agent,
      number: policyNumberOf(c),
      group: '',
      name: `${c.first} ${c.last}`,
      product: c.plan,
      line: c.line,
      effective: -11 - i,
      premium: c.premium,
    })),
    {
      agent: MARCUS,
      number: 'G-100234-MED',
      group: '100234',
      name: 'Acme Manufacturing Co.',
      product: 'Blue Choice PPO Group',
      line: 'group-medical',
      effective: -30,
      premium: '48210.00',
    },
    {
      agent: MARCUS,
      number: 'G-100871-DEN',
      group: '100871',
      name: 'Rio Grande School District',
      product: 'BlueCare Dental Group PPO',
      line: 'group-dental',
      effective: -18,
      premium: '9150.00',
    },
  ];
  const rows = [
    'agent_unique_id,period,line_number,account_number,group_number,account_name,original_effective_date,producer_effective_date,cancel_date,product_name,line_of_business,funding_type,calculation_method,contracts,premium_basis,rate,split_percent,transaction_type,amount',
  ];
  for (let back = 12; back >= 1; back--) {
    const period = firstOfMonth(now, -back).slice(0, 7);
    const numbers = new Map<string, number>();
    const add = (p: TPaidPolicy, { type, rate, amount }: { type: string; rate: number; amount: number }) => {
      const n = (numbers.get(p.agent) ?? 0) + 1;
      numbers.set(p.agent, n);
      const started = firstOfMonth(now, p.effective);
      const funding = p.group ? 'fully-insured' : '';
      rows.push(
        `${p.agent},${period},${n},${p.number},${p.group},${p.name},${started},${started},,${p.product},${p.line},${funding},percent-of-premium,1,${p.premium},${rate},100,${type},${asDollars(amount)}`,
      );
    };
    for (const p of paid) {
      const age = -back - p.effective;
      const rates = RATES[p.line];
      // Planted for the Owed versus Paid view: Eleanor Whitaker's commission missing three months
      // ago, Acme's paid short two months ago.
      if (age < 0 || !rates || (back === 3 && p.number === policyNumberOf(CLIENTS[0] as TDemoClient))) continue;
      const type = age < 12 ? 'new' : 'renewal';
      const owed = Math.round((cents(p.premium) * rates[type]) / 100);
      add(p, { type, rate: rates[type], amount: back === 2 && p.number === 'G-100234-MED' ? Math.round(owed * 0.9) : owed });
    }
    if (back === 1) {
      const [acme, rioGrande] = paid.slice(-2) as [TPaidPolicy, TPaidPolicy];
      add(acme, { type: 'adjustment', rate: RATES['group-medical']?.renewal ?? 0, amount: 12_550 });
      add(rioGrande, { type: 'chargeback', rate: RATES['group-dental']?.renewal ?? 0, amount: -Math.round((cents(rioGrande.premium) * 5) / 100) });
    }
  }
  return rows;
}
