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

function text(details: Record<string, unknown>, key: string): string {
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
  return `••••${text(details, 'accountLast4')}`;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The one line lists and searches show; never a secret. */
export function summaryOf(type: TTicketTypeId, details: Record<string, unknown>): string {
  switch (type) {
    case 'commission-dispute':
      return `Account ${text(details, 'accountNumber')}, ${monthName(text(details, 'statementMonth'))} statement`;
    case 'group-por':
      return `${text(details, 'accountName')} (${text(details, 'accountNumber')})`;
    case 'eft':
      return `${text(details, 'bankName')} ${maskedAccount(details)}, effective ${usDate(text(details, 'effectiveDate'))}`;
    case 'contact-info':
      return `${text(details, 'street')}, ${text(details, 'city')}, ${text(details, 'state')}`;
    case 'book-transfer':
      return `To ${text(details, 'receivingAgentId')}, effective ${usDate(text(details, 'effectiveDate'))}`;
    case 'eo-coverage':
      return `${text(details, 'carrier')} policy ${text(details, 'policyNumber')}`;
    case 'sep-affirmation':
      return `Plan year ${text(details, 'planYear')}`;
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
        f('Statement Month', monthName(text(details, 'statementMonth'))),
        f('Account/Policy Number', text(details, 'accountNumber')),
        f('Amount Expected', cents(details, 'amountExpected')),
        f('Amount Paid', cents(details, 'amountPaid')),
        f('Difference', formatCents(expected - paid)),
        f('Explanation', text(details, 'explanation')),
      ];
    }
    case 'group-por':
      return [
        f('Line of Business', LINE_LABELS[text(details, 'lineOfBusiness') as keyof typeof LINE_LABELS] ?? text(details, 'lineOfBusiness')),
        f('Account Number', text(details, 'accountNumber')),
        f('Account Name', text(details, 'accountName')),
      ];
    case 'eft':
      return [
        f('Bank Name', text(details, 'bankName')),
        f('Routing Number', text(details, 'routingNumber')),
        f('Account Number', maskedAccount(details)),
        f('Account Type', capitalised(text(details, 'accountType'))),
        f('Effective Date', usDate(text(details, 'effectiveDate'))),
      ];
    case 'contact-info':
      return [
        f('Street Address', [text(details, 'street'), text(details, 'street2')].filter(Boolean).join(', ')),
        f('City', text(details, 'city')),
        f('State', text(details, 'state')),
        f('ZIP Code', text(details, 'zip')),
        f('Phone', formatUsPhone(text(details, 'phone'))),
        f('E-mail', text(details, 'email')),
      ];
    case 'book-transfer': {
      const accounts = Array.isArray(details.accountNumbers) ? (details.accountNumbers as string[]) : [];
      return [
        f("Receiving Producer's Agent Unique ID", text(details, 'receivingAgentId')),
        f('Effective Date', usDate(text(details, 'effectiveDate'))),
        f('Accounts', text(details, 'scope') === 'all' ? 'All accounts' : accounts.join(', ')),
      ];
    }
    case 'eo-coverage':
      return [
        f('Carrier', text(details, 'carrier')),
        f('Policy Number', text(details, 'policyNumber')),
        f('Effective Date', usDate(text(details, 'effectiveDate'))),
        f('Expiration Date', usDate(text(details, 'expirationDate'))),
        f('Per-Claim Limit', cents(details, 'perClaimLimit')),
        f('Aggregate Limit', cents(details, 'aggregateLimit')),
      ];
    case 'sep-affirmation':
      return [f('Plan Year', text(details, 'planYear')), f('Affirmation', text(details, 'statement')), f('Affirmed', 'Yes')];
  }
}
