// SR-2 Request Assistance: the nine request types in the seed's order, with their labels
// verbatim, and each type's form schema (the browser validates with it, the server refuses the
// same input with 400). Password and challenge question are links to ID-8 / ID-9, not tickets.
import { z } from 'zod';
import {
  ZAgentUniqueId,
  ZBankAccountNumber,
  ZRoutingNumber,
  ZUsPhone,
  ZZipCode,
  US_STATE_CODES,
  calendarDate,
  calendarMonth,
  lineText,
  money,
  multiLineText,
} from './request-fields.ts';

export { REQUEST_TYPE_IDS, type TRequestTypeId } from './request-type-ids.ts';
import type { TRequestTypeId } from './request-type-ids.ts';
import { LINE_OF_BUSINESS_LABELS } from './book.ts';

/** The types that file a ticket (the other two send the user to their own pages). */
export const TICKET_TYPE_IDS = ['commission-dispute', 'group-por', 'eft', 'contact-info', 'book-transfer', 'eo-coverage', 'sep-affirmation'] as const;
export type TTicketTypeId = (typeof TICKET_TYPE_IDS)[number];

export interface TAttachmentRule {
  /** The file input's label, e.g. "POR Documentation". */
  label: string;
  required: boolean;
}

export interface TRequestType {
  id: TRequestTypeId;
  /** The option as the seed lists it under Request Assistance. */
  label: string;
  /** The form's heading and the ticket's request type in lists. */
  title: string;
  attachment: TAttachmentRule | null;
}

export const REQUEST_TYPES: readonly TRequestType[] = [
  { id: 'commission-dispute', label: 'Commission Dispute', title: 'Commission Dispute', attachment: { label: 'Supporting Document', required: false } },
  {
    id: 'group-por',
    label: 'Update my Group Producer of Record (POR)',
    title: 'Group Producer of Record Change',
    attachment: { label: 'POR Documentation', required: true },
  },
  {
    id: 'eft',
    label: 'Update my Electronic Funds Transfer (EFT) info',
    title: 'Electronic Funds Transfer (EFT) Update',
    attachment: { label: 'Voided Check', required: true },
  },
  { id: 'contact-info', label: 'Update my contact info', title: 'Contact Information Update', attachment: null },
  {
    id: 'book-transfer',
    label: 'Book of Business Transfer Request',
    title: 'Book of Business Transfer',
    attachment: { label: 'Signed Release Letter', required: true },
  },
  { id: 'password', label: 'Update my Blue Access for Producers password', title: 'Change Password', attachment: null },
  { id: 'challenge-question', label: 'Update my challenge question', title: 'Challenge Question', attachment: null },
  { id: 'eo-coverage', label: 'Update my E&O Coverage', title: 'E&O Coverage Update', attachment: { label: 'Declarations Page', required: true } },
  { id: 'sep-affirmation', label: 'SEP Training Affirmation', title: 'SEP Training Affirmation', attachment: null },
];

export function requestTypeOf(id: TRequestTypeId): TRequestType {
  const type = REQUEST_TYPES.find((candidate) => candidate.id === id);
  if (!type) throw new Error(`unknown request type ${id}`);
  return type;
}

/** Lines of business a group's producer of record covers. */
export const GROUP_LINES = ['group-medical', 'group-dental', 'group-life'] as const;
export const LINE_LABELS: Record<(typeof GROUP_LINES)[number], string> = LINE_OF_BUSINESS_LABELS;

/** The plan years a SEP affirmation may be for: this year, and from October also the next (open enrollment prepares it). */
export function sepPlanYears(now: Date): number[] {
  const year = now.getUTCFullYear();
  return now.getUTCMonth() >= 9 ? [year, year + 1] : [year];
}

export const SEP_AFFIRMATION_STATEMENT =
  'I affirm that I have completed the Special Enrollment Period (SEP) training for this plan year, that I understand the SEP eligibility rules, and that I will only submit SEP applications for consumers who qualify.';

