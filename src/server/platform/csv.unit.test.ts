import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, embedded commas and newlines, with starting line numbers', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",z\n"multi\nline",2,3\n\nlast,,\n';
    expect([...parseCsv(text)]).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'z'] },
      { line: 3, fields: ['multi\nline', '2', '3'] },
      { line: 6, fields: ['last', '', ''] },
    ]);
  });

  it('ignores a byte-order mark and a missing final newline', () => {
    expect([...parseCsv('\uFEFFa,b\n1,2')]).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => [...parseCsv('a\n"open,1\n')]).toThrow(
      expect.objectContaining({ name: 'CsvSyntaxError', line: 2, message: 'a quoted field is never closed' }),
    );
  });
});
