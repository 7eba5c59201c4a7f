// npm run bench:import — the data feed's load (issue 15 §5, docs/decisions/0020): BENCH_ROWS
// (default 1,000,000) `clients` rows and as many `policies` rows from the synthetic book, written to
// files first, then loaded through importFeed from a file stream (the CLI's path): a first load and
// a reload with 10 % of the rows changed. Set against the raw COPY of the same file into an unindexed
// table of text columns, measured in the same run, and with this process's RSS sampled during each
// load (the load runs in this process; on PGlite the database does too). Goals: ≥ 100,000 rows/s
// on PostgreSQL (≥ 30,000 on PGlite) for a first load, ≥ 0.3 of raw COPY, RSS growth < 100 MB.
// PostgreSQL when DATABASE_URL is set (a database of its own, dropped at the end), else PGlite.
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, PGLITE_EXTENSIONS, wrapPglite, type TDatabase } from '../src/server/db/client.ts';
import { migrateDatabase } from '../src/server/db/migrate.ts';
import { feedCsvParser, importFeed, type TFeedDeps } from '../src/server/features/feed/feed-import.service.ts';
import { countSyntheticRows, syntheticCsv, syntheticLines, type TSyntheticOptions } from '../src/server/features/feed/synthetic-book.ts';
import { systemClock } from '../src/server/platform/clock.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CHANGED_EVERY = 10;
const MB = 1024 * 1024;

type TKind = 'clients' | 'policies';
/** The column a reload changes in every tenth row: free text, so the change is always valid. */
const CHANGED_COLUMN: Record<TKind, string> = { clients: 'last_name', policies: 'plan_name' };

interface TEngine {
  name: string;
  database: TDatabase;
  /** COPY of the CSV file into `table` as it is: no checks, no indexes, no upsert. */
  rawCopy(table: string, columns: readonly string[], file: string): Promise<void>;
  query(text: string): Promise<void>;
  close(): Promise<void>;
}

async function admin(url: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(query);
  await client.end();
}

