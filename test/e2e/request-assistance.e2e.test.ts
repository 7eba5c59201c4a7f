// Request Assistance as a producer does it in Chromium (SR-2, SR-3): seed 001's Group POR flow from
// the dashboard to the ticket number and Existing Request Tickets, a renamed program refused at the
// file input, the EFT form's routing check and masked account number, a second SEP affirmation.
// Every form page gets an axe check.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TSepTraining } from '../../src/shared/resource-schemas.ts';
import { REQUEST_TYPES, SEP_AFFIRMATION_STATEMENT } from '../../src/shared/service-request-types.ts';
import { alertText, createE2e, expectNoSeriousAxeViolations, field } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });
const { signedIn } = e2e;

const MARCUS = ['producers', 'mreyes', 'Producer#2026'] as const;
const LINDA = ['producers', 'lkim', 'Producer#2026'] as const;

/** A small PDF made here: what the server's content check takes for a PDF. */
const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
/** A Windows program's first bytes, renamed to look like a PDF. */
const RENAMED_EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0x41)]);

const TICKET_CONFIRMATION = /Your request has been submitted\. Ticket number (SR-\d{4}-\d{6,})\./;

/** A select, date or file input by its label; the label's text ends in " *" on required fields. */
function labelled(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

async function newPageHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Straight to a request form (the seed's way there has its own test). */
async function openForm(page: Page, type: string, title: string): Promise<void> {
  await page.goto(`${e2e.server.baseUrl}/producers/request-assistance/${type}`);
  await newPageHeading(page, 'Request Assistance');
  await page.getByRole('heading', { level: 2, name: title, exact: true }).waitFor();
}

/** Chooses a file in the labelled file input and waits for POST /api/uploads to answer. */
async function chooseFile(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.url().endsWith('/api/uploads') && answer.request().method() === 'POST'),
    labelled(page, label).setInputFiles(file),
  ]);
  return response.status();
}

/** Submits and gives the ticket number of the confirmation. */
async function submitForTicket(page: Page): Promise<string> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.url().endsWith('/api/producer-services/tickets') && answer.request().method() === 'POST'),
    page.getByRole('button', { name: 'Submit', exact: true }).click(),
  ]);
  expect(response.status(), await response.text()).toBe(201);
  const status = page.getByRole('status').filter({ hasText: TICKET_CONFIRMATION });
  await status.waitFor();
  const number = TICKET_CONFIRMATION.exec((await status.textContent()) ?? '')?.[1];
  expect(number).toBeDefined();
  return number ?? '';
}

function inFuture(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function activeFieldName(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute('name'));
}

