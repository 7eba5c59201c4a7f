// BK-7 Producer Services directory: phone numbers by state and line of business, as printed in
// seed 003's table ("If you need assistance, please contact Producer Services at:"). Where the
// seed's scan lost a cell the value is null: a wrong number on a help page is worse than none.
import { APPOINTMENT_STATES, type TState } from './portals.ts';

export const PRODUCER_SERVICES_STATES: readonly TState[] = APPOINTMENT_STATES;

export const PRODUCER_SERVICES_LINES = [
  'major-medical',
  'medicare-supplement-legacy',
  'medicare-supplement-new-business',
  'medicare-advantage',
  'prescription-drug',
  'state-farm-agents',
] as const;
export type TProducerServicesLine = (typeof PRODUCER_SERVICES_LINES)[number];

/** Row labels, verbatim from the seed's table. */
export const PRODUCER_SERVICES_LINE_LABELS: Record<TProducerServicesLine, string> = {
  'major-medical': 'Major Medical',
  'medicare-supplement-legacy': 'Medicare Supplement (Legacy)',
  'medicare-supplement-new-business': 'Medicare Supplement (New Business)',
  'medicare-advantage': 'Medicare Advantage (MAPD)',
  'prescription-drug': 'Prescription Drug (PDP)',
  'state-farm-agents': 'State Farm Agents Only',
};

export interface TProducerServicesPhone {
  /** As printed: "(888) 313-5526", "1-844-250-8201". */
  phone: string;
  /** When the number applies, as printed: "prior to May 1, 2019". */
  note: string | null;
}

/** One number for every state; the seed's e-mails: "State Farm agents - please call 1-844-250-8201 for assistance." */
export const STATE_FARM_AGENTS_PHONE = '1-844-250-8201';

const n = (phone: string, note: string | null = null): TProducerServicesPhone => ({ phone, note });
const stateFarm = n(STATE_FARM_AGENTS_PHONE);

export const PRODUCER_SERVICES_DIRECTORY: Record<TState, Record<TProducerServicesLine, TProducerServicesPhone | null>> = {
  IL: {
    'major-medical': n('(888) 313-5526'),
    'medicare-supplement-legacy': n('(800) 538-0382', 'prior to May 1, 2019'),
    'medicare-supplement-new-business': n('(877) 587-6638', 'on or after May 1, 2019'),
    'medicare-advantage': null,
    'prescription-drug': null,
    'state-farm-agents': stateFarm,
  },
  MT: {
    'major-medical': n('(855) 454-7109'),
    'medicare-supplement-legacy': n('(855) 258-8475'),
    'medicare-supplement-new-business': n('(855) 258-8475'),
    'medicare-advantage': null,
    'prescription-drug': null,
    'state-farm-agents': stateFarm,
  },
  NM: {
    'major-medical': n('(888) 222-0572'),
    'medicare-supplement-legacy': n('(888) 222-0572', 'prior to May 1, 2019'),
    'medicare-supplement-new-business': n('(877) 587-6679', 'on or after May 1, 2019'),
    'medicare-advantage': null,
    'prescription-drug': null,
    'state-farm-agents': stateFarm,
  },
  OK: {
    'major-medical': n('(888) 399-9394'),
    'medicare-supplement-legacy': n('(800) 522-9266', 'prior to May 1, 2019'),
    'medicare-supplement-new-business': n('(877) 587-6645', 'on or after May 1, 2019'),
    // The only value the scan kept in the MAPD row (OK column).
    'medicare-advantage': n('(877) 774-8592'),
    'prescription-drug': null,
    'state-farm-agents': stateFarm,
  },
  TX: {
    'major-medical': n('(888) 697-0679'),
    'medicare-supplement-legacy': n('(800) 366-4236', 'prior to Jan 1, 2020'),
    'medicare-supplement-new-business': n('(877) 587-6641', 'on or after Jan 1, 2020'),
    'medicare-advantage': null,
    'prescription-drug': null,
    'state-farm-agents': stateFarm,
  },
};

export function producerServicesPhone(state: TState, line: TProducerServicesLine): TProducerServicesPhone | null {
  return PRODUCER_SERVICES_DIRECTORY[state][line];
}

/** `tel:` address of a printed North American number: "(888) 313-5526" → "tel:+18883135526". */
export function telHref(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return `tel:+${digits.length === 10 ? `1${digits}` : digits}`;
}
