import { describe, expect, it } from 'vitest';
import { readAnswer } from './pglite-answer.ts';
import { joinMessages as concat } from './pglite-one-trip.ts';

/** One backend message: its type letter, its length, its body. */
function message(type: string, ...parts: Uint8Array[]): Uint8Array {
  const body = concat(parts);
  const head = new Uint8Array(5);
  head[0] = type.charCodeAt(0);
  new DataView(head.buffer).setInt32(1, body.length + 4);
  return concat([head, body]);
}

const text = (s: string) => new TextEncoder().encode(s);
const cstring = (s: string) => concat([text(s), new Uint8Array([0])]);
function int(bytes: 2 | 4, value: number): Uint8Array {
  const b = new Uint8Array(bytes);
  if (bytes === 2) new DataView(b.buffer).setInt16(0, value);
  else new DataView(b.buffer).setInt32(0, value);
  return b;
}

const INT4 = 23;
const TEXT = 25;
const columns = (...list: [string, number][]) =>
  message(
    'T',
    int(2, list.length),
    ...list.map(([name, typeId]) => concat([cstring(name), int(4, 0), int(2, 0), int(4, typeId), int(2, -1), int(4, -1), int(2, 0)])),
  );
const row = (...values: (string | null)[]) =>
  message('D', int(2, values.length), ...values.map((v) => (v === null ? int(4, -1) : concat([int(4, text(v).length), text(v)]))));
const parseComplete = message('1');
const ready = message('Z', text('I'));
const parsers = { [INT4]: (value: string) => Number(value) };

describe('readAnswer', () => {
  it('reads rows by their columns, typed by the parsers, with nulls and non-ASCII text', () => {
    const answer = readAnswer(
      concat([parseComplete, message('2'), columns(['n', INT4], ['name', TEXT]), row('1', 'Zoë ☃'), row('2', null), message('C', cstring('SELECT 2')), ready]),
      parsers,
    );
    expect(answer).toEqual({
      parsed: true,
      error: undefined,
      rows: [
        { n: 1, name: 'Zoë ☃' },
        { n: 2, name: null },
      ],
    });
  });

  it('gives an error response as a database error with its SQLSTATE and constraint', () => {
    const answer = readAnswer(
      concat([
        message('2'),
        message('E', cstring('SERROR'), cstring('C23505'), cstring('Mduplicate key value'), cstring('nsessions_pkey'), new Uint8Array([0])),
        ready,
      ]),
      parsers,
    );
    expect(answer.parsed).toBe(false);
    expect(answer.error).toBeInstanceOf(Error);
    expect(answer.error).toMatchObject({ message: 'duplicate key value', code: '23505', constraint: 'sessions_pkey', severity: 'ERROR' });
  });

  it('refuses a message cut short or a row that does not fit its columns, and still says the statement was parsed', () => {
    const whole = concat([parseComplete, columns(['n', INT4]), row('1')]);
    const cut = readAnswer(whole.subarray(0, whole.length - 2), parsers);
    expect(cut.parsed).toBe(true);
    expect(cut.error?.message).toMatch(/cut short/);
    const mismatch = readAnswer(concat([parseComplete, columns(['n', INT4]), row('1', 'extra')]), parsers);
    expect(mismatch).toMatchObject({ parsed: true, rows: [] });
    expect(mismatch.error?.message).toMatch(/2 fields for 1 columns/);
  });

  it('refuses a length that would not move past its own header', () => {
    const bogus = new Uint8Array([0x44, 0, 0, 0, 0]);
    expect(readAnswer(bogus, parsers).error?.message).toMatch(/cut short/);
  });
});
