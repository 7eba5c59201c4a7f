import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvField, csvLine } from './csv-writer.ts';

describe('csvField', () => {
  it('leaves plain text alone and writes nothing for empty values', () => {
    expect(csvField('Reyes')).toBe('Reyes');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField('2026-03-02 09:00:00')).toBe('2026-03-02 09:00:00');
  });
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('Smith, Jr.')).toBe('"Smith, Jr."');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });
  it('neutralises spreadsheet formulas', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a=b')).toBe('a=b');
  });
  it('leaves a plain negative number as the number it is', () => {
    expect(csvField('-120.50')).toBe('-120.50');
    expect(csvField('-7')).toBe('-7');
    expect(csvField('-7.')).toBe("'-7.");
    expect(csvField('-1e3')).toBe("'-1e3");
  });
  it('round-trips through an RFC 4180 reader', () => {
    const values = ['a,b', 'c"d', 'e\r\nf', '', 'plain', '=1+1'];
    const [record] = parse(csvLine(values));
    expect(record).toEqual(['a,b', 'c"d', 'e\r\nf', '', 'plain', "'=1+1"]);
  });
});
