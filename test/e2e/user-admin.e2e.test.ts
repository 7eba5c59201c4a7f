// User administration as people do it in Chromium (LC-4 … LC-6, ID-3, ID-11): the Primary
// Producer's Password Manager, the Delegated Administrator's Security Manager with "Download All
// Users", and the staff console. Every new page gets an axe check; e-mail goes through a real
// SMTP server. The tests of the last block read what the earlier ones did (the audit log).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/shared/portals.ts';
import { USER_ADMIN_TEXTS, USER_CSV_COLUMNS, type TUserPage } from '../../src/shared/user-admin-schemas.ts';
import { alertText, createE2e, expectNoSeriousAxeViolations, field, heading, logIn, mailTo, temporaryPasswordIn } from '../support/e2e.ts';

const e2e = createE2e({ smtp: true, failOnPageErrors: true });
const { openPage, signedIn } = e2e;

/**
 * Waits for the h1 of the page just navigated to. The router changes the address first and shows
 * the new page in a React transition a moment later: until then the old page's h1 is still there.
 */
async function newPageHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Follows a link of the main navigation and waits for the tool's page (its heading is the link's label). */
async function openTool(page: Page, label: string, urlPart: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
  await page.waitForURL(`**${urlPart}`);
  await newPageHeading(page, label);
}

/** The table row whose row header is this user name. */
function userRow(page: Page, username: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: username, exact: true }) });
}

