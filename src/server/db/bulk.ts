// A connection of its own for bulk loads (the data feed, docs/decisions/0020): COPY into staging
// tables and set-based statements, one transaction per batch, on both engines. PostgreSQL streams
// COPY with pg-copy-streams on a pooled client; PGlite takes the batch as a blob
// (`COPY … FROM '/dev/blob'`) inside its own transaction, which holds its single connection.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface TBulkStatements {
  /** Rows of one statement (`$1`-style parameters). */
  query<T>(text: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface TBulkTransaction extends TBulkStatements {
  /** `COPY <table> (<columns>) FROM STDIN` of `text` in PostgreSQL's text format (tab-separated, `\N` for null). */
  copyText(table: string, columns: readonly string[], text: string): Promise<void>;
}

export interface TBulkConnection extends TBulkStatements {
  /** Runs `work` in one transaction of this connection: it commits when `work` returns. */
  transaction<T>(work: (tx: TBulkTransaction) => Promise<T>): Promise<T>;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `copy ${table} (${columns.join(', ')}) from ${source}`;
}

export async function withPgliteBulk<T>(client: PGlite, work: (connection: TBulkConnection) => Promise<T>): Promise<T> {
  const statements = (runner: PGlite | Transaction): TBulkStatements => ({
    query: async <R>(text: string, params: readonly unknown[] = []) => (await runner.query<R>(text, [...params])).rows,
  });
  return work({
    ...statements(client),
    transaction: (inner) =>
      client.transaction((tx) =>
        inner({
          ...statements(tx),
          async copyText(table, columns, text) {
            await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) });
          },
        }),
      ),
  });
}

export async function withPostgresBulk<T>(pool: pg.Pool, work: (connection: TBulkConnection) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const statements: TBulkStatements = {
    query: async <R>(text: string, params: readonly unknown[] = []) => (await client.query(text, [...params])).rows as R[],
  };
  let broken = false;
  try {
    return await work({
      ...statements,
      async transaction(inner) {
        await client.query('begin');
        try {
          const result = await inner({
            ...statements,
            async copyText(table, columns, text) {
              // 64 KB chunks: one write per row would cost more than the COPY itself.
              await pipeline(Readable.from(chunks(text)), client.query(copyFrom(copyStatement(table, columns, 'stdin'))));
            },
          });
          await client.query('commit');
          return result;
        } catch (error) {
          await client.query('rollback').catch(() => {
            broken = true;
          });
          throw error;
        }
      },
    });
  } finally {
    // A client whose rollback failed is in an unknown state: the pool drops it instead of reusing it.
    client.release(broken);
  }
}

function* chunks(text: string): Generator<Buffer> {
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; offset += 64 * 1024) yield bytes.subarray(offset, offset + 64 * 1024);
}
