// The staff console's Service Requests (SR-5) as producer services work them in Chromium: a
// producer files a ticket through the API; producer services find it with the queue's filters
// (kept in the address), assign it, write to the producer (a real e-mail arrives), ask for a
// response, and resolve it with a note, after which the producer's open list no longer has it.
// Help desk reads the queue and tickets without any control to act; a bank account number is
// revealed on request. Every page gets an axe check.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TTicketDetail, TTicketPage } from '../../src/shared/service-request-schemas.ts';
import { createE2e, expectNoSeriousAxeViolations, mailTo } from '../support/e2e.ts';

const e2e = createE2e({ smtp: true, failOnPageErrors: true });

const STAFF_PASSWORD = 'Staff#2026!';
const PRODUCER = { username: 'mreyes', password: 'Producer#2026', email: 'marcus.reyes@lonestar-benefits.example', agentId: '000600501' };

/** Waits for the h1 of the page just navigated to (the old page's h1 stays until the new page shows). */
async function pageHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function announced(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

async function openQueue(username: string): Promise<Page> {
  const page = await e2e.signedIn('staff', username, STAFF_PASSWORD);
  await page.goto(`${e2e.server.baseUrl}/staff/service-requests`);
  await pageHeading(page, 'Service Requests');
  return page;
}

/** A commission dispute of the demo producer, filed through the API; its account number is unique to the test. */
async function fileDispute(accountNumber: string): Promise<string> {
  const producer = await e2e.api('producers', PRODUCER.username, PRODUCER.password);
  const response = await producer.post('/api/producer-services/tickets', {
    type: 'commission-dispute',
    statementMonth: '2026-02',
    accountNumber,
    amountExpected: '1,234.50',
    amountPaid: '1000',
    explanation: 'The February statement paid the old rate on this group.',
    attachments: [],
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as TTicketDetail).number;
}

const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EFT_ACCOUNT = '4400123456789';

/** The first of next month (the e2e server runs on the real clock; an effective date cannot be past). */
function nextMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/**
 * An EFT request of the demo producer with its voided check, through the API: the upload is
 * multipart, so it goes through a browser context's request client (its cookie, the CSRF header).
 */
async function fileEft(): Promise<string> {
  const { request } = await e2e.newPage();
  const base = e2e.server.baseUrl;
  const login = await request.post(`${base}/api/portals/producers/login`, { data: { username: PRODUCER.username, password: PRODUCER.password } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  const upload = await request.post(`${base}/api/uploads`, {
    headers,
    multipart: { file: { name: 'voided check.pdf', mimeType: 'application/pdf', buffer: TINY_PDF } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { id } = (await upload.json()) as { id: string };
  const filed = await request.post(`${base}/api/producer-services/tickets`, {
    headers,
    data: {
      type: 'eft',
      bankName: 'First Prairie Bank',
      routingNumber: '011000015',
      accountNumber: EFT_ACCOUNT,
      confirmAccountNumber: EFT_ACCOUNT,
      accountType: 'checking',
      effectiveDate: nextMonth(),
      attachments: [id],
    },
  });
  expect(filed.status(), await filed.text()).toBe(201);
  return ((await filed.json()) as TTicketDetail).number;
}

describe('the Service Requests queue and a ticket (producer services)', () => {
  it('finds a new ticket by its filters, assigns it, writes to the producer, asks for a response and resolves it', async () => {
    const number = await fileDispute('E2E-7788');
    const page = await openQueue('prodservices');
    await expectNoSeriousAxeViolations(page, 'Service Requests');

    await page.getByLabel('Request Type').selectOption({ label: 'Commission Dispute' });
    await page.getByLabel('Producer ID').fill(PRODUCER.agentId);
    await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
    await page.getByRole('textbox', { name: 'Search' }).fill('E2E-7788');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/producer=000600501/);
    expect(page.url()).toContain('type=commission-dispute');
    expect(page.url()).toContain('assignee=none');
    await page.getByRole('link', { name: number }).waitFor();
    await announced(page, 'Showing 1 - 1 of 1');

    // The filters live in the address: a reload shows the same list with the same boxes.
    await page.reload();
    await pageHeading(page, 'Service Requests');
    await page.getByRole('link', { name: number }).waitFor();
    expect(await page.getByLabel('Producer ID').inputValue()).toBe(PRODUCER.agentId);
    expect(await page.getByLabel('Request Type').inputValue()).toBe('commission-dispute');
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('open');

    await page.getByRole('link', { name: number }).click();
    await pageHeading(page, number);
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await breadcrumb.getByRole('listitem').allTextContents()).toEqual(['Service Requests', number]);
    await expectNoSeriousAxeViolations(page, 'a staff ticket page');

    await page.getByRole('button', { name: 'Assign to me' }).click();
    await announced(page, 'The ticket is assigned to you.');
    await page.getByText('Assigned to Paula Ortiz.').waitFor();

    await page.getByLabel('Message', { exact: true }).fill('We are checking the February rate for this group.');
    await page.getByRole('radio', { name: /Message to the producer/ }).check();
    await page.getByRole('button', { name: 'Add Message' }).click();
    await announced(page, 'Your message was sent to the producer.');
    const message = await e2e.smtp.waitFor(mailTo(PRODUCER.email, `New message on request ticket ${number}`));
    expect(message.text).toContain('We are checking the February rate for this group.');

    await page.getByLabel('Message', { exact: true }).fill('Compare with the 2025 schedule.');
    await page.getByRole('radio', { name: /Internal note/ }).check();
    await page.getByRole('button', { name: 'Add Message' }).click();
    await announced(page, 'Your internal note was added.');
    await page.getByRole('listitem').filter({ hasText: 'Compare with the 2025 schedule.' }).getByText('Internal note').waitFor();

    await page.getByLabel('New status').selectOption({ label: 'Pending Producer Response' });
    await page.getByRole('button', { name: 'Change Status' }).click();
    await announced(page, 'The status is now Pending Producer Response.');
    await e2e.smtp.waitFor(mailTo(PRODUCER.email, `Request ticket ${number}: Pending Producer Response`));

    // Resolving needs a note: refused at the field first.
    await page.getByRole('button', { name: 'Resolve Ticket' }).click();
    await page.getByText('Enter a resolution note.').waitFor();
    await page.getByLabel('Resolution note').fill('The difference was paid on the March statement.');
    await page.getByRole('button', { name: 'Resolve Ticket' }).click();
    await announced(page, 'The ticket is resolved.');
    await page.getByText('This ticket is closed: it can no longer be changed.').waitFor();
    expect(await page.getByRole('button', { name: 'Assign to me' }).count()).toBe(0);
    await e2e.smtp.waitFor(mailTo(PRODUCER.email, `Request ticket ${number}: Resolved`));

    // The producer's open tickets no longer list it.
    const producer = await e2e.api('producers', PRODUCER.username, PRODUCER.password);
    const open = (await (await producer.get('/api/producer-services/tickets?pageSize=100')).json()) as TTicketPage;
    expect(open.items.map((ticket) => ticket.number)).not.toContain(number);
  });

  it('reveals a bank account number of an EFT ticket on request', async () => {
    const number = await fileEft();
    const page = await openQueue('prodservices');
    await page.getByLabel('Request Type').selectOption({ label: 'Electronic Funds Transfer (EFT) Update' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/type=eft/);
    await page.getByRole('link', { name: number }).click();
    await pageHeading(page, number);
    await page.getByRole('button', { name: 'Reveal account number' }).waitFor();
    await page.getByRole('link', { name: 'voided check.pdf' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'an EFT ticket');
    expect(await page.getByText(EFT_ACCOUNT).count()).toBe(0);
    await page.getByText('••••6789', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Reveal account number' }).click();
    await page.getByText(EFT_ACCOUNT).waitFor();
    await announced(page, 'The reveal is recorded in the audit log.');
  });
});

describe('help desk', () => {
  it('sees the queue and a ticket, with no control to act on it', async () => {
    await fileEft();
    const page = await openQueue('helpdesk');
    await expectNoSeriousAxeViolations(page, 'Service Requests (help desk)');
    await page.getByLabel('Request Type').selectOption({ label: 'Electronic Funds Transfer (EFT) Update' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/type=eft/);
    const link = page.getByRole('link', { name: /^SR-/ }).first();
    const number = (await link.textContent()) ?? '';
    await link.click();
    await pageHeading(page, number);
    await page.getByText('You can read this ticket.', { exact: false }).waitFor();
    await page.getByText('••••6789', { exact: true }).waitFor();
    for (const name of ['Assign to me', 'Add Message', 'Change Status', 'Resolve Ticket', 'Reveal account number']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await expectNoSeriousAxeViolations(page, 'a staff ticket page (help desk)');
  });
});

describe('Portal Settings for Producer Services (SR-3)', () => {
  it('shows the largest upload in MB, the files per request and the POR notice, and saves a change', async () => {
    const page = await e2e.signedIn('staff', 'secadmin', STAFF_PASSWORD);
    await page.goto(`${e2e.server.baseUrl}/staff/settings`);
    await pageHeading(page, 'Portal Settings');
    const size = page.getByRole('textbox', { name: 'Largest file (MB)' });
    expect(await size.inputValue()).toBe('10');
    expect(await page.getByRole('textbox', { name: 'Files per request (at most)' }).inputValue()).toBe('5');
    expect(await page.getByRole('textbox', { name: 'Group POR change notice' }).inputValue()).toBe(
      'At this time, there is a hold on under 65 Producer of Record transfer requests.',
    );
    await size.fill('60');
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await page.getByText('At most 50 MB (52,428,800 bytes).').waitFor();
    await size.fill('2.5');
    await page.getByRole('button', { name: 'Save Settings' }).click();
    await announced(page, 'were saved');
    const producer = await e2e.api('producers', PRODUCER.username, PRODUCER.password);
    const settings = (await (await producer.get('/api/producer-services/settings')).json()) as { maxUploadBytes: number };
    expect(settings.maxUploadBytes).toBe(2.5 * 1024 * 1024);
  });
});
