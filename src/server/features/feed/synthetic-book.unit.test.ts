// The synthetic book (seed --size, bench:import): the same on every run, about 100 clients a
// producer with a few big books, every state and line present, and every row one the feed accepts
// and whose references are in an earlier file.
import { createHash } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { LINES_OF_BUSINESS } from '../../../shared/book.ts';
import { APPOINTMENT_STATES } from '../../../shared/portals.ts';
import { FEED_KIND } from './feed-kinds.ts';
import { countSyntheticRows, kindOfLoad, mulberry32, SYNTHETIC_LOADS, syntheticCsv, syntheticLines, type TSyntheticLoad } from './synthetic-book.ts';

const SMALL = { producers: 60, asOf: '2026-11' };

/** Each load's rows as column → value maps. */
function rowsOf(load: TSyntheticLoad, options = SMALL): Record<string, string>[] {
  const [header = '', ...lines] = [...syntheticLines(load, options)];
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, i) => [names[i] ?? '', value])));
}

const book = Object.fromEntries(SYNTHETIC_LOADS.map((load) => [load, rowsOf(load)])) as Record<TSyntheticLoad, Record<string, string>[]>;

describe('the synthetic book', { timeout: 30_000 }, () => {
  it('is the same on every run (a seeded PRNG, not Math.random)', () => {
    const digest = (load: TSyntheticLoad) =>
      createHash('sha256')
        .update([...syntheticLines(load, SMALL)].join('\n'))
        .digest('hex');
    for (const load of SYNTHETIC_LOADS) expect(digest(load)).toBe(digest(load));
    expect([mulberry32(7)(), mulberry32(7)()]).toEqual([mulberry32(7)(), mulberry32(7)()]);
    expect(mulberry32(7)()).not.toBe(mulberry32(8)());
  });

  it('streams the same text as its lines, in chunks', async () => {
    const streamed = await text(syntheticCsv('payments', SMALL));
    expect(streamed).toBe(`${[...syntheticLines('payments', SMALL)].join('\n')}\n`);
  });

  it('counts what it writes, and stops at a limit', () => {
    const counts = countSyntheticRows(SMALL);
    for (const load of SYNTHETIC_LOADS) expect(counts[load], load).toBe(book[load].length);
    expect([...syntheticLines('clients', { ...SMALL, limit: 7 })]).toHaveLength(8);
    expect(countSyntheticRows({ ...SMALL, limit: 7 }).payments).toBe(7);
  });

  it('gives about 100 clients a producer, with 1 book in 1,000 twenty times larger, and 12 months of payments', () => {
    const counts = countSyntheticRows({ producers: 1_001, asOf: '2026-11' });
    expect(counts.clients / counts.producers).toBeGreaterThan(90);
    expect(counts.clients / counts.producers).toBeLessThan(110);
    const big = rowsOf('clients', { producers: 501, asOf: '2026-11' }).filter((c) => c.client_id?.startsWith('SC-300000500-'));
    expect(big.length).toBeGreaterThanOrEqual(1_000);
    const months = new Set(book.payments.map((p) => p.period));
    expect([...months].sort()).toEqual(['2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)]);
  });

  it('covers the five states, all nine lines, and every status', () => {
    const policies = book.policies;
    expect(new Set(book.clients.map((c) => c.state))).toEqual(new Set(APPOINTMENT_STATES));
    expect(new Set(policies.map((p) => p.state))).toEqual(new Set(APPOINTMENT_STATES));
    expect(new Set(policies.map((p) => p.line_of_business))).toEqual(new Set(LINES_OF_BUSINESS));
    expect(new Set(policies.map((p) => p.status)).size).toBe(5);
    expect(new Set(book.applications.map((a) => a.status)).size).toBe(7);
    expect(new Set(book.payments.map((p) => p.status)).size).toBe(5);
    expect(policies.some((p) => p.group_account_number)).toBe(true);
    const changed = book.applications.filter((a, i) => a.status !== book['application-history'][i]?.status);
    expect(changed.length).toBeGreaterThan(book.applications.length / 2);
  });

  it('writes only rows the feed accepts, each key once', () => {
    // Plain checks gathered into one expect: an expect per value would take longer than the book.
    const problems: string[] = [];
    for (const load of SYNTHETIC_LOADS) {
      const kind = FEED_KIND[kindOfLoad(load)];
      const keyColumns = kind.key.map((k) => kind.columns.find((c) => (c.column ?? c.csv) === k)?.csv ?? k);
      const keys = new Set<string>();
      for (const row of book[load]) {
        for (const column of kind.columns) {
          const value = row[column.csv] ?? '';
          if (value === '' ? column.required : 'problem' in column.read(value)) problems.push(`${load} ${column.csv} "${value}"`);
        }
        const crossCheck = kind.rowCheck?.(new Map(Object.entries(row)));
        if (crossCheck) problems.push(`${load} ${crossCheck.problem}`);
        const key = keyColumns.map((k) => row[k]).join('|');
        if (keys.has(key)) problems.push(`${load} ${key} twice`);
        keys.add(key);
      }
    }
    for (const producer of book.producers) if (!/^3\d{8}$/.test(producer.agent_unique_id ?? '')) problems.push(`producer ${producer.agent_unique_id}`);
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('names only what an earlier file loaded', () => {
    const agents = new Set(book.producers.map((p) => p.agent_unique_id));
    const groups = new Set(book.groups.map((g) => g.account_number));
    const clients = new Set(book.clients.map((c) => c.client_id));
    const policies = new Set(book.policies.map((p) => p.policy_number));
    const known = (set: Set<string | undefined>, value: string | undefined) => value === '' || set.has(value);
    const missing = [
      ...book.groups.filter((g) => !agents.has(g.producer_agent_unique_id)).map((g) => g.account_number),
      ...book.policies
        .filter(
          (p) =>
            !(
              known(clients, p.client_id) &&
              known(groups, p.group_account_number) &&
              agents.has(p.writing_agent_id) &&
              agents.has(p.producer_of_record_agent_id)
            ),
        )
        .map((p) => p.policy_number),
      ...[...book['application-history'], ...book.applications]
        .filter((a) => !(clients.has(a.client_id) && agents.has(a.agent_unique_id) && known(policies, a.policy_number)))
        .map((a) => a.application_number),
      ...book.payments.filter((p) => !policies.has(p.policy_number)).map((p) => `${p.policy_number} ${p.period}`),
      ...book.commissions.filter((l) => !(agents.has(l.agent_unique_id) && policies.has(l.account_number))).map((l) => `line ${l.account_number}`),
    ];
    expect(missing.slice(0, 10)).toEqual([]);
  });

  it("pays 24 months of commission to each policy's producer of record, at the schedule's rate of the premium received", () => {
    const months = [...new Set(book.commissions.map((l) => l.period))].sort();
    expect(months).toHaveLength(24);
    expect(months.at(-1)).toBe('2026-11');
    const policies = new Map(book.policies.map((p) => [p.policy_number, p]));
    const paid = new Set(book.payments.filter((p) => p.status === 'paid').map((p) => `${p.policy_number} ${p.period}`));
    const rates = new Map(book['commission-schedules'].map((s) => [`${s.line_of_business} ${s.state} ${s.business_type}`, Number(s.rate_percent)]));
    const problems: string[] = [];
    let short = 0;
    for (const line of book.commissions) {
      const policy = policies.get(line.account_number ?? '');
      const where = `${line.account_number} ${line.period}`;
      if (!policy || policy.producer_of_record_agent_id !== line.agent_unique_id) problems.push(`${where} not the producer of record`);
      if ((line.period ?? '') >= '2025-12' && !paid.has(where)) problems.push(`${where} paid without premium received`);
      const rate = rates.get(`${line.line_of_business} ${policy?.state} ${line.transaction_type}`);
      if (rate !== Number(line.rate)) problems.push(`${where} rate ${line.rate}, schedule ${rate}`);
      const owed = Math.round(Number(line.premium_basis) * Number(line.rate));
      const amount = Math.round(Number(line.amount) * 100);
      if (amount !== owed) short += 1;
      if (amount !== owed && amount !== Math.round(owed * 0.9)) problems.push(`${where} paid ${line.amount} of ${owed / 100}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(short).toBeGreaterThan(0);
    expect(short).toBeLessThan(book.commissions.length / 200);
  });
});
