// Forms and training (BK-6) in Chromium on the demo data: the retail producer goes from the welcome
// page to the forms of their state and downloads one; a producers-portal user finds the SEP
// affirmation waiting for its course, completes the course, and then affirms; staff publish a PDF
// as a form and retire it. Axe checks every new page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SEP_AFFIRMATION_STATEMENT } from '../../src/shared/service-request-types.ts';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });

const JESSICA = ['retail', 'jessicacamp', 'Retail26'] as const;
const LINDA = ['producers', 'lkim', 'Producer#2026'] as const;
const FORM_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% Broker agreement, e2e\ntrailer <<>>\n%%EOF\n');

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

describe('forms and training (BK-6)', () => {
  it('the retail producer opens the forms of their state from the welcome page and downloads one', async () => {
    const page = await e2e.signedIn(...JESSICA);
    // Jessica is appointed in two states: the welcome page asks first.
    await page.getByRole('heading', { level: 2, name: 'Choose your state' }).waitFor();
    await page.getByRole('button', { name: 'Texas (TX)' }).click();
    await page.getByText('You are working in Texas').waitFor();
    await page.getByRole('link', { name: 'Download forms' }).click();
    await heading(page, 'PDFs & Related Information');
    const table = page.getByRole('table', { name: 'Forms' });
    await table.getByRole('link', { name: 'Texas Medicare Supplement Application' }).waitFor();
    expect(await table.getByRole('link', { name: 'Illinois Medicare Supplement Application' }).count()).toBe(0);
    expect(await page.getByLabel('State').inputValue()).toBe('TX');
    await expectNoSeriousAxeViolations(page, 'forms library');

    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('link', { name: 'Texas Medicare Supplement Application' }).click()]);
    expect(download.suggestedFilename()).toBe('Texas Medicare Supplement Application.pdf');

    // Any state: Illinois's form too; Back returns to Texas's list.
    await page.getByLabel('State').selectOption('');
    await table.getByRole('link', { name: 'Illinois Medicare Supplement Application' }).waitFor();
    await page.goBack();
    await page.waitForURL(/state=TX/);

    await page.goto(`${e2e.server.baseUrl}/retail/training`);
    await heading(page, 'Training Materials');
    await page
      .getByRole('table', { name: 'Courses' })
      .getByText(/^Completed /)
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'training materials');
  });

  it('a producer completes the SEP course, which unlocks the SEP Training Affirmation', async () => {
    const page = await e2e.signedIn(...LINDA);
    await page.goto(`${e2e.server.baseUrl}/producers/request-assistance/sep-affirmation`);
    await page.getByRole('heading', { level: 2, name: 'SEP Training Affirmation', exact: true }).waitFor();
    const courseLinks = page.getByRole('link', { name: /^SEP Training \d{4}$/ });
    await courseLinks.first().waitFor();
    // Nothing to affirm yet: no form, only the way to the course.
    expect(await page.getByText(SEP_AFFIRMATION_STATEMENT).count()).toBe(0);
    const courseTitle = (await courseLinks.last().textContent()) ?? '';
    const year = courseTitle.slice(-4);
    await expectNoSeriousAxeViolations(page, 'SEP affirmation waiting for the course');

    await courseLinks.last().click();
    await heading(page, courseTitle);
    await page.getByText('Not completed').waitFor();
    await expectNoSeriousAxeViolations(page, 'course page');
    await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/completion') && answer.status() === 200),
      page.getByRole('button', { name: 'Mark as complete' }).click(),
    ]);
    await page.getByText(/^Completed /).waitFor();
    expect(await page.getByRole('button', { name: 'Mark as complete' }).count()).toBe(0);

    await page.goBack();
    await page.getByText(SEP_AFFIRMATION_STATEMENT).waitFor();
    const planYear = page.getByLabel(/^Plan Year:/);
    expect((await planYear.locator('option').allTextContents()).filter((text) => /^\d{4}$/.test(text))).toEqual([year]);
    await page.getByRole('checkbox', { name: 'I affirm the statement above.' }).check();
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/api/producer-services/tickets') && answer.request().method() === 'POST'),
      page.getByRole('button', { name: 'Submit', exact: true }).click(),
    ]);
    expect(response.status(), await response.text()).toBe(201);
  });

  it('producer services publish a PDF as a form, and retire it', async () => {
    const page = await e2e.signedIn('staff', 'prodservices', 'Staff#2026!');
    await page.goto(`${e2e.server.baseUrl}/staff/forms-training`);
    await heading(page, 'Forms and Training');
    await page
      .getByRole('table', { name: 'Forms and training courses' })
      .getByRole('link', { name: /^SEP Training \d{4}$/ })
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page, 'staff forms and training');

    const publish = page.getByRole('region', { name: 'Publish a form or course' });
    await publish.getByRole('button', { name: 'Publish' }).click();
    await publish.getByText('Enter the title.').waitFor();
    await publish.getByLabel(/^Title/).fill('Broker Agreement');
    await publish.getByLabel(/^State/).selectOption('OK');
    await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/api/staff/resources/files') && answer.status() === 201),
      publish.getByLabel(/^PDF/).setInputFiles({ name: 'broker agreement.pdf', mimeType: 'application/pdf', buffer: FORM_PDF }),
    ]);
    await Promise.all([
      page.waitForResponse((answer) => answer.url().endsWith('/api/staff/resources') && answer.status() === 201),
      publish.getByRole('button', { name: 'Publish' }).click(),
    ]);
    const row = page.getByRole('row', { name: /Broker Agreement/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Oklahoma');

    await row.getByRole('button', { name: 'Retire Broker Agreement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retire Broker Agreement?' });
    await expectNoSeriousAxeViolations(page, 'retire dialog');
    await dialog.getByRole('button', { name: 'Retire' }).click();
    await page.getByText('Broker Agreement is retired: producers no longer see it.').waitFor();
    await page.getByLabel('Status').selectOption('retired');
    await page
      .getByRole('row', { name: /Broker Agreement/ })
      .getByText(/^Retired /)
      .waitFor();
  });
});
