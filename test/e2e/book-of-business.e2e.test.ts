// The retail producer's book in Chromium (BK-1 … BK-4) on the demo data: Jessica Camp, appointed
// in Illinois and Texas, chooses a state on the home page, follows the welcome page's past-due
// link to the quick search and on to the client's payment history, searches by a misspelled name
// with the filters kept in the address (Back works), and switches state from the Account menu. A
// book page opened before any state is chosen asks for one and comes back. A producer ID's sub-user
// opens the group Book of Business (issue 16 §2) and a group's payment history. Axe on every page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createE2e, expectNoSeriousAxeViolations, heading } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });
const JESSICA = ['retail', 'jessicacamp', 'Retail26'] as const;

async function chooseOnHome(page: Page, state: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name: 'Choose your state' }).waitFor();
  await page.getByRole('button', { name: state }).click();
  await page.getByText(`You are working in ${state.replace(/ \(..\)$/, '')}`).waitFor();
}

describe('the retail book of business', () => {
  it('chooses a state, finds the past-due client from the welcome page, and reads the payment history', async () => {
    const page = await e2e.signedIn(...JESSICA);
    await page.getByRole('button', { name: 'Illinois (IL)' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'home, choosing a state');
    await chooseOnHome(page, 'Texas (TX)');
    // Texas: Maria Gonzalez's premium is past due; two applications are pending.
    await page.getByRole('link', { name: 'Check the status of your applications and current business' }).waitFor();
    expect(await page.getByText('(2 pending applications)').count()).toBe(1);
    await page.getByRole('table', { name: 'Policies in force by line of business' }).waitFor();
    // BK-7: Texas's Producer Services numbers, no other state's.
    const phones = page.getByRole('table', { name: 'Producer Services phone numbers for Texas' });
    expect(await phones.getByRole('columnheader').allTextContents()).toEqual(['Line of business', 'TX']);
    await expectNoSeriousAxeViolations(page, 'home, Texas');

    // Applications and current business (BK-2): the two pending Texas applications, filtered in the address.
    await page.getByRole('link', { name: 'Check the status of your applications and current business' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications and Current Business' }).waitFor();
    const applications = page.getByRole('table', { name: 'Your applications' });
    await applications.getByRole('link', { name: 'Maria Gonzalez' }).waitFor();
    await page.getByLabel('Status').selectOption('pending');
    await page.waitForURL(/status=pending/);
    await page.getByRole('table', { name: 'Policies in force by line of business' }).getByRole('link', { name: 'Major Medical' }).waitFor();
    expect(await applications.getByRole('row').count()).toBe(3); // the header and two pending applications
    await expectNoSeriousAxeViolations(page, 'applications and current business');
    await page.goBack();
    await page.goBack();
    await page.waitForURL(/\/retail\/home$/);

    await page.getByRole('link', { name: '1 policy past due and 0 in the grace period' }).click();
    await page.waitForURL(/\/retail\/clients\?quick=past-due$/);
    const results = page.getByRole('table', { name: 'Past-due premium' });
    await results.getByRole('link', { name: 'Gonzalez, Maria' }).waitFor();
    expect(await results.getByRole('row').count()).toBe(2); // the header and Maria
    expect(await page.getByRole('link', { name: 'Download this client (CSV)' }).getAttribute('href')).toBe(
      '/api/book/clients.csv?quick=past-due&sort=name&dir=asc',
    );
    await expectNoSeriousAxeViolations(page, 'client search, past due');

    await results.getByRole('link', { name: 'Gonzalez, Maria' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Gonzalez' }).waitFor();
    const history = page.getByRole('table', { name: /^Payment history of / });
    expect(await history.getByRole('row').count()).toBe(13); // the header and twelve months
    await history.getByRole('cell', { name: 'Past due' }).waitFor();
    await page.getByRole('heading', { level: 3, name: /Blue Vision Basic/ }).waitFor(); // the pending application
    await expectNoSeriousAxeViolations(page, 'client page');
  });

  it('searches by a misspelled name with the filters in the address, and Back returns to the list before', async () => {
    const page = await e2e.signedIn(...JESSICA);
    await chooseOnHome(page, 'Illinois (IL)');
    await page.goto(`${e2e.server.baseUrl}/retail/clients`);
    const results = page.getByRole('table', { name: 'Your clients' });
    await results.getByRole('link', { name: 'Whitaker, Eleanor' }).waitFor();
    expect(await results.getByRole('row').count()).toBe(5); // the header and Illinois's four clients

    await page.getByLabel('Name').fill('Brooke');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/name=Brooke/);
    await results.getByRole('link', { name: /^Brooks, / }).waitFor();
    expect(await results.getByRole('row').count()).toBe(2);

    await page.getByLabel('Effective from').fill('2026-05-01');
    await page.getByLabel('Effective to').fill('2026-04-01');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('The end of the effective-date range comes before its start.').waitFor();
    await expectNoSeriousAxeViolations(page, 'client search with a refused range');

    await page.goBack();
    await page.waitForURL(/\/retail\/clients$/);
    await results.getByRole('link', { name: 'Whitaker, Eleanor' }).waitFor();
  });

  it('switches state from the Account menu, and a book page opened before choosing asks first and comes back', async () => {
    const page = await e2e.signedIn(...JESSICA);
    await page.goto(`${e2e.server.baseUrl}/retail/clients?quick=pending-applications`);
    await page.waitForURL(/\/retail\/state\?next=/);
    expect(await heading(page)).toBe('Choose your state');
    await expectNoSeriousAxeViolations(page, 'the state page');
    await page.getByRole('button', { name: 'Illinois (IL)' }).click();
    await page.waitForURL(/\/retail\/clients\?quick=pending-applications$/);
    await page.getByRole('table', { name: 'Pending applications' }).getByRole('link', { name: 'Whitaker, Eleanor' }).waitFor();

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Switch State' }).click();
    await page.getByRole('button', { name: 'Texas (TX)' }).click();
    await page.waitForURL(/\/retail\/home$/);
    await page.getByText('You are working in Texas').waitFor();
  });
});

describe("the group producer's Book of Business", () => {
  it('lists the producer ID’s employer groups for a sub-user too, filters past-due premium, and opens a group’s payment history', async () => {
    const page = await e2e.signedIn('producers', 'lkim', 'Producer#2026'); // a Producer User of 000600501
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Book of Business' }).click();
    await page.getByRole('heading', { level: 1, name: 'Book of Business' }).waitFor();
    const groups = page.getByRole('table', { name: 'Your employer groups' });
    await groups.getByRole('link', { name: 'Acme Manufacturing Co.' }).waitFor();
    expect(await groups.getByRole('row').count()).toBe(3);
    await expectNoSeriousAxeViolations(page, 'book of business');

    await page.getByLabel('Past-due premium only').check();
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/pastDue=true/);
    await groups.getByRole('link', { name: 'Rio Grande School District' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rio Grande School District' }).waitFor();
    const history = page.getByRole('table', { name: 'Payment history of G-100871-DEN' });
    expect(await history.getByRole('row').count()).toBe(13);
    await expectNoSeriousAxeViolations(page, 'an employer group');
  });
});

describe("an employer's coverage", () => {
  it('shows the group its policies, producer of record and premium payments on its home page', async () => {
    const page = await e2e.signedIn('employers', 'cjohnson', 'Employer#2026'); // an Employer User of group 100234
    const coverage = page.getByRole('region', { name: 'Your coverage' });
    await coverage.getByText('Acme Manufacturing Co. (100234)').waitFor();
    await coverage.getByText(/Marcus Reyes/).waitFor();
    expect(await coverage.getByRole('table', { name: 'Payment history of G-100234-MED' }).getByRole('row').count()).toBe(13);
    await expectNoSeriousAxeViolations(page, 'employer home with coverage');
  });
});
