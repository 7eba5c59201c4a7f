// Field rules the Producer Services request forms share, in the browser and at the server's
// edge: money typed as dollars and kept as integer cents, calendar dates, bank numbers.
import { z } from 'zod';
import { withoutControlCharacters } from './text-rules.ts';

/** One line of text, trimmed, required unless `optional`. */
export function lineText(label: string, max = 100) {
  return withoutControlCharacters(z.string().trim().min(1, `Enter the ${label}.`).max(max, `The ${label} is at most ${max} characters.`));
}

// eslint-disable-next-line no-control-regex -- line breaks are allowed, every other control character is not
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;

/** Several lines (an explanation): line breaks allowed, other control characters not. */
export function multiLineText(label: string, { min = 1, max = 2000 } = {}) {
  return z
    .string()
    .trim()
    .min(min, min <= 1 ? `Enter the ${label}.` : `The ${label} needs at least ${min} characters.`)
    .max(max, `The ${label} is at most ${max} characters.`)
    .refine((text) => !MULTI_LINE_FORBIDDEN.test(text), 'Remove the control character (such as a tab or U+0000).');
}

const MONEY_PATTERN = /^\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/;
export const MONEY_MAX_CENTS = 100_000_000_000; // $1,000,000,000.00

/** Dollars as typed ("1,234.56", "$80") into integer cents; never a float on the way. */
export function dollarsToCents(text: string): number {
  const [whole = '0', fraction = ''] = text.replace(/[$,]/g, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}$${Math.floor(absolute / 100).toLocaleString('en-US')}.${String(absolute % 100).padStart(2, '0')}`;
}

/** An amount in dollars, as a person types it; the parsed value is cents. */
export function money(label: string) {
  return z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .regex(MONEY_PATTERN, `Enter the ${label} in dollars, e.g. 1234.56.`)
    .transform(dollarsToCents)
    .refine((cents) => cents <= MONEY_MAX_CENTS, `The ${label} is too large.`);
}

/** YYYY-MM-DD naming a day the calendar has (no February 30th). */
export function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A calendar date as YYYY-MM-DD (what `<input type="date">` sends). */
export function calendarDate(label: string) {
  return z
    .string()
    .trim()
    .min(1, `Enter the ${label}.`)
    .regex(DATE_PATTERN, `Enter the ${label} as YYYY-MM-DD.`)
    .refine(isCalendarDate, `The ${label} is not a date in the calendar.`);
}

/** A month as YYYY-MM (what `<input type="month">` sends). */
export function calendarMonth(label: string) {
  return z.string().trim().min(1, `Enter the ${label}.`).regex(MONTH_PATTERN, `Enter the ${label} as YYYY-MM.`);
}

/** The ABA routing number check: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple of 10. */
export function isAbaRoutingNumber(text: string): boolean {
  if (!/^\d{9}$/.test(text)) return false;
  const d = [...text].map(Number);
  const weights = [3, 7, 1, 3, 7, 1, 3, 7, 1];
  return d.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 10 === 0;
}

export const ZRoutingNumber = z
  .string()
  .trim()
  .min(1, 'Enter the routing number.')
  .regex(/^\d{9}$/, 'The routing number is 9 digits.')
  .refine(isAbaRoutingNumber, 'This is not a valid routing number. Check the 9 digits printed at the bottom left of a check.');

export const ZBankAccountNumber = z
  .string()
  .trim()
  .min(1, 'Enter the account number.')
  .regex(/^\d{4,17}$/, 'The account number is 4 to 17 digits.');

/** A producer's Agent Unique ID (the roster's 9 digits). */
export const ZAgentUniqueId = z
  .string()
  .trim()
  .min(1, "Enter the receiving producer's Agent Unique ID.")
  .regex(/^\d{9}$/, 'An Agent Unique ID is 9 digits.');

/** A phone number as typed, without its punctuation and leading country code 1: ten digits when it is a US number. */
export function usPhoneDigits(text: string): string {
  return text.replace(/[\s().+-]/g, '').replace(/^1(?=\d{10}$)/, '');
}

export function isUsPhoneDigits(digits: string): boolean {
  return /^\d{10}$/.test(digits);
}

/** A US phone number: 10 digits, punctuation allowed; kept as the digits. */
export const ZUsPhone = z
  .string()
  .trim()
  .min(1, 'Enter the phone number.')
  .transform(usPhoneDigits)
  .refine(isUsPhoneDigits, 'Enter a 10-digit phone number, e.g. (312) 555-0100.');

/** 3125550100 → (312) 555-0100, as US forms show it; anything else as it is. */
export function formatUsPhone(digits: string): string {
  return isUsPhoneDigits(digits) ? `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` : digits;
}

export const ZIP_PATTERN = /^\d{5}(-\d{4})?$/;

export const ZZipCode = z.string().trim().min(1, 'Enter the ZIP code.').regex(ZIP_PATTERN, 'Enter a 5-digit ZIP code (or ZIP+4).');

// prettier-ignore
export const US_STATE_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS',
  'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
