// BK-7: the directory holds seed 003's numbers, and null where the scan lost them.
import { describe, expect, it } from 'vitest';
import {
  PRODUCER_SERVICES_DIRECTORY,
  PRODUCER_SERVICES_LINE_LABELS,
  PRODUCER_SERVICES_LINES,
  PRODUCER_SERVICES_STATES,
  producerServicesPhone,
  telHref,
} from './producer-services.ts';

describe('producer services directory', () => {
  it('covers every state and line, with the seed labels', () => {
    expect(PRODUCER_SERVICES_STATES).toEqual(['IL', 'MT', 'NM', 'OK', 'TX']);
    expect(PRODUCER_SERVICES_LINES.map((l) => PRODUCER_SERVICES_LINE_LABELS[l])).toEqual([
      'Major Medical',
      'Medicare Supplement (Legacy)',
      'Medicare Supplement (New Business)',
      'Medicare Advantage (MAPD)',
      'Prescription Drug (PDP)',
      'State Farm Agents Only',
    ]);
    for (const state of PRODUCER_SERVICES_STATES) expect(Object.keys(PRODUCER_SERVICES_DIRECTORY[state]).sort()).toEqual([...PRODUCER_SERVICES_LINES].sort());
  });

  it('has the numbers and notes of the seed table', () => {
    expect(producerServicesPhone('IL', 'medicare-supplement-legacy')).toEqual({ phone: '(800) 538-0382', note: 'prior to May 1, 2019' });
    expect(producerServicesPhone('TX', 'medicare-supplement-new-business')).toEqual({ phone: '(877) 587-6641', note: 'on or after Jan 1, 2020' });
    expect(producerServicesPhone('MT', 'medicare-supplement-new-business')).toEqual({ phone: '(855) 258-8475', note: null });
    expect(producerServicesPhone('NM', 'state-farm-agents')).toEqual({ phone: '1-844-250-8201', note: null });
  });

  it('leaves lost cells empty rather than guessing', () => {
    for (const state of PRODUCER_SERVICES_STATES) expect(producerServicesPhone(state, 'prescription-drug')).toBeNull();
    expect(PRODUCER_SERVICES_STATES.filter((s) => producerServicesPhone(s, 'medicare-advantage'))).toEqual(['OK']);
  });

  it('makes tel: addresses', () => {
    expect(telHref('(888) 313-5526')).toBe('tel:+18883135526');
    expect(telHref('1-844-250-8201')).toBe('tel:+18442508201');
  });
});
