// The demo's book of business (BK-1 … BK-4), as the carrier's feed files, dated from the clock so
// "renewing soon" and "past due" stay true whenever the demo is loaded: clients and individual
// policies of Jessica Camp (retail, IL and TX) and Marcus Reyes (TX, OK, NM), group policies for
// the two demo employer groups, applications in every status, and a year of premium payments
// (the groups' too).
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
  ];
}
