// Staff replace the producers' Group POR Transfer Form (SR-3) in Chromium: the security
// administrator publishes a PDF on the Portal Settings page, sees it listed with its name and
// publisher, producers download exactly it, and "Use the built-in form" brings the built-in one back.
// Producer services see the section without the controls. Axe checks the page and the dialog.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });

const STAFF_PASSWORD = 'Staff#2026!';
const PRODUCER = { username: 'mreyes', password: 'Producer#2026' };
const FORM_PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% Carrier POR form, e2e\ntrailer <<>>\n%%EOF\n');
const PRODUCER_FORM = '/api/producer-services/documents/group-por-transfer-form.pdf';

async function openSettings(username: string): Promise<Page> {
  const page = await e2e.signedIn('staff', username, STAFF_PASSWORD);
  await page.goto(`${e2e.server.baseUrl}/staff/settings?portal=producers`);
  await page.getByRole('heading', { level: 1, name: 'Portal Settings', exact: true }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Documents', exact: true }).waitFor();
  return page;
}

async function producerForm(): Promise<Buffer> {
  const producer = await e2e.api('producers', PRODUCER.username, PRODUCER.password);
  const response = await producer.get(PRODUCER_FORM);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('Portal Settings: Documents (SR-3)', () => {
  it('the security administrator publishes a Group POR Transfer Form and goes back to the built-in one', async () => {
    const builtIn = await producerForm();
    const page = await openSettings('secadmin');
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByText('The built-in form').waitFor();
    await expectNoSeriousAxeViolations(page, 'portal settings with documents');

    // Publish with nothing chosen: told at the field.
    await documents.getByRole('button', { name: 'Publish' }).click();
    await documents.getByText('Choose a PDF file to publish.').waitFor();

    await documents
      .getByLabel('New Group POR Transfer Form (PDF)')
      .setInputFiles({ name: 'Carrier POR form.pdf', mimeType: 'application/pdf', buffer: FORM_PDF });
    await documents.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').filter({ hasText: 'Carrier POR form.pdf is now the Group POR Transfer Form.' }).waitFor();
    await documents.getByText('Published by staff').waitFor();
    await documents.getByText('Carrier POR form.pdf', { exact: false }).first().waitFor();
    expect((await producerForm()).equals(FORM_PDF)).toBe(true);
    await expectNoSeriousAxeViolations(page, 'portal settings with a published document');

    await documents.getByRole('button', { name: 'Use the built-in form' }).click();
    const dialog = page.getByRole('dialog', { name: 'Use the built-in Group POR Transfer Form?' });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page, 'the reset dialog');
    await dialog.getByRole('button', { name: 'Use the built-in form' }).click();
    await page.getByRole('status').filter({ hasText: 'The built-in Group POR Transfer Form is offered again.' }).waitFor();
    await documents.getByText('The built-in form').waitFor();
    expect((await producerForm()).equals(builtIn)).toBe(true);
  });

  it('producer services see the form and its download, without the controls', async () => {
    const page = await openSettings('prodservices');
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('link', { name: 'Download the Group POR Transfer Form' }).waitFor();
    await documents.getByText('Only a Security Administrator can replace this document.').waitFor();
    expect(await documents.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'portal settings with documents (producer services)');
  });
});