/** Uploaded files the request carries (ids from POST /api/uploads). */
const attachments = z.array(z.uuid('Upload the file again.')).max(20, 'Too many files.').default([]);
const accountNumber = lineText('account number', 30).regex(/^[A-Za-z0-9-]+$/, 'An account number has letters, digits and dashes only.');

export const ZCommissionDispute = z.object({
  type: z.literal('commission-dispute'),
  statementMonth: calendarMonth('statement month'),
  accountNumber,
  amountExpected: money('amount expected'),
  amountPaid: money('amount paid'),
  explanation: multiLineText('explanation', { min: 10 }),
  attachments,
});

export const ZGroupPorChange = z.object({
  type: z.literal('group-por'),
  lineOfBusiness: z.enum(GROUP_LINES, 'Choose the line of business.'),
  accountNumber,
  accountName: lineText('account name'),
  attachments,
});

export const ZEftUpdate = z
  .object({
    type: z.literal('eft'),
    bankName: lineText('bank name'),
    routingNumber: ZRoutingNumber,
    accountNumber: ZBankAccountNumber,
    confirmAccountNumber: z.string().trim().min(1, 'Enter the account number again.'),
    accountType: z.enum(['checking', 'savings'], 'Choose checking or savings.'),
    effectiveDate: calendarDate('effective date'),
    attachments,
  })
  .refine((value) => value.accountNumber === value.confirmAccountNumber, {
    path: ['confirmAccountNumber'],
    message: 'The two account numbers do not match.',
  });

export const ZContactInfoUpdate = z.object({
  type: z.literal('contact-info'),
  street: lineText('street address'),
  street2: lineText('second address line').optional().or(z.literal('')),
  city: lineText('city', 60),
  state: z.enum(US_STATE_CODES, 'Choose the state.'),
  zip: ZZipCode,
  phone: ZUsPhone,
  email: z.email('Enter an e-mail address such as name@example.com.').max(254),
  attachments,
});

export const ZBookTransfer = z
  .object({
    type: z.literal('book-transfer'),
    receivingAgentId: ZAgentUniqueId,
    effectiveDate: calendarDate('effective date').refine((date) => date.endsWith('-01'), 'A transfer takes effect on the first of a month.'),
    scope: z.enum(['all', 'accounts'], 'Choose all accounts or a list of accounts.'),
    /** With scope "accounts": account numbers separated by commas, spaces or lines. */
    accountNumbers: z.string().trim().max(4000, 'At most 4,000 characters of account numbers.').default(''),
    attachments,
  })
  .refine((value) => value.scope === 'all' || value.accountNumbers.split(/[\s,]+/).filter(Boolean).length > 0, {
    path: ['accountNumbers'],
    message: 'List the account numbers to transfer.',
  });

export const ZEoCoverage = z
  .object({
    type: z.literal('eo-coverage'),
    carrier: lineText('carrier'),
    policyNumber: lineText('policy number', 40),
    effectiveDate: calendarDate('effective date'),
    expirationDate: calendarDate('expiration date'),
    perClaimLimit: money('per-claim limit'),
    aggregateLimit: money('aggregate limit'),
    attachments,
  })
  .refine((value) => value.expirationDate > value.effectiveDate, { path: ['expirationDate'], message: 'The expiration date must be after the effective date.' })
  .refine((value) => value.aggregateLimit >= value.perClaimLimit, {
    path: ['aggregateLimit'],
    message: 'The aggregate limit cannot be less than the per-claim limit.',
  });

export const ZSepAffirmation = z.object({
  type: z.literal('sep-affirmation'),
  planYear: z.coerce.number('Choose the plan year.').int().min(2000).max(2100),
  affirmed: z.literal(true, 'Check the box to affirm the statement.'),
  attachments,
});

/** POST /api/producer-services/tickets: one of the seven ticketed request types. */
export const ZFileRequest = z.discriminatedUnion('type', [
  ZCommissionDispute,
  ZGroupPorChange,
  ZEftUpdate,
  ZContactInfoUpdate,
  ZBookTransfer,
  ZEoCoverage,
  ZSepAffirmation,
]);
export type TFileRequest = z.output<typeof ZFileRequest>;
export type TFileRequestInput = z.input<typeof ZFileRequest>;
