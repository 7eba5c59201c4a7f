// The client search's advanced filters as boxes of a form: an empty box means "any"; what is typed
// is checked by the API's own schema (src/shared/book-schemas.ts), each refusal shown at its box.
import { z } from 'zod';
import { ZClientSearch, type TClientSearch } from '../../../shared/book-schemas.ts';
import {
  APPLICATION_STATUSES,
  APPLICATION_STATUS_LABELS,
  LINES_OF_BUSINESS,
  LINE_OF_BUSINESS_LABELS,
  POLICY_STATUSES,
  POLICY_STATUS_LABELS,
} from '../../../shared/book.ts';
import type { TSelectOption } from '../../ui/SelectField.tsx';

const BOXES = ['name', 'dateOfBirth', 'number', 'status', 'line', 'effectiveFrom', 'effectiveTo'] as const;
export type TClientFilterBoxes = Record<(typeof BOXES)[number], string>;

export const ZClientFilterForm = z.record(z.enum(BOXES), z.string()).transform((boxes, ctx) => {
  const values = Object.fromEntries(BOXES.map((name) => [name, boxes[name].trim() || undefined]));
  const parsed = ZClientSearch.safeParse(values);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  return z.NEVER;
});

export function boxesOf(query: TClientSearch): TClientFilterBoxes {
  const { name = '', dateOfBirth = '', number = '', status = '', line = '', effectiveFrom = '', effectiveTo = '' } = query;
  return { name, dateOfBirth, number, status, line, effectiveFrom, effectiveTo };
}

/** The address patch for submitted filters: a new search starts at its first page, without a preset. */
export function addressPatchOf(filters: TClientSearch): Record<string, string | undefined> {
  return { ...Object.fromEntries(BOXES.map((name) => [name, filters[name]])), quick: undefined, page: undefined };
}

export const STATUS_OPTIONS: readonly TSelectOption[] = [
  ...POLICY_STATUSES.map((status) => ({ value: status, label: `Policy: ${POLICY_STATUS_LABELS[status]}` })),
  ...APPLICATION_STATUSES.map((status) => ({ value: status, label: `Application: ${APPLICATION_STATUS_LABELS[status]}` })),
];

export const LINE_OPTIONS: readonly TSelectOption[] = LINES_OF_BUSINESS.map((line) => ({ value: line, label: LINE_OF_BUSINESS_LABELS[line] }));
