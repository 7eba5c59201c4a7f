// A portal's root and its login page opened by someone already signed in: they are sent on to
// where they belong (home, or the Change Password step of a temporary password, ID-7) without a
// flash of the form; only a browser without a session of that portal sees "Please Sign-In".
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/server/features/demo/demo-data.ts';
import { PORTAL_DEFINITIONS, PORTAL_IDS } from '../../src/shared/portals.ts';
import { createE2e, field, heading, logIn, mailTo, temporaryPasswordIn } from '../support/e2e.ts';

const e2e = createE2e({ smtp: true, failOnPageErrors: true });
const { openPage, signedIn } = e2e;

/** The README's demo logins, the first of each portal. */
const FIRST_LOGINS = PORTAL_IDS.flatMap((portalId) => DEMO_LOGINS.filter((l) => l.portalId === portalId).slice(0, 1)).map((l) => ({
  portalId: l.portalId,
  username: l.username,
  password: l.password,
  name: `${l.firstName} ${l.lastName}`,
}));

const TEMPORARY_PASSWORD_NOTICE = 'Please change your temporary password before you continue.';

/** Notes in the page whether the login form was ever on screen, from the next page load on. */
async function watchForLoginForm(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = () => document.querySelector('form.login-form') !== null;
    new MutationObserver(() => {
      if (seen()) document.documentElement.dataset.sawLoginForm = 'yes';
    }).observe(document, { childList: true, subtree: true });
  });
}

async function sawLoginForm(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.dataset.sawLoginForm === 'yes');
}

/** Opens `path` as a typed address and waits until the app has moved on to `landing`. */
async function openAndLand(page: Page, path: string, landing: string): Promise<void> {
  await page.goto(`${e2e.server.baseUrl}${path}`);
  await page.waitForURL(`${e2e.server.baseUrl}${landing}`);
}

describe('portal roots and login pages', () => {
  it.each(FIRST_LOGINS)('$portalId: signed in, the root and the login page go to the home page', async ({ portalId, username, password, name }) => {
    const page = await signedIn(portalId, username, password);
    await watchForLoginForm(page);
    for (const path of [`/${portalId}`, `/${portalId}/login`]) {
      const entries = await page.evaluate(() => history.length);
      await openAndLand(page, path, `/${portalId}/home`);
      expect(await heading(page), path).toBe(`Welcome, ${name}`);
      expect(await sawLoginForm(page), `${path} showed the login form`).toBe(false);
      // The address typed was replaced, not followed by a new entry that Back would bounce from.
      expect(await page.evaluate(() => history.length), path).toBe(entries + 1);
    }
  });

  it('retail: signed in, the login page continues to its ?next= page', async () => {
    const page = await signedIn('retail', 'jessicacamp', 'Retail26');
    await openAndLand(page, '/retail/login?next=%2Fretail%2Fprofile', '/retail/profile');
    expect(await heading(page)).toBe('Edit Profile');
  });

  it('signed out, the root shows the login form', async () => {
    const page = await openPage('/retail');
    await page.getByRole('heading', { name: 'Please Sign-In' }).waitFor();
    expect(await heading(page)).toBe(PORTAL_DEFINITIONS.retail.name);
    expect(page.url()).toBe(`${e2e.server.baseUrl}/retail`);

    // The form on the root logs in like the login page does.
    await logIn(page, 'jessicacamp', 'Retail26');
    await page.waitForURL('**/retail/home');
    expect(await heading(page)).toBe('Welcome, Jessica Camp');
  });

  it('a session of another portal is no sign-in to this one', async () => {
    const page = await signedIn('producers', 'mreyes', 'Producer#2026');
    for (const path of ['/retail', '/staff/login']) {
      await page.goto(`${e2e.server.baseUrl}${path}`);
      await page.getByRole('heading', { name: 'Please Sign-In' }).waitFor();
      expect(page.url(), path).toBe(`${e2e.server.baseUrl}${path}`);
    }
  });

  // Uses up the reset of jessicacamp; her own password keeps working (decision 0006).
  it('retail: with a temporary password, the root and the login page go to the Change Password step (ID-7)', async () => {
    const request = await openPage('/retail/reset-password');
    await field(request, 'User Name').fill('jessicacamp');
    await field(request, 'Agent Unique ID').fill('000600492');
    await request.getByRole('button', { name: 'Submit', exact: true }).click();
    await request.getByRole('region', { name: 'Request Submitted' }).waitFor();
    const mail = await e2e.smtp.waitFor(mailTo('Jessica_Camp@hscil.com', 'Retail Producer Portal Password Reset'), 10_000);
    const temporary = temporaryPasswordIn(mail);

    const page = await openPage('/retail/login');
    await logIn(page, 'jessicacamp', temporary);
    await page.waitForURL('**/retail/profile');
    await watchForLoginForm(page);
    for (const path of ['/retail', '/retail/login']) {
      await openAndLand(page, path, '/retail/profile');
      expect(await heading(page), path).toBe('Edit Profile');
      await page.getByText(TEMPORARY_PASSWORD_NOTICE).waitFor();
      expect(await sawLoginForm(page), `${path} showed the login form`).toBe(false);
    }
  });
});
