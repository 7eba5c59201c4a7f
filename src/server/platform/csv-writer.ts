// Writing CSV (RFC 4180) that is also safe to open in a spreadsheet: a field starting with
// = + - @ (or a tab / carriage return) would run as a formula, so it gets a leading apostrophe
// (OWASP "CSV injection"), except a plain negative number such as -120.50, which a spreadsheet
// reads as the number it is; fields with a comma, quote or line break are quoted, quotes doubled.

const NEEDS_QUOTES = /[",\r\n]/;
const PLAIN_NUMBER = /^-\d+(\.\d+)?$/;

function isFormulaStart(code: number): boolean {
  return code === 61 /* = */ || code === 43 /* + */ || code === 45 /* - */ || code === 64 /* @ */ || code === 9 || code === 13;
}

export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const safe = isFormulaStart(value.charCodeAt(0)) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One record, CRLF-terminated as RFC 4180 asks. */
export function csvLine(values: readonly (string | null | undefined)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\r\n`;
}
