// The SQL of one feed run (docs/decisions/0020): a staging table and a table of the keys seen so
// far, both temporary (this connection's), then per batch, in one transaction: COPY the batch in,
// refuse duplicate keys and rows naming what is not on file, upsert the rest by natural key, and
// count what was inserted, updated or left unchanged. Only the file's columns are written, so a
// file without an optional column leaves that column as it was.
import type { TBulkConnection, TBulkStatements, TBulkTransaction } from '../../db/bulk.ts';
import { columnOf, stagedAs, type TFeedColumn, type TFeedKind } from './feed-kinds.ts';

export interface TFeedProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface TBatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  refused: TFeedProblem[];
}

export interface TRunTables {
  kind: TFeedKind;
  /** The file's columns, in the order of each COPY line (after `line`). */
  present: readonly TFeedColumn[];
  stage: string;
  keys: string;
}

/** Names unique to the run (temporary tables are per connection, but PGlite has only one). */
export async function createRunTables(connection: TBulkConnection, input: { kind: TFeedKind; present: readonly TFeedColumn[]; tag: string }) {
  const tables: TRunTables = { kind: input.kind, present: input.present, stage: `feed_stage_${input.tag}`, keys: `feed_keys_${input.tag}` };
  const columns = input.present.map((c) => `${stagedAs(c)} ${c.sqlType}`).join(', ');
  await connection.query(`create temporary table ${tables.stage} (line integer not null, ${columns})`);
  await connection.query(`create temporary table ${tables.keys} (key text primary key, line integer not null)`);
  return tables;
}

/** Refreshes the planner's statistics of the kind's table after a large load. */
export async function analyzeTable(connection: TBulkStatements, kind: TFeedKind): Promise<void> {
  await connection.query(`analyze ${kind.table}`);
}

export async function dropRunTables(connection: TBulkStatements, tables: TRunTables): Promise<void> {
  await connection.query(`drop table if exists ${tables.stage}, ${tables.keys}`);
}

/** The key as one text (composite keys joined by a separator no identifier contains). */
function keyOf(kind: TFeedKind, alias: string): string {
  return kind.key.length === 1 ? `${alias}.${kind.key[0]}` : `concat_ws('|', ${kind.key.map((k) => `${alias}.${k}`).join(', ')})`;
}

/** Loads `copy` (COPY text lines: line number, then the present columns) as one batch. */
export async function loadBatch(tx: TBulkTransaction, input: { tables: TRunTables; copy: string; rows: number; now: Date }): Promise<TBatchCounts> {
  const { tables, now } = input;
  const { kind, stage } = tables;
  await tx.query(`truncate ${stage}`);
  await tx.copyText(stage, ['line', ...tables.present.map(stagedAs)], input.copy);
  const refused = [...(await refuseDuplicates(tx, tables)), ...(await refuseMissingReferences(tx, tables))];
  await addNamedRows(tx, tables);
  const before = kind.beforeUpsert;
  if (before && tables.present.some((column) => stagedAs(column) === before.whenPresent)) await tx.query(before.sql.replaceAll('{stage}', stage), [now]);
  const [counts] = await tx.query<{ inserted: number; updated: number }>(upsertStatement(tables), [now]);
  if (kind.afterUpsert) await tx.query(kind.afterUpsert.replaceAll('{stage}', stage), [now]);
  const inserted = Number(counts?.inserted ?? 0);
  const updated = Number(counts?.updated ?? 0);
  const refusedRows = new Set(refused.map((p) => p.line)).size;
  return { inserted, updated, unchanged: input.rows - refusedRows - inserted - updated, refused };
}

/**
 * A key seen on an earlier line of the file (this batch or one before) refuses the later rows. The
 * batch's first occurrences go into the run's key table; a row that did not get in is a duplicate.
 * Only the batch's rows and the few duplicates' keys are looked at, never the whole key table
 * (a join with it grew with every batch: a million rows loaded at half the speed of 200,000).
 */