describe('Request Assistance forms', () => {
  it('follows seed 001: dashboard → Producer Services → Group POR → ticket number → Existing Request Tickets', async () => {
    const page = await signedIn(...MARCUS);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Producer Services' }).click();
    await newPageHeading(page, 'Producer Services');
    await page.getByRole('link', { name: 'Request Assistance' }).first().click();
    await newPageHeading(page, 'Request Assistance');
    await page.getByRole('link', { name: 'Update my Group Producer of Record (POR)' }).click();
    await page.waitForURL('**/producers/request-assistance/group-por');
    await page.getByRole('heading', { level: 2, name: 'Group Producer of Record Change' }).waitFor();

    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await breadcrumb.getByRole('listitem').allTextContents()).toEqual(['Home', 'Request Assistance', 'Group Producer of Record Change']);
    expect(await breadcrumb.locator('[aria-current="page"]').textContent()).toBe('Group Producer of Record Change');
    await page.getByText('At this time, there is a hold on under 65 Producer of Record transfer requests. Download the Group POR Transfer Form.').waitFor();
    expect(await page.getByRole('link', { name: 'Group POR Transfer Form' }).getAttribute('href')).toBe(
      '/api/producer-services/documents/group-por-transfer-form.pdf',
    );
    await page.getByText('Submit the Group POR Transfer Form.').waitFor();
    for (const text of ['Line of Business: *', 'Account Number: *', 'Account Name: *', 'POR Documentation: *'])
      await page.getByText(text, { exact: true }).waitFor();
    const fileInput = labelled(page, 'POR Documentation:');
    expect(await fileInput.getAttribute('type')).toBe('file');
    await expectNoSeriousAxeViolations(page, 'Group POR form');

    // Empty: every error at its field, focus on the first.
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Choose the line of business.').waitFor();
    for (const text of ['Enter the account number.', 'Enter the account name.', 'Attach the POR Documentation.']) await page.getByText(text).waitFor();
    expect(await activeFieldName(page)).toBe('lineOfBusiness');
    expect(await field(page, 'Account Number:').getAttribute('aria-invalid')).toBe('true');
    expect(await fileInput.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page, 'Group POR form with errors');

    await labelled(page, 'Line of Business:').selectOption('group-medical');
    await field(page, 'Account Number:').fill('G-7001');
    await field(page, 'Account Name:').fill('Lone Star Widgets');
    // The upload is held for a moment, so its progress bar can be seen; then it finishes.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/uploads', async (route) => {
      await held;
      await route.continue();
    });
    const uploaded = chooseFile(page, 'POR Documentation:', { name: 'por-letter.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF });
    await page.getByRole('progressbar', { name: 'Uploading por-letter.pdf' }).waitFor();
    release();
    expect(await uploaded).toBe(201);
    await page.getByText('por-letter.pdf (1 KB)').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await page.getByRole('button', { name: 'Remove por-letter.pdf' }).waitFor();

    const number = await submitForTicket(page);
    expect(await page.getByRole('link', { name: `View ticket ${number}` }).getAttribute('href')).toBe(`/producers/producer-services/tickets/${number}`);
    // The form is empty again, and the ticket is in Existing Request Tickets on this page.
    expect(await field(page, 'Account Number:').inputValue()).toBe('');
    await page.getByRole('row').filter({ hasText: number }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: number }).textContent()).toContain('Submitted');
  });

  it('refuses a renamed program at the file input (decided by content)', async () => {
    const page = await signedIn(...MARCUS);
    await openForm(page, 'group-por', 'Group Producer of Record Change');
    expect(await chooseFile(page, 'POR Documentation:', { name: 'x.pdf', mimeType: 'application/pdf', buffer: RENAMED_EXE })).toBe(415);
    const input = labelled(page, 'POR Documentation:');
    await page.getByText('Upload a PDF, PNG or JPEG file.').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await input.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toBe('Upload a PDF, PNG or JPEG file.');
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    // Over the portal's limit (10 MB), or not a PDF by its name either: refused before anything is sent.
    let uploads = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/uploads')) uploads += 1;
    });
    await input.setInputFiles({ name: 'big.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([SMALL_PDF, Buffer.alloc(10 * 1024 * 1024)]) });
    await page.getByText('The file is too large: at most 10 MB.').waitFor();
    await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('Choose a PDF, PNG or JPEG file.').waitFor();
    expect(uploads).toBe(0);
  });

  it('EFT: refuses a bad routing number at the field, files with a good one, never shows the account number', async () => {
    const page = await signedIn(...MARCUS);
    await openForm(page, 'eft', 'Electronic Funds Transfer (EFT) Update');
    await field(page, 'Bank Name:').fill('First Prairie Bank');
    await field(page, 'Routing Number:').fill('123456789');
    await field(page, 'Account Number:').fill('000123456789');
    await field(page, 'Confirm Account Number:').fill('000123456789');
    expect(await field(page, 'Account Number:').getAttribute('autocomplete')).toBe('off');
    await labelled(page, 'Account Type:').selectOption('checking');
    await labelled(page, 'Effective Date:').fill(inFuture(30));
    expect(await chooseFile(page, 'Voided Check:', { name: 'voided-check.pdf', mimeType: 'application/pdf', buffer: SMALL_PDF })).toBe(201);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('This is not a valid routing number. Check the 9 digits printed at the bottom left of a check.').waitFor();
    expect(await activeFieldName(page)).toBe('routingNumber');
    expect(await field(page, 'Routing Number:').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page, 'EFT form with an error');

    await field(page, 'Routing Number:').fill('011000015');
    const number = await submitForTicket(page);
    expect(await page.content()).not.toContain('123456789');
    await page.getByRole('row').filter({ hasText: number }).waitFor();
    expect(await page.content()).not.toContain('123456789');

    await page.getByRole('link', { name: `View ticket ${number}` }).click();
    await page.waitForURL(`**/tickets/${number}`);
    await page.getByText('••••6789').first().waitFor();
    expect(await page.content()).not.toContain('123456789');
  });

  it('SEP Training Affirmation: the statement, a required box, and a second affirmation names the first ticket', async () => {
    // One affirms the SEP course one has completed (BK-6; forms-training.e2e.test.ts goes through the course page).
    const api = await e2e.api(...LINDA);
    for (const { course } of (await (await api.get('/api/resources/sep-training')).json()) as TSepTraining) {
      if (course) expect((await api.put(`/api/resources/courses/${course.id}/completion`)).status).toBe(200);
    }
    const page = await signedIn(...LINDA);
    await openForm(page, 'sep-affirmation', 'SEP Training Affirmation');
    await page.getByText(SEP_AFFIRMATION_STATEMENT).waitFor();
    const planYear = labelled(page, 'Plan Year:');
    const years = (await planYear.locator('option').allTextContents()).filter((text) => /^\d{4}$/.test(text));
    expect(years.length).toBeGreaterThan(0);
    const year = years.at(-1) ?? '';
    await planYear.selectOption(year);
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('Check the box to affirm the statement.').waitFor();
    expect(await activeFieldName(page)).toBe('affirmed');

    await page.getByRole('checkbox', { name: 'I affirm the statement above.' }).check();
    const first = await submitForTicket(page);

    await labelled(page, 'Plan Year:').selectOption(year);
    await page.getByRole('checkbox', { name: 'I affirm the statement above.' }).check();
    await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/api/producer-services/tickets') && answer.status() === 409),
      page.getByRole('button', { name: 'Submit', exact: true }).click(),
    ]);
    expect(await alertText(page)).toBe(`You have already affirmed the SEP training for plan year ${year}: see request ticket ${first}.`);
  });

  it('Commission Dispute: money as typed in dollars, a month, and the optional file left out', async () => {
    const page = await signedIn(...MARCUS);
    await openForm(page, 'commission-dispute', 'Commission Dispute');
    expect(await field(page, 'Amount Expected:').getAttribute('inputmode')).toBe('decimal');
    expect(await labelled(page, 'Statement Month:').getAttribute('type')).toBe('month');
    await labelled(page, 'Statement Month:').fill(new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7));
    await field(page, 'Account or Policy Number:').fill('G-1001');
    await field(page, 'Amount Expected:').fill('1,234.50');
    await field(page, 'Amount Paid:').fill('$1000');
    await field(page, 'Explanation:').fill('The statement paid the old rate on this group.');
    await submitForTicket(page);
  });

  it('Book of Business Transfer: the account list appears only for "These accounts"', async () => {
    const page = await signedIn(...MARCUS);
    await openForm(page, 'book-transfer', 'Book of Business Transfer');
    expect(await page.getByRole('radio', { name: 'All accounts' }).isChecked()).toBe(true);
    expect(await field(page, 'Account Numbers:').count()).toBe(0);
    await page.getByRole('radio', { name: 'These accounts' }).check();
    await field(page, 'Account Numbers:').waitFor();
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await page.getByText('List the account numbers to transfer.').waitFor();
    await page.getByText('Attach the Signed Release Letter.').waitFor();
    await expectNoSeriousAxeViolations(page, 'Book transfer with errors');
  });

  it("contact info starts with the roster's e-mail, then from the producer ID's last resolved contact-info request", async () => {
    const page = await signedIn(...MARCUS);
    await openForm(page, 'contact-info', 'Contact Information Update');
    expect(await field(page, 'E-mail Address:').inputValue()).toBe('marcus.reyes@lonestar-benefits.example');
    expect(await field(page, 'Street Address:').inputValue()).toBe('');
    // Linda (same producer ID) sends new details; Producer Services resolves the request.
    const linda = await e2e.api(...LINDA);
    const contact = {
      type: 'contact-info',
      street: '2200 Commerce St',
      city: 'Dallas',
      state: 'TX',
      zip: '75201',
      phone: '2145550142',
      email: 'linda.kim@lonestar-benefits.example',
      attachments: [],
    };
    const filed = await linda.post('/api/producer-services/tickets', contact);
    const { number } = (await filed.json()) as { number: string };
    const staff = await e2e.api('staff', 'prodservices', 'Staff#2026!');
    for (const status of ['in-progress', 'resolved']) {
      expect(
        (await staff.post(`/api/staff/service-requests/${number}/status`, { status, ...(status === 'resolved' ? { note: 'Updated.' } : {}) })).status,
      ).toBe(200);
    }
    await openForm(page, 'contact-info', 'Contact Information Update');
    await page.getByText(`Filled in from your request ${number}, completed`, { exact: false }).waitFor();
    expect(await field(page, 'Street Address:').inputValue()).toBe('2200 Commerce St');
    expect(await labelled(page, 'State:').inputValue()).toBe('TX');
    expect(await field(page, 'Phone:').inputValue()).toBe('(214) 555-0142');
    expect(await field(page, 'E-mail Address:').inputValue()).toBe('linda.kim@lonestar-benefits.example');
  });

  it.each(REQUEST_TYPES.map((type) => [type.id, type.title] as const))('the %s page is accessible', async (type, title) => {
    const page = await signedIn(...LINDA);
    await openForm(page, type, title);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).locator('[aria-current="page"]').textContent()).toBe(title);
    if (type === 'password' || type === 'challenge-question') {
      await page.getByRole('link', { name: /on Edit Profile$/ }).waitFor();
    } else {
      await page.getByRole('button', { name: 'Submit', exact: true }).waitFor();
    }
    await expectNoSeriousAxeViolations(page, `${type} form`);
  });
});
