// Staff read a producer's commissions in Chromium (issue 17 §3) on the demo data: Producer Services
// finds Marcus Reyes by Agent Unique ID, opens his Commissions from his page, and reads his monthly
// statements and Owed versus Paid as he sees them (the demo's short pay on Acme and the terminated
// policy still paid), with nothing to act on: no statement pages, downloads or Commission Disputes.
// Another year is chosen in the address; the read is in the audit log. Axe on every page.
import { describe, expect, it } from 'vitest';
import type { TAuditPage } from '../../src/shared/user-admin-schemas.ts';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });

const MARCUS = '000600501';

describe("staff reading a producer's commissions", () => {
  it('opens Marcus Reyes’s Owed versus Paid from his page, read-only, and the read is audited', async () => {
    const page = await e2e.signedIn('staff', 'prodservices', 'Staff#2026!');
    await page.goto(`${e2e.server.baseUrl}/staff/book?q=${MARCUS}`);
    await page
      .getByRole('table', { name: `Producers matching “${MARCUS}”` })
      .getByRole('link', { name: 'Reyes, Marcus' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Marcus Reyes' }).waitFor();
    await page.getByRole('link', { name: 'Commissions: owed versus paid' }).click();
    await page.waitForURL(new RegExp(`/staff/book/${MARCUS}/commissions$`));
    await page.getByRole('heading', { level: 1, name: 'Commissions of Marcus Reyes' }).waitFor();

    const statements = page.getByRole('table', { name: 'Monthly commission statements' });
    await statements.getByRole('rowheader').first().waitFor();
    expect(await statements.getByRole('row').count()).toBe(13); // the header and twelve months
    expect(await statements.getByRole('link').count()).toBe(0);

    const discrepancies = page.getByRole('table', { name: /^Discrepancies, \d{4}$/ });
    const shortPay = discrepancies.getByRole('row').filter({ hasText: 'Short pay' }).filter({ hasText: 'Acme Manufacturing Co.' });
    await shortPay.waitFor();
    await discrepancies.getByRole('row').filter({ hasText: 'Paid on a terminated policy' }).first().waitFor();
    expect(
      await page
        .getByRole('table', { name: /^Discrepancy totals, \d{4}$/ })
        .getByRole('row')
        .count(),
    ).toBe(5);
    await page.getByText(/owed to the producer/).waitFor();
    expect(await discrepancies.getByRole('link', { name: /File a Commission Dispute/ }).count()).toBe(0);
    expect(await discrepancies.getByRole('columnheader', { name: 'Action' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'staff commissions, owed versus paid');

    const shown = Number(await page.getByLabel('Year').inputValue());
    await page.getByLabel('Year').fill(String(shown - 1));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(new RegExp(`/staff/book/${MARCUS}/commissions\\?year=${shown - 1}$`));
    await page.getByRole('table', { name: `Discrepancies, ${shown - 1}` }).waitFor();
    await expectNoSeriousAxeViolations(page, 'staff commissions, another year');

    const security = await e2e.api('staff', 'secadmin', 'Staff#2026!');
    const audit = (await (await security.get('/api/staff/audit?action=commissions.reconciliation_viewed&user=prodservices')).json()) as TAuditPage;
    expect(audit.items.map((event) => event.target?.label)).toEqual([`owed versus paid ${shown - 1} of ${MARCUS}`, `owed versus paid ${shown} of ${MARCUS}`]);
  });

  it('answers an unknown producer on the page', async () => {
    const page = await e2e.signedIn('staff', 'helpdesk', 'Staff#2026!');
    await page.goto(`${e2e.server.baseUrl}/staff/book/999999999/commissions`);
    await page.getByText('No producer has that Agent Unique ID.').waitFor();
  });
});
