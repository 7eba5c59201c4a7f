// Staff read a producer's book in Chromium (issue 16 §4) on the demo data: the Help Desk finds
// Jessica Camp by name, opens her Texas clients, Maria Gonzalez's payment history, switches to
// Illinois by the address (nothing kept in the session), reads her applications; then finds
// Marcus Reyes by Agent Unique ID and opens one of his producer ID's employer groups. Axe on every page.
import { describe, expect, it } from 'vitest';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });

describe("staff reading a producer's book of business", () => {
  it('finds a producer, reads their clients, a client, applications by state, and a group of their producer ID', async () => {
    const page = await e2e.signedIn('staff', 'helpdesk', 'Staff#2026!');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Book of Business' }).click();
    await page.getByRole('heading', { level: 1, name: 'Book of Business' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'staff book, empty search');

    await page.getByLabel('Agent Unique ID or name').fill('c');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByText('Enter an Agent Unique ID or at least 2 letters of a name.').waitFor();
    await page.getByLabel('Agent Unique ID or name').fill('Camp');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.waitForURL(/\/staff\/book\?q=Camp$/);
    const producers = page.getByRole('table', { name: 'Producers matching “Camp”' });
    await producers.getByRole('link', { name: 'Camp, Jessica' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'staff book, producers found');

    await producers.getByRole('link', { name: 'Camp, Jessica' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jessica Camp' }).waitFor();
    await page.getByText('Illinois, Texas').waitFor();
    await expectNoSeriousAxeViolations(page, 'staff book, producer');

    await page.getByRole('link', { name: 'Clients in Texas' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients of Jessica Camp in Texas' }).waitFor();
    const clients = page.getByRole('table', { name: 'Clients' });
    await clients.getByRole('link', { name: 'Gonzalez, Maria' }).waitFor();
    await page.getByRole('navigation', { name: 'Quick searches' }).getByRole('link', { name: 'Past-due premium' }).click();
    await page.waitForURL(/\/staff\/book\/000600492\/TX\/clients\?quick=past-due$/);
    const pastDue = page.getByRole('table', { name: 'Past-due premium' });
    await pastDue.getByRole('link', { name: 'Gonzalez, Maria' }).waitFor();
    expect(await page.getByRole('link', { name: 'Download this client (CSV)' }).getAttribute('href')).toBe(
      '/api/staff/book/producers/000600492/clients.csv?quick=past-due&sort=name&dir=asc&state=TX',
    );
    await expectNoSeriousAxeViolations(page, 'staff book, client search');

    await pastDue.getByRole('link', { name: 'Gonzalez, Maria' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Gonzalez' }).waitFor();
    const history = page.getByRole('table', { name: /^Payment history of / });
    expect(await history.getByRole('row').count()).toBe(13);
    await expectNoSeriousAxeViolations(page, 'staff book, client page');

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Clients in Texas' }).click();
    await page.getByRole('navigation', { name: 'States' }).getByRole('link', { name: 'Illinois' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients of Jessica Camp in Illinois' }).waitFor();
    await clients.getByRole('link', { name: 'Whitaker, Eleanor' }).waitFor();
    await page.getByRole('link', { name: 'Applications in Illinois' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications of Jessica Camp in Illinois' }).waitFor();
    await page.getByRole('table', { name: 'Applications' }).waitFor();
    await page.getByRole('table', { name: 'Policies in force by line of business' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'staff book, applications');

    await page.goto(`${e2e.server.baseUrl}/staff/book?q=000600501`);
    await page
      .getByRole('table', { name: 'Producers matching “000600501”' })
      .getByRole('link', { name: /employer groups of Marcus Reyes/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Employer groups of Marcus Reyes' }).waitFor();
    const groups = page.getByRole('table', { name: 'Employer groups' });
    await groups.getByRole('link', { name: 'Acme Manufacturing Co.' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'staff book, employer groups');
    await groups.getByRole('link', { name: 'Acme Manufacturing Co.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Manufacturing Co.' }).waitFor();
    await page.getByRole('table', { name: 'Payment history of G-100234-MED' }).waitFor();
    await expectNoSeriousAxeViolations(page, 'staff book, an employer group');
  });

  it('answers a state the producer is not appointed in, and an unknown producer, on the page', async () => {
    const page = await e2e.signedIn('staff', 'secadmin', 'Staff#2026!');
    await page.goto(`${e2e.server.baseUrl}/staff/book/000600492/MT/clients`);
    await page.getByText('Jessica Camp is not appointed in MT.').waitFor();
    await page.goto(`${e2e.server.baseUrl}/staff/book/999999999`);
    await page.getByText('No producer has that Agent Unique ID.').waitFor();
  });
});
