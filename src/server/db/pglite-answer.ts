// Reads one trip's answer (pglite-one-trip.ts) from the wire bytes, per PostgreSQL's "Message Formats" (docs/decisions/0013-read-ahead-one-and-pglite-answers.md).
import { protocol } from '@electric-sql/pglite';

export interface TAnswer {
  rows: Record<string, unknown>[];
  /** A Parse in the trip succeeded (the statement stays prepared even if its execution failed). */
  parsed: boolean;
  error: Error | undefined;
}

/** Turns a column's text into its JavaScript value, by the column's type (PGlite's parsers). */
export type TTypeParsers = Record<number, ((text: string, typeId: number) => unknown) | undefined>;

interface TColumn {
  name: string;
  typeId: number;
}

const utf8 = new TextDecoder();

export function readAnswer(bytes: Uint8Array, parsers: TTypeParsers): TAnswer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const answer: TAnswer = { rows: [], parsed: false, error: undefined };
  let columns: TColumn[] | undefined;
  try {
    for (let at = 0; at < bytes.length;) {
      const length = at + 5 <= bytes.length ? view.getInt32(at + 1) : -1;
      const end = at + 1 + length;
      if (length < 4 || end > bytes.length) throw new Error(`pglite-answer: a message is cut short at byte ${at} of ${bytes.length}`);
      const type = bytes[at];
      const message = bytes.subarray(at + 5, end);
      if (type === 0x31)
        answer.parsed = true; // '1' ParseComplete
      else if (type === 0x54)
        columns = readColumns(message); // 'T' RowDescription
      else if (type === 0x44 && columns)
        answer.rows.push(readRow(message, columns, parsers)); // 'D' DataRow
      else if (type === 0x45) answer.error ??= readError(message); // 'E' ErrorResponse
      at = end;
    }
  } catch (error) {
    // Whether the statement was parsed is still known (it stays prepared): the caller needs it.
    answer.error ??= error instanceof Error ? error : new Error(String(error));
  }
  return answer;
}

function readColumns(message: Uint8Array): TColumn[] {
  const view = viewOf(message);
  const count = view.getInt16(0);
  const columns: TColumn[] = [];
  let at = 2;
  for (let i = 0; i < count; i++) {
    const nameEnd = endOfString(message, at);
    const name = utf8.decode(message.subarray(at, nameEnd));
    at = nameEnd + 1;
    columns.push({ name, typeId: view.getInt32(at + 6) }); // after the table's oid and the column number
    at += 18; // table oid, column number, type oid, type size, type modifier, format
  }
  return columns;
}

function readRow(message: Uint8Array, columns: readonly TColumn[], parsers: TTypeParsers): Record<string, unknown> {
  const view = viewOf(message);
  const count = view.getInt16(0);
  if (count !== columns.length) throw new Error(`pglite-answer: a row of ${count} fields for ${columns.length} columns`);
  const row: Record<string, unknown> = {};
  let at = 2;
  for (const column of columns) {
    const length = view.getInt32(at);
    at += 4;
    if (length < 0) {
      row[column.name] = null;
      continue;
    }
    if (at + length > message.length) throw new Error('pglite-answer: a field runs past its row');
    const text = utf8.decode(message.subarray(at, at + length));
    at += length;
    const parse = parsers[column.typeId];
    row[column.name] = parse ? parse(text, column.typeId) : text;
  }
  return row;
}

/** An ErrorResponse as the same error class and fields PGlite's reader gives (code, detail…). */
function readError(message: Uint8Array): Error {
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < message.length && message[at] !== 0) {
    const key = String.fromCharCode(message[at] ?? 0);
    const valueEnd = endOfString(message, at + 1);
    fields[key] = utf8.decode(message.subarray(at + 1, valueEnd));
    at = valueEnd + 1;
  }
  const error = new protocol.messages.DatabaseError(fields.M ?? 'database error', message.length + 4, 'error');
  Object.assign(error, {
    severity: fields.S,
    code: fields.C,
    detail: fields.D,
    hint: fields.H,
    position: fields.P,
    where: fields.W,
    schema: fields.s,
    table: fields.t,
    column: fields.c,
    dataType: fields.d,
    constraint: fields.n,
    routine: fields.R,
  });
  return error;
}

function viewOf(message: Uint8Array): DataView {
  return new DataView(message.buffer, message.byteOffset, message.byteLength);
}

/** Where the zero-terminated string starting at `at` ends, within the message. */
function endOfString(message: Uint8Array, at: number): number {
  const end = message.indexOf(0, at);
  if (end < 0) throw new Error('pglite-answer: a string runs past its message');
  return end;
}
