// What a ticket keeps of its request (`details`, money in cents, the bank account number sealed)
// and how it is shown: the list's summary line and the ticket page's labelled fields.
import { formatCents, formatUsPhone } from '../../../shared/request-fields.ts';
import { LINE_LABELS, SEP_AFFIRMATION_STATEMENT, type TFileRequest, type TTicketTypeId } from '../../../shared/service-request-types.ts';

/** Seals a secret for storage (AES-256-GCM, platform/secret-box.ts), bound to its ticket (accountNumberContext). */
export type TSeal = (clear: string) => string;

/** What the EFT account number is sealed for: that ticket's account number, so a value copied to another ticket does not open. */
export function accountNumberContext(ticketId: string): string {
  return `service_request/${ticketId}/accountNumber`;
}

export interface TField {
  label: string;
  value: string;
}

/** The request as stored: without its type and attachment ids, the bank account number only sealed. */
export function toStoredDetails(request: TFileRequest, seal: TSeal): Record<string, unknown> {
  switch (request.type) {
    case 'eft': {
      // The clear number and its confirmation go no further than this function.
      const { type: _type, attachments: _attachments, accountNumber, confirmAccountNumber: _confirm, ...rest } = request;
      return { ...rest, accountNumberSealed: seal(accountNumber), accountLast4: accountNumber.slice(-4) };
    }
    case 'book-transfer': {
      const { type: _type, attachments: _attachments, accountNumbers, ...rest } = request;
      return { ...rest, accountNumbers: request.scope === 'all' ? [] : [...new Set(accountNumbers.split(/[\s,]+/).filter(Boolean))] };
    }
    case 'sep-affirmation':
      return { planYear: request.planYear, statement: SEP_AFFIRMATION_STATEMENT };
    case 'commission-dispute':
    case 'group-por':
    case 'contact-info':
    case 'eo-coverage': {
      const { type: _type, attachments: _attachments, ...rest } = request;
      return rest;
    }
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A stored field as text ('' when absent). */
export function detailText(details: Record<string, unknown>, key: string): string {
  const value = details[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function cents(details: Record<string, unknown>, key: string): string {
  const value = details[key];
  return typeof value === 'number' ? formatCents(value) : '';
}

/** 2026-03-01 → 03/01/2026, as US forms show dates. */
function usDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return year && month && day ? `${month}/${day}/${year}` : iso;
}

/** 2026-03 → March 2026. */
function monthName(iso: string): string {
  const [year, month] = iso.split('-');
  return `${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** How a sealed bank account number is shown everywhere: ••••6789. */
export function maskedAccount(details: Record<string, unknown>): string {
  return `••••${detailText(details, 'accountLast4')}`;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The one line lists and searches show; never a secret. */
export function summaryOf(type: TTicketTypeId, details: Record<string, unknown>): string {
  switch (type) {
    case 'commission-dispute':
      return `Account ${detailText(details, 'accountNumber')}, ${monthName(detailText(details, 'statementMonth'))} statement`;
    case 'group-por':
      return `${detailText(details, 'accountName')} (${detailText(details, 'accountNumber')})`;
    case 'eft':
      return `${detailText(details, 'bankName')} ${maskedAccount(details)}, effective ${usDate(detailText(details, 'effectiveDate'))}`;
    case 'contact-info':
      return `${detailText(details, 'street')}, ${detailText(details, 'city')}, ${detailText(details, 'state')}`;
    case 'book-transfer':
      return `To ${detailText(details, 'receivingAgentId')}, effective ${usDate(detailText(details, 'effectiveDate'))}`;
    case 'eo-coverage':
      return `${detailText(details, 'carrier')} policy ${detailText(details, 'policyNumber')}`;
    case 'sep-affirmation':
      return `Plan year ${detailText(details, 'planYear')}`;
  }
}

/** The request's fields as the ticket page shows them, in the form's order. */
export function fieldsOf(type: TTicketTypeId, details: Record<string, unknown>): TField[] {
  const f = (label: string, value: string): TField => ({ label, value });
  switch (type) {
    case 'commission-dispute': {
      const expected = Number(details.amountExpected ?? 0);
      const paid = Number(details.amountPaid ?? 0);
      return [
        f('Statement Month', monthName(detailText(details, 'statementMonth'))),
        f('Account/Policy Number', detailText(details, 'accountNumber')),
        f('Amount Expected', cents(details, 'amountExpected')),
        f('Amount Paid', cents(details, 'amountPaid')),
        f('Difference', formatCents(expected - paid)),
        f('Explanation', detailText(details, 'explanation')),
      ];
    }
    case 'group-por':
      return [
        f('Line of Business', LINE_LABELS[detailText(details, 'lineOfBusiness') as keyof typeof LINE_LABELS] ?? detailText(details, 'lineOfBusiness')),
        f('Account Number', detailText(details, 'accountNumber')),
        f('Account Name', detailText(details, 'accountName')),
      ];
    case 'eft':
      return [
        f('Bank Name', detailText(details, 'bankName')),
        f('Routing Number', detailText(details, 'routingNumber')),
        f('Account Number', maskedAccount(details)),
        f('Account Type', capitalised(detailText(details, 'accountType'))),
        f('Effective Date', usDate(detailText(details, 'effectiveDate'))),
      ];
    case 'contact-info':
      return [
        f('Street Address', [detailText(details, 'street'), detailText(details, 'street2')].filter(Boolean).join(', ')),
        f('City', detailText(details, 'city')),
        f('State', detailText(details, 'state')),
        f('ZIP Code', detailText(details, 'zip')),
        f('Phone', formatUsPhone(detailText(details, 'phone'))),
        f('E-mail', detailText(details, 'email')),
      ];
    case 'book-transfer': {
      const accounts = Array.isArray(details.accountNumbers) ? (details.accountNumbers as string[]) : [];
      return [
        f("Receiving Producer's Agent Unique ID", detailText(details, 'receivingAgentId')),
        f('Effective Date', usDate(detailText(details, 'effectiveDate'))),
        f('Accounts', detailText(details, 'scope') === 'all' ? 'All accounts' : accounts.join(', ')),
      ];
    }
    case 'eo-coverage':
      return [
        f('Carrier', detailText(details, 'carrier')),
        f('Policy Number', detailText(details, 'policyNumber')),
        f('Effective Date', usDate(detailText(details, 'effectiveDate'))),
        f('Expiration Date', usDate(detailText(details, 'expirationDate'))),
        f('Per-Claim Limit', cents(details, 'perClaimLimit')),
        f('Aggregate Limit', cents(details, 'aggregateLimit')),
      ];
    case 'sep-affirmation':
      return [f('Plan Year', detailText(details, 'planYear')), f('Affirmation', detailText(details, 'statement')), f('Affirmed', 'Yes')];
  }
}
