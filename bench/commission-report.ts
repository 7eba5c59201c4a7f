// The database half of bench:commissions (issue 17 §4), on a database loaded with
// `portico seed --size N` (its commission statements: 24 months of lines for each policy in force;
// `--size 7200` makes about 20,000,000 lines): for the producer with the most lines and for a
// median one, the reporting tool's 24-month view through HTTP (a signed-in Primary Producer, the
// real app listening) against the same SQL the store sends, replayed beside the app; and the owed
// versus paid reconciliation of the newest year through HTTP. Goals (issue 17 §4): the large
// producer's report p95 < 100 ms and ≤ 1.5 × the raw SQL; every reconciliation < 1 s. The median
// producer's report is printed for context: its SQL takes about 2 ms, so the route's fixed cost
// (session, producer, newest month: ~4 ms) makes any ratio there. BENCH_SECONDS per measurement (default 3).
import { availableParallelism, loadavg } from 'node:os';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { shiftMonth } from '../src/server/features/commissions/commissions.service.ts';
import { findReportAccounts, findReportCells } from '../src/server/features/commissions/commissions.store.ts';
import { findOwedAndPaid, findPaidAfterTermination, findUnreversedChargebacks } from '../src/server/features/commissions/reconciliation.store.ts';
import type { TReconciliation } from '../src/shared/commission-schemas.ts';
import { httpP95, p95Of } from './latency.ts';
import { benchUser, explained, listeningApp, openEngine, signIn, type TEngine } from './seeded-database.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const PASSWORD = 'Commission26x';
const REPORT_GOAL_MS = 100;
const REPORT_GOAL_RATIO = 1.5;
const RECONCILIATION_GOAL_MS = 1_000;
/** The reporting tool's own limit on the accounts it lists. */
const TOP_ACCOUNTS = 25;

export function seededDatabaseNamed(): boolean {
  return Boolean(process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || process.env.BENCH_DATA_DIR || process.env.DATA_DIR);
}

interface TProducer {
  label: string;
  /** Whether the report's goals apply (the issue states them for a large producer). */
  large: boolean;
  agentId: string;
  lines: number;
  newest: string;
}

/** The producer with the most lines, and the one in the middle of the synthetic producers' order. */
async function pickProducers(engine: TEngine): Promise<TProducer[]> {
  const counts = await engine.rows<{ agent: string; lines: string; newest: string }>(
    `select agent_unique_id as agent, count(*) as lines, max(period) as newest from commission_lines group by agent_unique_id order by count(*) desc`,
  );
  const large = counts[0];
  const median = counts[Math.floor(counts.length / 2)];
  if (!large || !median) throw new Error('The database has no commission lines: load a synthetic book with `portico seed --size N` first.');
  return [
    { label: 'largest producer', large: true, agentId: large.agent, lines: Number(large.lines), newest: large.newest },
    { label: 'median producer', large: false, agentId: median.agent, lines: Number(median.lines), newest: median.newest },
  ];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Measures both producers; returns how many goals were missed. */
export async function benchCommissionReport(): Promise<number> {
  const engine = await openEngine('bench:commissions');
  const { database } = engine;
  let app: Awaited<ReturnType<typeof listeningApp>> | undefined;
  let missed = 0;
  try {
    await migrateDatabase(database);
    const [{ lines } = { lines: '0' }] = await engine.rows<{ lines: string }>(`select count(*) as lines from commission_lines`);
    console.log(
      `\nCommission reporting tool and owed versus paid: ${Number(lines).toLocaleString('en-US')} commission lines, ${engine.name};` +
        ` p95 of ${SECONDS} s of sequential requests each`,
    );
    const producers = await pickProducers(engine);
    app = await listeningApp(engine);
    for (const producer of producers) {
      const username = await benchUser(database.db, {
        bench: 'bench:commissions',
        portalId: 'producers',
        role: 'primary-producer',
        agentId: producer.agentId,
        password: PASSWORD,
      });
      const { cookie } = await signIn(app.base, { portal: 'producers', username, password: PASSWORD });
      const filter = { agentId: producer.agentId, from: shiftMonth(producer.newest, -23), to: producer.newest };
      const path = `/api/commissions/report?from=${filter.from}&to=${filter.to}`;
      console.log(`\n${producer.label}: ${producer.agentId}, ${producer.lines.toLocaleString('en-US')} lines; 24 months ${filter.from} to ${filter.to}`);

      await httpP95({ port: app.port, path, cookie, seconds: 1 }); // warm-up
      const statements = await engine.capture(() =>
        Promise.all([findReportCells(database.db, filter), findReportAccounts(database.db, { ...filter, limit: TOP_ACCOUNTS })]),
      );
      const http = await httpP95({ port: app.port, path, cookie, seconds: SECONDS });
      const sqlMs = await p95Of(() => Promise.all(statements.map((statement) => statement.replay())), SECONDS);
      const ratio = http / sqlMs;
      const reportMet = http < REPORT_GOAL_MS && ratio <= REPORT_GOAL_RATIO;
      if (producer.large && !reportMet) missed++;
      const verdict = producer.large ? ` (goal < ${REPORT_GOAL_MS} ms and ≤ ${REPORT_GOAL_RATIO}): ${reportMet ? 'met' : 'NOT met'}` : ' (for context)';
      console.log(`  reporting tool: HTTP p95 ${ms(http)}, its SQL ${ms(sqlMs)}, ratio ${ratio.toFixed(2)}${verdict}`);
      for (const statement of statements) console.log(await explained(engine, statement));

      const year = Number(producer.newest.slice(0, 4));
      const yearPath = `/api/commissions/reconciliation?year=${year}`;
      const answer = await fetch(`${app.base}${yearPath}`, { headers: { cookie } });
      const reconciliation = (await answer.json()) as TReconciliation;
      const range = { agentId: producer.agentId, from: `${year}-01`, to: `${year}-12` };
      const reconciliationHttp = await httpP95({ port: app.port, path: yearPath, cookie, seconds: SECONDS });
      // The store's three reads as the service sends them (the first in a transaction of its own, so
      // timed through the store rather than replayed).
      const reconciliationSql = await p95Of(
        () => Promise.all([findOwedAndPaid(database.db, range), findPaidAfterTermination(database.db, range), findUnreversedChargebacks(database.db, range)]),
        SECONDS,
      );
      const reconciliationMet = reconciliationHttp < RECONCILIATION_GOAL_MS;
      if (!reconciliationMet) missed++;
      console.log(
        `  owed versus paid, ${year}: ${reconciliation.discrepancies.length} discrepancies; HTTP p95 ${ms(reconciliationHttp)}, its SQL ${ms(reconciliationSql)}` +
          ` (goal < ${RECONCILIATION_GOAL_MS} ms): ${reconciliationMet ? 'met' : 'NOT met'}`,
      );
    }
    console.log(
      `\nload average while measuring: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')} (${availableParallelism()} cores)`,
    );
  } finally {
    await app?.close();
    if (!app) await database.close();
    await engine.close();
  }
  return missed;
}
