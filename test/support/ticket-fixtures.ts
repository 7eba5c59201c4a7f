// Service-request tests: a good request of every ticketed type (dated from the test clock,
// 2026-03-02), a PDF uploaded through POST /api/uploads, and the outbox's e-mails.
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { outboxMessages } from '../../src/server/db/schema/index.ts';
import type { TTicketDetail } from '../../src/shared/service-request-schemas.ts';
import type { TTicketTypeId } from '../../src/shared/service-request-types.ts';
import type { TClient } from './admin-fixtures.ts';
import { completeSepTraining } from './resource-fixtures.ts';
import type { TTestApp } from './app.ts';

/** The smallest file `file-type` takes for a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Uploads a file as the client's user (to the producers' uploads unless `url` says otherwise); returns its id. */
export async function uploadFile(
  t: TTestApp,
  client: TClient,
  { name = 'document.pdf', bytes = TINY_PDF, type = 'application/pdf', url = '/api/uploads' } = {},
): Promise<string> {
  const boundary = '----portico-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.session.cookie, 'x-csrf-token': client.session.csrfToken, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
  if (response.statusCode !== 201 && response.statusCode !== 200) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

/** A good request of the type, as the form sends it (attachments added by the caller). */
export function goodRequest(type: TTicketTypeId, receivingAgentId = '000000000'): Record<string, unknown> {
  switch (type) {
    case 'commission-dispute':
      return {
        type,
        statementMonth: '2026-02',
        accountNumber: 'G-1001',
        amountExpected: '1,234.50',
        amountPaid: '$1000',
        explanation: 'The February statement paid the old rate on this group.',
      };
    case 'group-por':
      return { type, lineOfBusiness: 'group-medical', accountNumber: 'G-1001', accountName: 'Acme Corp' };
    case 'eft':
      return {
        type,
        bankName: 'First Prairie Bank',
        routingNumber: '011000015',
        accountNumber: '000123456789',
        confirmAccountNumber: '000123456789',
        accountType: 'checking',
        effectiveDate: '2026-04-01',
      };
    case 'contact-info':
      return { type, street: '100 Main St', city: 'Chicago', state: 'IL', zip: '60601', phone: '(312) 555-0100', email: 'new@example.test' };
    case 'book-transfer':
      return { type, receivingAgentId, effectiveDate: '2026-04-01', scope: 'accounts', accountNumbers: 'G-1, G-2\nG-3' };
    case 'eo-coverage':
      return {
        type,
        carrier: 'Prairie Mutual',
        policyNumber: 'EO-5521',
        effectiveDate: '2026-01-01',
        expirationDate: '2027-01-01',
        perClaimLimit: '1000000',
        aggregateLimit: '2,000,000.00',
      };
    case 'sep-affirmation':
      return { type, planYear: 2026, affirmed: true };
  }
}

export const NEEDS_FILE: Record<TTicketTypeId, boolean> = {
  'commission-dispute': false,
  'group-por': true,
  eft: true,
  'contact-info': false,
  'book-transfer': true,
  'eo-coverage': true,
  'sep-affirmation': false,
};

/** Files a good request of the type (with a file where the type needs one); returns the ticket. */
export async function fileTicket(t: TTestApp, client: TClient, type: TTicketTypeId, extra: Record<string, unknown> = {}) {
  // One affirms the SEP training one has completed (BK-6).
  if (type === 'sep-affirmation') await completeSepTraining(t, client, Number(extra.planYear ?? goodRequest(type).planYear));
  const attachments = NEEDS_FILE[type] ? [await uploadFile(t, client)] : [];
  const response = await client.post('/api/producer-services/tickets', { ...goodRequest(type), attachments, ...extra });
  if (response.statusCode !== 201) throw new Error(`filing failed: ${response.statusCode} ${response.body}`);
  return response.json<TTicketDetail>();
}

/** The newest e-mails to an address, newest first. */
export async function mailTo(t: TTestApp, address: string) {
  return t.database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address)).orderBy(desc(outboxMessages.id));
}

export function codeOf(response: LightMyRequestResponse): { status: number; code: string } {
  return { status: response.statusCode, code: response.json<{ code: string }>().code };
}