async function refuseDuplicates(tx: TBulkTransaction, { kind, stage, keys }: TRunTables): Promise<TFeedProblem[]> {
  const duplicates = await tx.query<{ line: number; key: string }>(
    `with fresh as (
       insert into ${keys} (key, line)
       select distinct on (key) key, line from (select ${keyOf(kind, 's')} as key, s.line from ${stage} s) firsts
       order by key, line
       on conflict (key) do nothing
       returning key, line
     )
     delete from ${stage} s where not exists (select 1 from fresh f where f.key = ${keyOf(kind, 's')} and f.line = s.line)
     returning s.line, ${keyOf(kind, 's')} as key`,
  );
  if (duplicates.length === 0) return [];
  // The data-modifying CTE's rows are not visible to its own statement: the first lines come after.
  const firsts = await tx.query<{ key: string; line: number }>(`select key, line from ${keys} where key = any($1::text[])`, [
    [...new Set(duplicates.map((d) => d.key))],
  ]);
  const firstLine = new Map(firsts.map((f) => [f.key, f.line]));
  const column = kind.key.length === 1 ? (kind.columns.find((c) => columnOf(c) === kind.key[0])?.csv ?? '') : kind.key.join('+');
  return duplicates.map((d) => ({ line: d.line, column, value: d.key, reason: `the same ${column} as line ${firstLine.get(d.key) ?? '?'}` }));
}

/** A row naming a client, policy, group or producer that is not on file is refused, not the batch. */
async function refuseMissingReferences(tx: TBulkTransaction, { kind, stage, present }: TRunTables): Promise<TFeedProblem[]> {
  const problems: TFeedProblem[] = [];
  for (const reference of kind.references) {
    const column = present.find((c) => c.csv === reference.csv);
    if (!column) continue;
    const name = stagedAs(column);
    // A scalar subquery with LIMIT stays one index lookup per row: as NOT EXISTS the planner may
    // hash the whole referenced table (millions of rows) for every batch of thousands.
    const rows = await tx.query<{ line: number; value: string }>(
      `delete from ${stage} s where s.${name} is not null
         and (select 1 from ${reference.table} r where r.${reference.tableColumn} = s.${name} limit 1) is null
       returning s.line, s.${name} as value`,
    );
    for (const row of rows) problems.push({ line: row.line, column: reference.csv, value: row.value, reason: `no ${reference.what} ${row.value} is on file` });
  }
  return problems;
}

/** The rows the batch names that are not on file yet (a new agency). */
async function addNamedRows(tx: TBulkTransaction, { stage, present }: TRunTables): Promise<void> {
  for (const column of present) {
    if (!column.namesRowOf) continue;
    const { table, nameColumn } = column.namesRowOf;
    await tx.query(
      `insert into ${table} (${nameColumn}) select distinct ${column.csv} from ${stage} where ${column.csv} is not null on conflict (${nameColumn}) do nothing`,
    );
  }
}

/** What the upsert writes for a column: the staged value, or the id of the row the cell names. */
function valueOf(column: TFeedColumn, stage: string): string {
  if (!column.namesRowOf) return columnOf(column);
  const { table, nameColumn } = column.namesRowOf;
  return `(select n.id from ${table} n where n.${nameColumn} = ${stage}.${column.csv})`;
}

/** Insert, or update where anything differs; `xmax = 0` tells an inserted row from an updated one. */
function upsertStatement({ kind, stage, present }: TRunTables): string {
  const columns = present.map(columnOf);
  const changing = columns.filter((c) => !kind.key.includes(c));
  const set = [...changing.map((c) => `${c} = excluded.${c}`), 'updated_at = excluded.updated_at'].join(', ');
  const differs = changing.length
    ? `where (${changing.map((c) => `${kind.table}.${c}`).join(', ')}) is distinct from (${changing.map((c) => `excluded.${c}`).join(', ')})`
    : 'where false';
  return `with written as (
      insert into ${kind.table} (${columns.join(', ')}, created_at, updated_at)
      select ${present.map((c) => valueOf(c, stage)).join(', ')}, $1, $1 from ${stage}
      on conflict (${kind.key.join(', ')}) do update set ${set} ${differs}
      returning (xmax = 0) as inserted
    )
    select count(*) filter (where inserted)::integer as inserted, count(*) filter (where not inserted)::integer as updated from written`;
}