async function openEngine(dataDir: string): Promise<TEngine> {
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    const client = await PGlite.create({ dataDir: join(dataDir, 'pglite'), extensions: PGLITE_EXTENSIONS });
    return {
      name: 'PGlite (file-backed, in this process)',
      database: wrapPglite(client),
      async rawCopy(table, columns, file) {
        await client.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob' with (format csv, header true)`, [], { blob: await openAsBlob(file) });
      },
      query: async (text) => void (await client.query(text)),
      close: () => client.close(),
    };
  }
  const name = `portico_bench_import_${process.pid}`;
  await admin(baseUrl, `create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: dataDir });
  const raw = new pg.Client({ connectionString: url.toString() });
  await raw.connect();
  return {
    name: 'PostgreSQL',
    database,
    async rawCopy(table, columns, file) {
      await pipeline(createReadStream(file), raw.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv, header true)`)));
    },
    query: async (text) => void (await raw.query(text)),
    async close() {
      await raw.end();
      await database.close();
      await admin(baseUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** Enough producers that their book has ROWS clients (and so more than ROWS policies). */
function bookFor(rows: number): TSyntheticOptions {
  let producers = Math.ceil(rows / 95);
  const asOf = systemClock.now().toISOString().slice(0, 7);
  while (countSyntheticRows({ producers, asOf }).clients < rows) producers = Math.ceil(producers * 1.1);
  return { producers, asOf };
}

async function writeFile(path: string, lines: Iterable<string>): Promise<void> {
  function* chunks() {
    let chunk = '';
    for (const line of lines) {
      chunk += `${line}\n`;
      if (chunk.length >= 65_536) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
}

/** The same file with every tenth row's free-text column changed: the carrier's next file. */
function* changed(kind: TKind, lines: Iterable<string>): Generator<string> {
  let column = -1;
  let row = 0;
  for (const line of lines) {
    if (column < 0) {
      column = line.split(',').indexOf(CHANGED_COLUMN[kind]);
      yield line;
    } else if (row++ % CHANGED_EVERY === 0) {
      const values = line.split(',');
      values[column] = `${values[column]} II`;
      yield values.join(',');
    } else yield line;
  }
}

/** Runs `work` while sampling this process's RSS every 50 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; rssBefore: number; rssPeak: number }> {
  const rssBefore = process.memoryUsage.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 50);
  const started = performance.now();
  try {
    const result = await work();
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    return { result, seconds: (performance.now() - started) / 1000, rssBefore, rssPeak };
  } finally {
    clearInterval(sampler);
  }
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const fmt = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-bench-import-'));
  const engine = await openEngine(dir);
  const goalRate = process.env.DATABASE_URL ? 100_000 : 30_000;
  let belowGoal = false;
  const verdict = (ok: boolean) => {
    belowGoal ||= !ok;
    return ok ? 'OK' : 'BELOW GOAL';
  };
  try {
    await migrateDatabase(engine.database);
    const deps: TFeedDeps = { db: engine.database.db, clock: systemClock, bulk: engine.database.withBulkConnection };
    const book = bookFor(ROWS);
    console.log(`Data feed import: ${fmt(ROWS)} clients rows and ${fmt(ROWS)} policies rows, ${engine.name}, ${availableParallelism()} cores`);
    // What the policies name is loaded first (not timed): the producers and their employer groups.
    const setup = performance.now();
    await importFeed(deps, { kind: 'producers', csv: syntheticCsv('producers', book), source: 'cli', actor: { label: 'bench' } });
    await importFeed(deps, { kind: 'groups', csv: syntheticCsv('groups', book), source: 'cli', actor: { label: 'bench' } });
    const files: Record<TKind, { first: string; reload: string; columns: string[] }> = {
      clients: { first: join(dir, 'clients.csv'), reload: join(dir, 'clients-changed.csv'), columns: [] },
      policies: { first: join(dir, 'policies.csv'), reload: join(dir, 'policies-changed.csv'), columns: [] },
    };
    for (const kind of ['clients', 'policies'] as const) {
      const limited = { ...book, limit: ROWS };
      files[kind].columns = String(syntheticLines(kind, limited).next().value).split(',');
      await writeFile(files[kind].first, syntheticLines(kind, limited));
      await writeFile(files[kind].reload, changed(kind, syntheticLines(kind, limited)));
    }
    console.log(
      `  setup (not timed): ${fmt(book.producers)} producers and their groups loaded, files written, ${((performance.now() - setup) / 1000).toFixed(1)} s`,
    );

    for (const kind of ['clients', 'policies'] as const) {
      const { first, reload, columns } = files[kind];
      const table = `bench_raw_${kind}`;
      await engine.query(`create table ${table} (${columns.map((c) => `${c} text`).join(', ')})`);
      const raw = await measured(() => engine.rawCopy(table, columns, first));
      await engine.query(`drop table ${table}`);
      const rawRate = rate(ROWS, raw.seconds);
      // The ceiling of any load through the feed's reader: csv-parse alone, on this one thread.
      const reading = await measured(() => readOnly(first));
      const readingRate = rate(reading.result, reading.seconds);
      const load = (file: string) => measured(() => importFeed(deps, { kind, csv: createReadStream(file), source: 'cli', actor: { label: 'bench' } }));
      const firstLoad = await load(first);
      const reloaded = await load(reload);
      const firstRate = rate(firstLoad.result.rowsRead, firstLoad.seconds);
      const ratio = firstRate / rawRate;
      const growth = Math.max(firstLoad.rssPeak, reloaded.rssPeak) - firstLoad.rssBefore;
      const counts = (r: typeof firstLoad.result) =>
        `${fmt(r.inserted)} inserted, ${fmt(r.updated)} updated, ${fmt(r.unchanged)} unchanged, ${fmt(r.failed)} failed`;
      console.log(`  ${kind}`);
      console.log(`    raw COPY into an unindexed table: ${raw.seconds.toFixed(2)} s, ${fmt(rawRate)} rows/s`);
      console.log(
        `    csv-parse alone (the feed's reader, no checks, no database): ${reading.seconds.toFixed(2)} s, ${fmt(readingRate)} rows/s, ${(readingRate / rawRate).toFixed(2)} of raw COPY`,
      );
      console.log(`    first load:        ${firstLoad.seconds.toFixed(2)} s, ${fmt(firstRate)} rows/s (${counts(firstLoad.result)})`);
      console.log(
        `    reload, 10 % changed: ${reloaded.seconds.toFixed(2)} s, ${fmt(rate(reloaded.result.rowsRead, reloaded.seconds))} rows/s (${counts(reloaded.result)})`,
      );
      console.log(`    RSS: ${(firstLoad.rssBefore / MB).toFixed(0)} MB before, peak ${(Math.max(firstLoad.rssPeak, reloaded.rssPeak) / MB).toFixed(0)} MB`);
      console.log(`    first load ${fmt(firstRate)} rows/s (goal ≥ ${fmt(goalRate)})  ${verdict(firstRate >= goalRate)}`);
      console.log(`    ratio to raw COPY ${ratio.toFixed(2)} (goal ≥ 0.3)  ${verdict(ratio >= 0.3)}`);
      console.log(`    RSS growth ${(growth / MB).toFixed(0)} MB (goal < 100 MB)  ${verdict(growth < 100 * MB)}`);
    }
    console.log(
      `  load average: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    if (belowGoal) process.exitCode = 1;
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads the file through the feed's CSV reader and counts its records: no checks, no database. */
async function readOnly(file: string): Promise<number> {
  let records = -1; // the header is not a row
  const parser = feedCsvParser();
  parser.on('data', () => records++);
  await pipeline(createReadStream(file), parser);
  return records;
}

await main();