/** The text of a row's cell under the column header `column`. */
async function cellOf(page: Page, username: string, column: string): Promise<string> {
  const headers = await page.getByRole('table').first().getByRole('columnheader').allTextContents();
  const index = headers.findIndex((text) => text === column);
  expect(index, `column ${column} in ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return (await userRow(page, username).getByRole('cell').or(userRow(page, username).getByRole('rowheader')).nth(index).textContent()) ?? '';
}

async function statusMessage(page: Page, text: string): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

/** A minimal CSV reader for the export (quoted fields, doubled quotes, CRLF or LF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('who sees the administration tools', () => {
  it('a sub-user has no Password Manager, and its address answers "Page not found"', async () => {
    const page = await signedIn('producers', 'lkim', 'Producer#2026');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Password Manager' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Password Manager' }).count()).toBe(0);
    await page.goto(`${e2e.server.baseUrl}/producers/password-manager`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });

  it('an employer user has no Security Manager', async () => {
    const page = await signedIn('employers', 'cjohnson', 'Employer#2026');
    expect(await page.getByRole('link', { name: 'Security Manager' }).count()).toBe(0);
    await page.goto(`${e2e.server.baseUrl}/employers/security-manager`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('the tools ask for a login first and come back after it', async () => {
    const page = await openPage('/employers/security-manager');
    await page.waitForURL('**/employers/login?next=%2Femployers%2Fsecurity-manager');
    await logIn(page, 'bnguyen', 'Employer#2026');
    await page.waitForURL('**/employers/security-manager');
    await newPageHeading(page, 'Security Manager');
    expect(await heading(page)).toBe('Security Manager');
  });
});

describe('Password Manager (LC-5)', () => {
  it('the Primary Producer disables a sub-user, who is told so only after the right password, then reinstates them (LC-4, ID-3)', async () => {
    const pp = await signedIn('producers', 'mreyes', 'Producer#2026');
    // The home page leads to the tool.
    await pp.getByRole('main').getByRole('link', { name: 'Password Manager' }).click();
    await pp.waitForURL('**/producers/password-manager');
    await newPageHeading(pp, 'Password Manager');
    expect(await heading(pp)).toBe('Password Manager');
    expect(await pp.getByRole('heading', { level: 1 }).count()).toBe(1);
    await userRow(pp, 'lkim').waitFor();
    await pp.getByText(/Showing 1 - \d+ of \d+/).waitFor();
    expect(await cellOf(pp, 'lkim', 'Status')).toBe('Active');
    // The Primary Producer is not one of their own sub-users.
    expect(await userRow(pp, 'mreyes').count()).toBe(0);
    await expectNoSeriousAxeViolations(pp, 'password manager');

    // lkim logs in once, so the list has a last login date to show.
    const sub = await signedIn('producers', 'lkim', 'Producer#2026');
    await pp.reload();
    await userRow(pp, 'lkim').waitFor();
    expect(await cellOf(pp, 'lkim', 'Last Login Date')).toMatch(/\d{4}/);

    // Disable asks first; Cancel changes nothing.
    await userRow(pp, 'lkim').getByRole('button', { name: 'Disable lkim' }).click();
    const dialog = pp.getByRole('dialog', { name: 'Disable User ID' });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(pp, 'disable confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cellOf(pp, 'lkim', 'Status')).toBe('Active');

    await userRow(pp, 'lkim').getByRole('button', { name: 'Disable lkim' }).click();
    await Promise.all([
      pp.waitForResponse((response) => response.url().endsWith('/disable') && response.status() === 200),
      dialog.getByRole('button', { name: 'Disable User ID' }).click(),
    ]);
    await statusMessage(pp, USER_ADMIN_TEXTS.disabled);
    await userRow(pp, 'lkim').getByRole('button', { name: 'Reinstate lkim' }).waitFor();
    expect(await cellOf(pp, 'lkim', 'Status')).toBe('Disabled');

    // lkim's session has ended; a wrong password says nothing about the disabled ID, the right one does.
    await sub.reload();
    await sub.waitForURL('**/producers/login');
    await logIn(sub, 'lkim', 'Wrong#2026x');
    expect(await alertText(sub)).toBe(TEXTS.loginFailed);
    await logIn(sub, 'lkim', 'Producer#2026');
    expect(await alertText(sub)).toBe(TEXTS.disabled);

    // Reinstated, lkim logs in again.
    await Promise.all([
      pp.waitForResponse((response) => response.url().endsWith('/reinstate') && response.status() === 200),
      userRow(pp, 'lkim').getByRole('button', { name: 'Reinstate lkim' }).click(),
    ]);
    await statusMessage(pp, USER_ADMIN_TEXTS.reinstated);
    await userRow(pp, 'lkim').getByRole('button', { name: 'Disable lkim' }).waitFor();
    expect(await cellOf(pp, 'lkim', 'Status')).toBe('Active');
    await logIn(sub, 'lkim', 'Producer#2026');
    await sub.waitForURL('**/producers/home');
    // The home page's own heading, once it has replaced the login page's (portal name) one.
    await sub.getByRole('heading', { level: 1, name: 'Welcome, Linda Kim', exact: true }).waitFor();
  });

  it('creates a sub-user, who gets a temporary password by e-mail and must change it', async () => {
    const pp = await signedIn('producers', 'mreyes', 'Producer#2026');
    await openTool(pp, 'Password Manager', '/producers/password-manager');
    const form = pp.getByRole('form', { name: 'Create Sub-User' });

    // The form checks itself first, with the errors next to the fields.
    await form.getByRole('button', { name: 'Create Sub-User' }).click();
    await form.getByText('Enter the First Name.').waitFor();
    expect(await field(pp, 'First Name').getAttribute('aria-invalid')).toBe('true');

    await field(pp, 'User Name').fill('tperez');
    await field(pp, 'First Name').fill('Tomas');
    await field(pp, 'Last Name').fill('Perez');
    await field(pp, 'E-mail Address').fill('tomas.perez@lonestar-benefits.example');
    await Promise.all([
      pp.waitForResponse((response) => response.url().endsWith('/api/password-manager/users') && response.request().method() === 'POST'),
      form.getByRole('button', { name: 'Create Sub-User' }).click(),
    ]);
    await statusMessage(pp, USER_ADMIN_TEXTS.created);
    await userRow(pp, 'tperez').waitFor();
    expect(await cellOf(pp, 'tperez', 'Last Login Date')).toBe('Never');

    // A taken user name is refused next to the field.
    await field(pp, 'User Name').fill('lkim');
    await field(pp, 'First Name').fill('Other');
    await field(pp, 'Last Name').fill('Person');
    await field(pp, 'E-mail Address').fill('other@lonestar-benefits.example');
    await form.getByRole('button', { name: 'Create Sub-User' }).click();
    await pp.waitForFunction(() => document.querySelector('input[name="username"]')?.getAttribute('aria-invalid') === 'true');

    const mail = await e2e.smtp.waitFor(mailTo('tomas.perez@lonestar-benefits.example', 'Blue Access for Producers User ID Created'), 10_000);
    const temporary = temporaryPasswordIn(mail);
    const sub = await openPage('/producers/login');
    await logIn(sub, 'tperez', temporary);
    await sub.waitForURL('**/producers/profile');
    await sub.getByText('Please change your temporary password before you continue.').waitFor();
  });

  it('a search and its page live in the address: a reload keeps them, and Back steps through them', async () => {
    // Two pages of sub-users that match "pager" (25 a page), made through the API.
    const api = await e2e.api('producers', 'mreyes', 'Producer#2026');
    for (let n = 1; n <= 27; n += 1) {
      const id = String(n).padStart(2, '0');
      const answer = await api.post('/api/password-manager/users', {
        username: `pager${id}`,
        firstName: 'Paige',
        lastName: `Pager${id}`,
        email: `pager${id}@lonestar-benefits.example`,
      });
      expect(answer.status).toBe(201);
    }

    const pp = await signedIn('producers', 'mreyes', 'Producer#2026');
    await openTool(pp, 'Password Manager', '/producers/password-manager');
    await userRow(pp, 'lkim').waitFor();
    const searchbox = pp.getByRole('searchbox', { name: 'Name, User Name or E-mail' });
    const usernames = () => pp.getByRole('table').getByRole('rowheader').allTextContents();

    await searchbox.fill('pager');
    await pp.getByRole('button', { name: 'Search', exact: true }).click();
    await pp.getByText('Showing 1 - 25 of 27').waitFor();
    await pp.getByRole('navigation', { name: 'Sub-users pages' }).getByRole('button', { name: 'Next' }).click();
    await pp.getByText('Showing 26 - 27 of 27').waitFor();
    expect(await usernames()).toEqual(['pager26', 'pager27']);

    // A reload shows the same page of the same search, with the search text back in its box.
    await pp.reload();
    await pp.getByText('Showing 26 - 27 of 27').waitFor();
    expect(await usernames()).toEqual(['pager26', 'pager27']);
    await expect.poll(() => searchbox.inputValue()).toBe('pager');

    // Back: the first page of the search, then the list before the search.
    await pp.goBack();
    await pp.getByText('Showing 1 - 25 of 27').waitFor();
    await expect.poll(() => searchbox.inputValue()).toBe('pager');
    expect((await usernames())[0]).toBe('pager01');
    await pp.goBack();
    await userRow(pp, 'lkim').waitFor();
    await expect.poll(() => searchbox.inputValue()).toBe('');
    expect(new URL(pp.url()).search).toBe('');

    // Forward returns to the search.
    await pp.goForward();
    await pp.getByText('Showing 1 - 25 of 27').waitFor();
    await expect.poll(() => searchbox.inputValue()).toBe('pager');
  });
});

describe('Security Manager (LC-6)', () => {
  it('the Delegated Administrator searches, sorts and downloads all users with their last login dates', async () => {
    const da = await signedIn('employers', 'agarcia', 'Employer#2026');
    await da.getByRole('main').getByRole('link', { name: 'Security Manager' }).click();
    await da.waitForURL('**/employers/security-manager');
    await newPageHeading(da, 'Security Manager');
    expect(await heading(da)).toBe('Security Manager');

    // "Current Users - Search" is the default tab.
    const tab = da.getByRole('tab', { name: 'Current Users - Search' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await userRow(da, 'agarcia').waitFor();
    for (const username of ['bnguyen', 'cjohnson']) await userRow(da, username).waitFor();
    expect(await cellOf(da, 'agarcia', 'Last Login Date')).toMatch(/\d{4}/);
    await expectNoSeriousAxeViolations(da, 'security manager');

    // The link is at the top of the list, before the search and the table.
    const download = da.getByRole('link', { name: 'Download All Users' });
    expect(await download.getAttribute('href')).toBe('/api/security-manager/users.csv');
    const before = await download.evaluate((link) => {
      const table = document.querySelector('table');
      return table !== null && (link.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    });
    expect(before).toBe(true);

    // Search by name.
    await da.getByRole('searchbox', { name: 'Name, User Name or E-mail' }).fill('johnson');
    await Promise.all([
      da.waitForResponse((response) => response.url().includes('/api/security-manager/users?') && response.url().includes('q=johnson')),
      da.getByRole('button', { name: 'Search', exact: true }).click(),
    ]);
    await da.getByText('Showing 1 - 1 of 1').waitFor();
    expect(await da.getByRole('table').getByRole('rowheader').allTextContents()).toEqual(['cjohnson']);

    // Sort by user name, descending on the second click.
    await da.getByRole('searchbox', { name: 'Name, User Name or E-mail' }).fill('');
    await da.getByRole('button', { name: 'Search', exact: true }).click();
    await da.getByText('Showing 1 - 3 of 3').waitFor();
    const sortButton = da.getByRole('columnheader', { name: 'User Name' }).getByRole('button');
    await sortButton.click();
    await da.waitForFunction(() => document.querySelector('th[aria-sort="ascending"]')?.textContent === 'User Name');
    await sortButton.click();
    await da.waitForFunction(() => document.querySelector('th[aria-sort="descending"]')?.textContent === 'User Name');
    await da.waitForFunction(() => [...document.querySelectorAll('tbody th')].map((th) => th.textContent).join() === 'cjohnson,bnguyen,agarcia');

    // Download All Users: a real browser download of the CSV.
    const [file] = await Promise.all([da.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
    const path = await file.path();
    const rows = parseCsv(await readFile(path, 'utf8'));
    expect(rows[0]).toEqual([...USER_CSV_COLUMNS]);
    const byName = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect([...byName.keys()].sort()).toEqual(['agarcia', 'bnguyen', 'cjohnson']);
    const lastLogin = USER_CSV_COLUMNS.indexOf('Last Login Date');
    expect(byName.get('agarcia')?.[lastLogin]).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(byName.get('agarcia')?.[USER_CSV_COLUMNS.indexOf('E-mail Address')]).toBe('ana.garcia@acme-mfg.example');

    // The other tab creates users.
    await tab.focus();
    await da.keyboard.press('ArrowRight');
    expect(await da.getByRole('tab', { name: 'Create User' }).getAttribute('aria-selected')).toBe('true');
    await da.getByRole('form', { name: 'Create User' }).waitFor();
    await expectNoSeriousAxeViolations(da, 'security manager: create user');
  });
});

describe('staff console', () => {
  it('each staff page is accessible, and producer services has no audit log', async () => {
    const staff = await signedIn('staff', 'helpdesk', 'Staff#2026!');
    for (const [label, path, title] of [
      ['User Search', '/staff/users', 'User Search'],
      ['Audit Log', '/staff/audit', 'Audit Log'],
      ['Lifecycle Report', '/staff/lifecycle-report', 'Lifecycle Report'],
      ['Portal Settings', '/staff/settings', 'Portal Settings'],
    ] as const) {
      await openTool(staff, label, path);
      expect(await heading(staff)).toBe(title);
      await staff.waitForFunction(() => document.querySelector('.loading') === null && document.querySelector('h1') !== null);
      await expectNoSeriousAxeViolations(staff, path);
    }
    // The help desk reads the settings; only the security administrator changes them.
    await staff.getByText('Only a Security Administrator can change these settings.').waitFor();
    expect(await staff.getByRole('button', { name: 'Save Settings' }).count()).toBe(0);

    const services = await signedIn('staff', 'prodservices', 'Staff#2026!');
    expect(await services.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit Log' }).count()).toBe(0);
    await services.goto(`${e2e.server.baseUrl}/staff/audit`);
    await services.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });

  it('the security administrator changes a portal setting, with field errors first', async () => {
    const admin = await signedIn('staff', 'secadmin', 'Staff#2026!');
    await openTool(admin, 'Portal Settings', '/staff/settings');
    const threshold = field(admin, 'Failed logins before lockout');
    await threshold.waitFor();
    await threshold.fill('0');
    await field(admin, 'Delete after (days without login)').fill('100');
    await admin.getByRole('button', { name: 'Save Settings' }).click();
    await admin.getByText('At least 1 failed login.').waitFor();
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await admin.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('policy.lockoutThreshold');
    await threshold.fill('5');
    await admin.getByRole('button', { name: 'Save Settings' }).click();
    await admin.getByText('Delete after must be more days than Disable after.').waitFor();
    await field(admin, 'Delete after (days without login)').fill('400');
    await Promise.all([
      admin.waitForResponse((response) => response.url().includes('/api/staff/portals/producers/settings') && response.request().method() === 'PATCH'),
      admin.getByRole('button', { name: 'Save Settings' }).click(),
    ]);
    await statusMessage(admin, 'The settings of Blue Access for Producers were saved.');
    await expectNoSeriousAxeViolations(admin, 'portal settings (security administrator)');
    // Put it back, so other tests see the default lockout.
    await threshold.fill('3');
    await Promise.all([
      admin.waitForResponse((response) => response.url().includes('/api/staff/portals/producers/settings') && response.request().method() === 'PATCH'),
      admin.getByRole('button', { name: 'Save Settings' }).click(),
    ]);
  });

  // Reads what the Password Manager and Security Manager tests above did: run the whole file.
  it('the help desk finds a user, and the audit log shows what the administrators did (ID-11)', async () => {
    // What the log is to show, made here through the API: this test reads no other test's doing.
    await e2e.api('producers', 'lkim', 'Producer#2026'); // a last login date to show
    const pp = await e2e.api('producers', 'mreyes', 'Producer#2026');
    const [lkim] = ((await (await pp.get('/api/password-manager/users?q=lkim')).json()) as TUserPage).items;
    if (!lkim) throw new Error('demo data: lkim');
    expect((await pp.post(`/api/password-manager/users/${lkim.id}/disable`)).status).toBe(200);
    const refused = await fetch(`${e2e.server.baseUrl}/api/portals/producers/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lkim', password: 'Producer#2026' }),
    });
    expect(refused.status).toBe(403);
    expect((await pp.post(`/api/password-manager/users/${lkim.id}/reinstate`)).status).toBe(200);
    const da = await e2e.api('employers', 'agarcia', 'Employer#2026');
    expect((await (await da.get('/api/security-manager/users.csv')).text()).split('\r\n').length).toBeGreaterThan(2);

    const staff = await signedIn('staff', 'helpdesk', 'Staff#2026!');
    await staff.getByRole('main').getByRole('link', { name: 'User Search' }).click();
    await staff.waitForURL('**/staff/users');
    await staff.getByRole('searchbox', { name: 'Name, User Name or E-mail' }).fill('lkim');
    await staff.getByRole('combobox', { name: 'Portal' }).selectOption('producers');
    await Promise.all([
      staff.waitForResponse((response) => response.url().includes('/api/staff/users?') && response.url().includes('q=lkim')),
      staff.getByRole('button', { name: 'Search', exact: true }).click(),
    ]);
    await userRow(staff, 'lkim').waitFor();
    expect(await cellOf(staff, 'lkim', 'Portal')).toBe('Blue Access for Producers');
    expect(await cellOf(staff, 'lkim', 'Status')).toBe('Active');
    expect(await cellOf(staff, 'lkim', 'Last Login Date')).toMatch(/\d{4}/);
    // The help desk may reset a password (asked first), but the Cancel leaves it as it was.
    await userRow(staff, 'lkim').getByRole('button', { name: 'Reset Password lkim' }).click();
    await staff.getByRole('dialog', { name: 'Reset Password' }).getByRole('button', { name: 'Cancel' }).click();

    await openTool(staff, 'Audit Log', '/staff/audit');
    await field(staff, 'User').fill('lkim');
    await Promise.all([
      staff.waitForResponse((response) => response.url().includes('/api/staff/audit?') && response.url().includes('user=lkim')),
      staff.getByRole('button', { name: 'Search', exact: true }).click(),
    ]);
    const table = staff.getByRole('table', { name: /Audit events/ });
    await table.getByRole('row').nth(1).waitFor();
    const actions = await table.locator('tbody tr td:nth-of-type(1)').allTextContents();
    expect(actions).toContain('user.disabled');
    expect(actions).toContain('user.reinstated');
    expect(actions).toContain('login.refused_disabled');
    // Newest first: the reinstatement comes before the disabling.
    expect(actions.indexOf('user.reinstated')).toBeLessThan(actions.indexOf('user.disabled'));
    const disabled = table.getByRole('row').filter({ hasText: 'user.disabled' }).first();
    expect(await disabled.textContent()).toContain('mreyes');
    await staff.getByText(/Showing 1 - \d+ of \d+/).waitFor();

    // The export of the group's users is in the log too.
    await field(staff, 'User').fill('agarcia');
    // The Action field suggests actions (a text box with a list: a combobox).
    await staff.getByRole('combobox', { name: 'Action' }).fill('user.exported');
    await Promise.all([
      staff.waitForResponse((response) => response.url().includes('/api/staff/audit?') && response.url().includes('action=user.exported')),
      staff.getByRole('button', { name: 'Search', exact: true }).click(),
    ]);
    await table.getByRole('row').filter({ hasText: 'user.exported' }).first().waitFor();
  });
});
