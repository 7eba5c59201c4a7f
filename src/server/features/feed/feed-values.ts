// How the feed's columns read (docs/data-feed.md): each turns the CSV text into PostgreSQL's COPY
// text, or says why it refuses it. Checked here, row by row, so the report names line, column and
// value; the database only checks what needs other rows (references, duplicates).
import { DATE_PATTERN, isCalendarDate, isUsPhoneDigits, MONTH_PATTERN, usPhoneDigits, ZIP_PATTERN } from '../../../shared/request-fields.ts';
import { CONTROL_CHARACTER_MESSAGE, hasNoControlCharacter } from '../../../shared/text-rules.ts';

export type TParsed = { value: string } | { problem: string };

/** A column's reader: gets the trimmed, non-empty text. */
export type TReader = (text: string) => TParsed;

const ok = (value: string): TParsed => ({ value });
const refuse = (problem: string): TParsed => ({ problem });

/** COPY's text format: backslash, tab, newline and carriage return escaped. */
export function copyEscape(text: string): string {
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c) : text;
}

export function text(max: number): TReader {
  return (value) => {
    if (value.length > max) return refuse(`longer than ${max} characters`);
    if (!hasNoControlCharacter(value)) return refuse(CONTROL_CHARACTER_MESSAGE);
    return ok(copyEscape(value));
  };
}

/** The carrier's identifiers: letters, digits and dashes (client ids, policy and account numbers). */
export function identifier(max = 32): TReader {
  const pattern = new RegExp(`^[A-Za-z0-9-]{1,${max}}$`);
  return (value) => (pattern.test(value) ? ok(value) : refuse(`must be 1 to ${max} letters, digits or dashes`));
}

export const agentId: TReader = (value) => (/^\d{9}$/.test(value) ? ok(value) : refuse('an Agent Unique ID is 9 digits'));

/** One of `values`; `described` stands in for a list too long to read (the states). */
export function oneOf(values: readonly string[], described?: string): TReader {
  const known = new Set(values);
  const problem = `must be ${described ?? `one of ${values.join(', ')}`}`;
  return (value) => (known.has(value) ? ok(value) : refuse(problem));
}

/** Codes of `values` in any case, separated by semicolons (`TX;il`), as a PostgreSQL array; empty is none. */
export function listOf(values: readonly string[]): TReader {
  const known = new Set(values);
  return (value) => {
    const items = [
      ...new Set(
        value
          .split(';')
          .map((item) => item.trim().toUpperCase())
          .filter(Boolean),
      ),
    ];
    const unknown = items.find((item) => !known.has(item));
    return unknown === undefined ? ok(`{${items.join(',')}}`) : refuse(`"${unknown}" is not one of ${values.join(', ')}`);
  };
}

/** A calendar day (the forms' own check), within years a carrier's records hold. */
export const isoDate: TReader = (value) => {
  if (!DATE_PATTERN.test(value)) return refuse('use YYYY-MM-DD');
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2200 || !isCalendarDate(value)) return refuse('no such date');
  return ok(value);
};

export const month: TReader = (value) => (MONTH_PATTERN.test(value) ? ok(value) : refuse('use YYYY-MM'));

/** Dollars with at most two decimals (`1234.56`), kept as integer cents. */
export const money: TReader = (value) => {
  const match = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/.exec(value);
  if (!match) return refuse('use dollars such as 1234.56');
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return ok(String(match[1] ? -cents : cents));
};

/** A decimal number such as `5.25`, with at most `scale` decimals, from 0 to `max` (rates, split percents). */
export function decimal({ max, scale }: { max: number; scale: number }): TReader {
  const pattern = new RegExp(`^\\d{1,9}(?:\\.\\d{1,${scale}})?$`);
  return (value) => (pattern.test(value) && Number(value) <= max ? ok(value) : refuse(`must be a number from 0 to ${max} with at most ${scale} decimals`));
}

export function wholeNumber(max: number): TReader {
  return (value) => (/^\d{1,9}$/.test(value) && Number(value) <= max ? ok(value) : refuse(`must be a whole number from 0 to ${max}`));
}

export const email: TReader = (value) =>
  value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) && hasNoControlCharacter(value) ? ok(copyEscape(value)) : refuse('not an e-mail address');

/** Ten digits, punctuation allowed; kept as the digits. */
export const phone: TReader = (value) => {
  const digits = usPhoneDigits(value);
  return isUsPhoneDigits(digits) ? ok(digits) : refuse('use a 10-digit phone number');
};

export const zip: TReader = (value) => (ZIP_PATTERN.test(value) ? ok(value) : refuse('use a 5-digit ZIP code (or ZIP+4)'));
