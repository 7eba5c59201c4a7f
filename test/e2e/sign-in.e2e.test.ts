// Sign-in as a person does it (ID-1, ID-2, ID-3, SR-1 header), in Chromium against a real server.
import { describe, expect, it } from 'vitest';
import { PORTAL_DEFINITIONS, PORTAL_IDS, TEXTS } from '../../src/shared/portals.ts';
import { alertText, createE2e, expectNoSeriousAxeViolations, heading, logIn, recordPageErrors } from '../support/e2e.ts';

const e2e = createE2e();
const { openPage, signedIn } = e2e;

describe('sign-in', () => {
  it('landing page links to the four login pages by portal name', async () => {
    const page = await openPage('/');
    expect(await heading(page)).toBe('Portico');
    for (const portalId of PORTAL_IDS) {
      const link = page.getByRole('link', { name: PORTAL_DEFINITIONS[portalId].name, exact: true });
      expect(await link.getAttribute('href')).toBe(`/${portalId}/login`);
    }
    await expectNoSeriousAxeViolations(page, 'landing page');
  });

  it.each(PORTAL_IDS)('%s login page is accessible and loads without console errors', async (portalId) => {
    const page = await e2e.newPage();
    // Every console error counts here, even Chromium's line for a refused request: a login page loads
    // without one, except the answer to its question whether this browser is signed in (401: it is not).
    const errors: string[] = [];
    recordPageErrors(page, errors, { ignoreRefusedRequests: false, expectedRefusals: ['/api/session'] });
    await page.goto(`${e2e.server.baseUrl}/${portalId}/login`);

    expect(await heading(page)).toBe(PORTAL_DEFINITIONS[portalId].name);
    await page.getByRole('heading', { name: 'Please Sign-In' }).waitFor();
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
    expect(await page.getByLabel('User Name').getAttribute('autocomplete')).toBe('username');
    const helpLinks = page.getByRole('link', { name: /^(Register|Forgot User Name\?|Reset Password\?)$/ });
    expect(await helpLinks.count()).toBe({ retail: 3, producers: 2, employers: 2, staff: 0 }[portalId]);
    await expectNoSeriousAxeViolations(page, `${portalId} login page`);
    expect(errors).toEqual([]);
  });

  it('shows field errors before sending an empty form', async () => {
    const page = await openPage('/producers/login');
    await page.getByRole('button', { name: 'Login' }).click();
    const username = page.getByLabel('User Name');
    await page.getByText('Enter your User Name.').waitFor();
    expect(await username.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await username.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('Enter your User Name.');
    expect(await page.getByText('Enter your Password.').count()).toBe(1);
  });

  it('producers: the home page shows the name, company and producer ID (SR-1)', async () => {
    const page = await signedIn('producers', 'mreyes', 'Producer#2026');
    expect(await heading(page)).toBe('Welcome, Marcus Reyes');
    await page.getByText('Company: Lone Star Benefits LLC').waitFor();
    await page.getByText('Producer ID: 000600501').waitFor();
    expect(await page.getByRole('banner').getByText('Blue Access for Producers').count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'producers home page');

    // A producers session is no session for another portal.
    await page.goto(`${e2e.server.baseUrl}/staff/home`);
    await page.waitForURL('**/staff/login');
    expect(await heading(page)).toBe('Portico Staff Console');
  });

  it('employers: the home page shows the group', async () => {
    const page = await signedIn('employers', 'agarcia', 'Employer#2026');
    expect(await heading(page)).toBe('Welcome, Ana Garcia');
    await page.getByText('Group: Acme Manufacturing Co.').waitFor();
    await page.getByText('Account Number: 100234').waitFor();
  });

  it('staff: the home page shows the role', async () => {
    const page = await signedIn('staff', 'helpdesk', 'Staff#2026!');
    expect(await heading(page)).toBe('Welcome, Hank Morris');
    await page.getByText('Role: Help Desk').waitFor();
  });

  it('producers: a wrong password shows the portal text, keeps the user name and clears the password', async () => {
    const page = await openPage('/producers/login');
    await logIn(page, 'lkim', 'not-the-password');
    expect(await alertText(page)).toBe(TEXTS.loginFailed);
    expect(await page.getByLabel('User Name').inputValue()).toBe('lkim');
    expect(await page.getByLabel('Password').inputValue()).toBe('');
  });

  it('unknown portals and pages show a not-found page with a link home', async () => {
    for (const path of ['/nowhere/login', '/producers/nothing-here']) {
      const page = await openPage(path);
      expect(await heading(page)).toBe('Page not found');
      expect(await page.getByRole('link', { name: 'Go to the Portico home page' }).getAttribute('href')).toBe('/');
    }
  });

  it('retail: the help links lead to their pages', async () => {
    const page = await openPage('/retail/login');
    await page.getByRole('link', { name: 'Forgot User Name?' }).click();
    await page.waitForURL('**/retail/forgot-username');
    // React Router commits the address before it renders the new page (a transition): wait for the page.
    await page.getByRole('heading', { level: 1, name: 'Forgot User Name?' }).waitFor();
    expect(await heading(page)).toBe('Forgot User Name?');
    await page.getByRole('textbox', { name: 'Agent Unique ID' }).waitFor();
  });

  it('retail: logout returns to the login page, and the home page then needs a login', async () => {
    const page = await signedIn('retail', 'jessicacamp', 'Retail26');
    expect(await heading(page)).toBe('Welcome, Jessica Camp');
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('button', { name: 'Logout' }).click();
    await page.waitForURL('**/retail/login');
    expect(await page.getByRole('status').filter({ hasText: 'You have been logged out.' }).count()).toBe(1);
    expect(await heading(page)).toBe('Retail Producer Portal');

    await page.goto(`${e2e.server.baseUrl}/retail/home`);
    await page.waitForURL('**/retail/login');
    expect(await heading(page)).toBe('Retail Producer Portal');
  });

  // Locks jessicacamp: keep it the last test that logs her in.
  it('retail: two wrong passwords, then the third locks the account, even for the right password (ID-2)', async () => {
    const page = await openPage('/retail/login');
    for (const attempt of [1, 2]) {
      await logIn(page, 'jessicacamp', `wrong${attempt}`);
      expect(await alertText(page), `attempt ${attempt}`).toBe(TEXTS.retailInvalidCredentials);
    }
    await logIn(page, 'jessicacamp', 'wrong3');
    expect(await alertText(page)).toBe(TEXTS.locked);
    await logIn(page, 'jessicacamp', 'Retail26');
    expect(await alertText(page)).toBe(TEXTS.locked);
    expect(page.url()).toBe(`${e2e.server.baseUrl}/retail/login`);
  });
});
