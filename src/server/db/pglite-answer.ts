// Reads the backend's answer to one trip of pglite-one-trip.ts (one statement executed) straight
// from the wire bytes: its rows, whether the statement was parsed, and the first error. PGlite's own reader
// copies every field into a fresh buffer and builds a message object per row; on the login path
// that was about a tenth of the server's JavaScript thread, most of it garbage to collect
// (docs/decisions/0010-login-overhead.md). Message layouts: PostgreSQL's protocol documentation,
// "Message Formats".
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
  for (let at = 0; at + 5 <= bytes.length;) {
    const type = bytes[at];
    const end = at + 1 + view.getInt32(at + 1);
    const body = at + 5;
    if (type === 0x31) answer.parsed = true; // '1' ParseComplete
    else if (type === 0x54) columns = readColumns(bytes, view, body); // 'T' RowDescription
    else if (type === 0x44 && columns) answer.rows.push(readRow(bytes, view, body, columns, parsers)); // 'D' DataRow
    else if (type === 0x45) answer.error ??= readError(bytes, body, end); // 'E' ErrorResponse
    at = end;
  }
  return answer;
}

function readColumns(bytes: Uint8Array, view: DataView, at: number): TColumn[] {
  const count = view.getInt16(at);
  const columns: TColumn[] = [];
  at += 2;
  for (let i = 0; i < count; i++) {
    const nameEnd = bytes.indexOf(0, at);
    const name = utf8.decode(bytes.subarray(at, nameEnd));
    at = nameEnd + 1;
    columns.push({ name, typeId: view.getInt32(at + 6) }); // after the table's oid and the column number
    at += 18; // table oid, column number, type oid, type size, type modifier, format
  }
  return columns;
}

function readRow(bytes: Uint8Array, view: DataView, at: number, columns: readonly TColumn[], parsers: TTypeParsers): Record<string, unknown> {
  const count = view.getInt16(at);
  const row: Record<string, unknown> = {};
  at += 2;
  for (let i = 0; i < count; i++) {
    const length = view.getInt32(at);
    at += 4;
    const column = columns[i];
    if (!column) throw new Error(`pglite-answer: a row has more fields than its description (${count})`);
    if (length < 0) {
      row[column.name] = null;
      continue;
    }
    const text = utf8.decode(bytes.subarray(at, at + length));
    at += length;
    const parse = parsers[column.typeId];
    row[column.name] = parse ? parse(text, column.typeId) : text;
  }
  return row;
}

/** An ErrorResponse as the same error class and fields PGlite's reader gives (code, detail…). */
function readError(bytes: Uint8Array, start: number, end: number): Error {
  let at = start;
  const fields: Record<string, string> = {};
  while (at < end && bytes[at] !== 0) {
    const key = String.fromCharCode(bytes[at] ?? 0);
    const valueEnd = bytes.indexOf(0, at + 1);
    fields[key] = utf8.decode(bytes.subarray(at + 1, valueEnd));
    at = valueEnd + 1;
  }
  const error = new protocol.messages.DatabaseError(fields.M ?? 'database error', end - start, 'error');
  Object.assign(error, {
    severity: fields.S, code: fields.C, detail: fields.D, hint: fields.H, position: fields.P, where: fields.W,
    schema: fields.s, table: fields.t, column: fields.c, dataType: fields.d, constraint: fields.n, routine: fields.R,
  });
  return error;
}
