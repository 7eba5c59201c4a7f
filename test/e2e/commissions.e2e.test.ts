// Commissions (BK-5, issue 17 §2) in Chromium on the demo data: the Primary Producer reads the
// dashboard's COMMISSIONS and COMMISSION STATEMENTS, opens last month's statement and downloads its
// PDF; the sub-user sees commissions only after the Primary Producer allows it in the Password
// Manager. Axe checks every new page.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });

const MARCUS = ['producers', 'mreyes', 'Producer#2026'] as const;
const LINDA = ['producers', 'lkim', 'Producer#2026'] as const;

function lastMonth(): { period: string; name: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return {
    period: first.toISOString().slice(0, 7),
    name: new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first),
  };
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

describe('commissions (BK-5)', () => {
  it('the Primary Producer reads the summary, opens last month’s statement and downloads it as PDF', async () => {
    const page = await e2e.signedIn(...MARCUS);
    const month = lastMonth();
    const commissions = page.getByRole('region', { name: 'COMMISSIONS', exact: true });
    await commissions.getByText('Year to date', { exact: false }).waitFor();
    await expectNoSeriousAxeViolations(page, 'dashboard with commissions');

    await commissions.getByRole('link', { name: month.name, exact: true }).click();
    await heading(page, `Commission Statement, ${month.name}`);
    await page.getByRole('table', { name: 'Statement lines' }).getByText('Acme Manufacturing Co.').first().waitFor();
    await page.getByRole('table', { name: 'Totals by transaction type' }).getByText('Chargeback').waitFor();
    await expectNoSeriousAxeViolations(page, 'commission statement');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`commission-statement-${month.period}.pdf`);

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Commissions' }).click();
    await heading(page, 'Commissions');
    const statements = page.getByRole('table', { name: 'Monthly commission statements' });
    expect(await statements.getByRole('row').count()).toBe(13); // the header and twelve months
    await expectNoSeriousAxeViolations(page, 'commission statements');
  });

  it('the reporting tool: a chart and its table over the last twelve months, filtered by line in the address', async () => {
    const page = await e2e.signedIn(...MARCUS);
    await page
      .getByRole('region', { name: 'INTERACTIVE COMMISSION REPORTING TOOL', exact: true })
      .getByRole('link', { name: 'Open the reporting tool' })
      .click();
    await heading(page, 'Interactive Commission Reporting Tool');
    const table = page.getByRole('table', { name: 'Commission by month and line of business' });
    await table.getByRole('columnheader', { name: 'Group Medical' }).waitFor();
    expect(await table.getByRole('row').count()).toBe(13);
    await page.locator('.recharts-surface').first().waitFor();
    await expectNoSeriousAxeViolations(page, 'commission reporting tool');

    await page.getByLabel('Line of Business', { exact: true }).selectOption('group-dental');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/line=group-dental/);
    await table.getByRole('columnheader', { name: 'Group Dental' }).waitFor();
    await expect.poll(() => table.getByRole('columnheader', { name: 'Group Medical' }).count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these lines as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^commission-report-\d{4}-\d{2}-to-\d{4}-\d{2}\.csv$/);
  });

  it('Owed versus Paid lists the demo’s discrepancies, and one click files a prefilled Commission Dispute', async () => {
    const page = await e2e.signedIn(...MARCUS);
    await page.goto(`${e2e.server.baseUrl}/producers/commissions`);
    await heading(page, 'Commissions');
    const discrepancies = page.getByRole('table', { name: /^Discrepancies, \d{4}$/ });
    const shortPay = discrepancies.getByRole('row').filter({ hasText: 'Short pay' }).filter({ hasText: 'Acme Manufacturing Co.' });
    await shortPay.waitFor();
    await expectNoSeriousAxeViolations(page, 'commissions with owed versus paid');
    await shortPay.getByRole('link', { name: /^File a Commission Dispute/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Commission Dispute', exact: true }).waitFor();
    expect(await page.getByLabel(/^Account or Policy Number:/).inputValue()).toBe('G-100234-MED');
    expect(await page.getByLabel(/^Explanation:/).inputValue()).toContain('Short pay on Acme Manufacturing Co.');
  });

  it('the sub-user sees commissions once the Primary Producer allows it in the Password Manager', async () => {
    const linda = await e2e.signedIn(...LINDA);
    await linda.goto(`${e2e.server.baseUrl}/producers/commissions`);
    await heading(linda, 'Commissions');
    await linda.getByText('Your Primary Producer has not given you access to commissions.').first().waitFor();

    const marcus = await e2e.signedIn(...MARCUS);
    await marcus.goto(`${e2e.server.baseUrl}/producers/password-manager`);
    await heading(marcus, 'Password Manager');
    const box = marcus.getByRole('checkbox', { name: 'lkim sees commissions' });
    await expect.poll(() => box.isEnabled()).toBe(true);
    expect(await box.isChecked()).toBe(false);
    await expectNoSeriousAxeViolations(marcus, 'password manager with commission access');
    await Promise.all([marcus.waitForResponse((answer) => answer.url().endsWith('/commission-access') && answer.status() === 200), box.click()]);
    await expect.poll(() => box.isChecked()).toBe(true);
    await marcus.getByText('lkim may now see commissions.').waitFor();

    await linda.reload();
    await heading(linda, 'Commissions');
    await linda.getByRole('table', { name: 'Monthly commission statements' }).getByRole('link', { name: lastMonth().name, exact: true }).waitFor();
  });
});
