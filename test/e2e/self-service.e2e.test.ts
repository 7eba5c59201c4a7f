// Self-service as a person does it in Chromium (ID-5 … ID-9, BK-7): register and confirm from the
// e-mail, recover a user name, reset a password and change the temporary one, the challenge
// question. E-mail goes through a real SMTP server; every new page gets an axe check.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/shared/portals.ts';
import { CHALLENGE_QUESTIONS, SELF_SERVICE_TEXTS } from '../../src/shared/self-service-schemas.ts';
import { alertText, createE2e, expectNoSeriousAxeViolations, field, heading, logIn, mailTo, passwordField, temporaryPasswordIn } from '../support/e2e.ts';

const e2e = createE2e({ smtp: true, failOnPageErrors: true });
const { openPage } = e2e;

async function submitAndWait(page: Page, buttonName: string, urlPart: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.url().includes(urlPart) && response.request().method() !== 'GET'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
}

describe('self-service pages', () => {
  it.each([
    ['/retail/register', 'Register'],
    ['/retail/forgot-username', 'Forgot User Name?'],
    ['/producers/forgot-username', 'Forgot User Name?'],
    ['/retail/reset-password', 'Reset Password?'],
    ['/employers/reset-password', 'Reset Password?'],
    ['/help/producer-services', 'Contact Producer Services'],
  ])('%s is accessible and shows "%s"', async (path, title) => {
    const page = await openPage(path);
    expect(await heading(page)).toBe(title);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, path);
  });

  it('the forms carry the seed labels and the required-field note', async () => {
    const register = await openPage('/retail/register');
    for (const name of ['Agent Unique ID', 'E-mail Address', 'User Name']) expect(await field(register, name).getAttribute('required')).toBe('');
    for (const label of ['Password', 'Confirm Password']) expect(await passwordField(register, label).getAttribute('type')).toBe('password');
    await register.getByText('Agent Unique ID *', { exact: true }).waitFor();
    await register.getByText(SELF_SERVICE_TEXTS.requiredNote).waitFor();

    const reset = await openPage('/retail/reset-password');
    await reset.getByText('Please enter the User Name AND one of these: 1) Email Address OR 2) Agent Unique ID linked to your account.').waitFor();
    expect(await field(reset, 'User Name').getAttribute('required')).toBe('');
    expect(await field(reset, 'E-mail Address').getAttribute('required')).toBeNull();
    expect(await field(reset, 'Agent Unique ID').getAttribute('required')).toBeNull();

    const producers = await openPage('/producers/forgot-username');
    expect(await field(producers, 'Agent Unique ID').count()).toBe(0);
    expect(await field(producers, 'E-mail Address').getAttribute('required')).toBe('');
    await producers.getByText('If you need assistance, please contact Producer Services at:').waitFor();
  });

  it('the staff console has no self-service pages', async () => {
    for (const path of ['/staff/forgot-username', '/staff/reset-password', '/producers/register']) {
      const page = await openPage(path);
      expect(await heading(page), path).toBe('Page not found');
    }
  });

  it('the Producer Services table is a real table with headers (BK-7)', async () => {
    const page = await openPage('/');
    await page.getByRole('link', { name: 'Contact Producer Services' }).click();
    await page.waitForURL('**/help/producer-services');
    const table = page.getByRole('table', { name: /Producer Services phone numbers/ });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Line of business', 'IL', 'MT', 'NM', 'OK', 'TX']);
    const majorMedical = table.getByRole('row', { name: /^Major Medical/ });
    expect(await majorMedical.getByRole('rowheader').textContent()).toBe('Major Medical');
    expect(await majorMedical.getByRole('link', { name: '(888) 313-5526' }).getAttribute('href')).toBe('tel:+18883135526');
  });

  it('login pages of producers and employers link to the help pages', async () => {
    for (const portal of ['producers', 'employers'] as const) {
      const page = await openPage(`/${portal}/login`);
      expect(await page.getByRole('link', { name: 'Forgot User Name?' }).getAttribute('href')).toBe(`/${portal}/forgot-username`);
      expect(await page.getByRole('link', { name: 'Reset Password?' }).getAttribute('href')).toBe(`/${portal}/reset-password`);
      expect(await page.getByRole('link', { name: 'Register' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Contact Producer Services' }).getAttribute('href')).toBe('/help/producer-services');
    }
  });

  it('register checks the form before sending it (ID-4, ID-5)', async () => {
    const page = await openPage('/retail/register');
    await page.getByRole('button', { name: 'Submit' }).click();
    const agentId = field(page, 'Agent Unique ID');
    await page.getByText('Enter your Agent Unique ID.').waitFor();
    expect(await agentId.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('agentUniqueId');

    await agentId.fill('000600501');
    await field(page, 'E-mail Address').fill('marcus.reyes@lonestar-benefits.example');
    await field(page, 'User Name').fill('mreyes-retail');
    await passwordField(page, 'Password').fill('Reyes#26');
    await passwordField(page, 'Confirm Password').fill('Reyes#27');
    await page.getByRole('button', { name: 'Submit' }).click();
    const password = passwordField(page, 'Password');
    await page.getByText('The password can only contain letters and/or numbers; no special characters are allowed.').waitFor();
    // The rule text and the error are both read with the field.
    const describedBy = (await password.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described).toEqual([
      'The password must be six to nine characters, letters and/or numbers only.',
      'The password can only contain letters and/or numbers; no special characters are allowed.',
    ]);
    await page.getByText('The passwords do not match.').waitFor();
  });
});

describe('self-service flows with e-mail', () => {
  it('registers with a roster entry, confirms from the e-mail link and logs in (ID-5)', async () => {
    const page = await openPage('/retail/login');
    await page.getByRole('link', { name: 'Register' }).click();
    await page.waitForURL('**/retail/register');
    await field(page, 'Agent Unique ID').fill('000600501');
    await field(page, 'E-mail Address').fill('marcus.reyes@lonestar-benefits.example');
    await field(page, 'User Name').fill('marcusreyes');
    await passwordField(page, 'Password').fill('Reyes2026');
    await passwordField(page, 'Confirm Password').fill('Reyes2026');
    await submitAndWait(page, 'Submit', '/registrations');
    await page.getByText(SELF_SERVICE_TEXTS.registrationSent).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Registration Submitted');

    // Not confirmed yet: the account does not work.
    await page.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/retail/login');
    await logIn(page, 'marcusreyes', 'Reyes2026');
    expect(await alertText(page)).toBe(TEXTS.retailInvalidCredentials);

    const mail = await e2e.smtp.waitFor(mailTo('marcus.reyes@lonestar-benefits.example', 'Retail Producer Portal Registration Confirmation'), 10_000);
    const link = /https?:\/\/\S+\/retail\/register\/confirm\?token=[\w-]+/.exec(mail.text)?.[0];
    expect(link, mail.text).toBeDefined();
    expect(link?.startsWith(`${e2e.server.baseUrl}/`)).toBe(true);

    await page.goto(link ?? '');
    await page.getByRole('status').filter({ hasText: SELF_SERVICE_TEXTS.registrationConfirmed }).waitFor();
    expect(await heading(page)).toBe('Confirm Registration');
    await expectNoSeriousAxeViolations(page, 'registration confirmed');
    await page.getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL('**/retail/login');
    await logIn(page, 'marcusreyes', 'Reyes2026');
    await page.waitForURL('**/retail/home');
    expect(await heading(page)).toBe('Welcome, Marcus Reyes');

    // The link is single-use.
    const again = await openPage(new URL(link ?? '').pathname + new URL(link ?? '').search);
    expect((await alertText(again))?.length).toBeGreaterThan(0);
    expect(await again.getByRole('link', { name: 'Register again' }).getAttribute('href')).toBe('/retail/register');
    await expectNoSeriousAxeViolations(again, 'registration link used');
  });

  it('sends the user name to the e-mail address on file (ID-6)', async () => {
    const page = await openPage('/retail/login');
    await page.getByRole('link', { name: 'Forgot User Name?' }).click();
    await page.waitForURL('**/retail/forgot-username');
    await field(page, 'Agent Unique ID').fill('000600492');
    await field(page, 'E-mail Address').fill('Jessica_Camp@hscil.com');
    await submitAndWait(page, 'Submit', '/forgot-username');
    const panel = page.getByRole('region', { name: 'Request Submitted' });
    await panel.getByText(SELF_SERVICE_TEXTS.forgotUsernameSent).waitFor();
    await expectNoSeriousAxeViolations(page, 'forgot user name: request submitted');
    await panel.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/retail/login');

    const mail = await e2e.smtp.waitFor(mailTo('Jessica_Camp@hscil.com', 'Retail Producer Portal User Name Request'), 10_000);
    expect(mail.text).toContain('User Name(s) linked to your email address: jessicacamp.');
    expect(mail.text).toContain('IL: (888) 313-5526');

    // The same neutral answer for an address that matches nothing.
    const other = await openPage('/producers/forgot-username');
    await field(other, 'E-mail Address').fill('nobody@nowhere.example');
    await submitAndWait(other, 'Submit', '/forgot-username');
    await other.getByRole('region', { name: 'Request Submitted' }).getByText(SELF_SERVICE_TEXTS.forgotUsernameSent).waitFor();
  });

  it('resets a password, forces the change of the temporary one, then only the new one works (ID-7, ID-8, ID-9)', async () => {
    const page = await openPage('/retail/login');
    await page.getByRole('link', { name: 'Reset Password?' }).click();
    await page.waitForURL('**/retail/reset-password');
    await field(page, 'User Name').fill('jessicacamp');
    await field(page, 'Agent Unique ID').fill('000600492');
    await submitAndWait(page, 'Submit', '/password-resets');
    const panel = page.getByRole('region', { name: 'Request Submitted' });
    await panel.getByText(SELF_SERVICE_TEXTS.passwordResetSent).waitFor();
    await expectNoSeriousAxeViolations(page, 'reset password: request submitted');
    await panel.getByRole('button', { name: 'OK' }).click();
    await page.waitForURL('**/retail/login');

    const mail = await e2e.smtp.waitFor(mailTo('Jessica_Camp@hscil.com', 'Retail Producer Portal Password Reset'), 10_000);
    const temporary = temporaryPasswordIn(mail);
    expect(temporary).toMatch(/^[A-Za-z0-9]{6,9}$/);

    // The temporary password opens only Edit Profile.
    await logIn(page, 'jessicacamp', temporary);
    await page.waitForURL('**/retail/profile');
    expect(await heading(page)).toBe('Edit Profile');
    await page.getByText('Please change your temporary password before you continue.').waitFor();
    await expectNoSeriousAxeViolations(page, 'profile with a temporary password');
    // Home is a new history entry, which the redirect replaces with the profile again: wait for both,
    // not for the address (it is the profile's already while the home page's code loads).
    const entry = await page.evaluate(() => (history.state as { idx: number }).idx);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.waitForFunction((before) => (history.state as { idx: number }).idx === before + 1 && location.pathname === '/retail/profile', entry);
    await page.getByText('Please change your temporary password before you continue.').waitFor();

    // A wrong current password is refused next to its field.
    await passwordField(page, 'Current Password').fill('Wrong123');
    await passwordField(page, 'New Password').fill('Camp2027');
    await passwordField(page, 'Confirm New Password').fill('Camp2027');
    await submitAndWait(page, 'Update Password', '/api/me/password');
    const current = passwordField(page, 'Current Password');
    await page.locator('.field-error').first().waitFor();
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('currentPassword');
    expect(await passwordField(page, 'New Password').getAttribute('aria-describedby')).toMatch(/hint/);

    await page.getByText('Click "Update Password" to save the new password.').waitFor();
    await page.getByText('Once the password has been changed you will be required to login using your new password.').waitFor();
    await current.fill(temporary);
    await passwordField(page, 'New Password').fill('Camp2027');
    await passwordField(page, 'Confirm New Password').fill('Camp2027');
    await submitAndWait(page, 'Update Password', '/api/me/password');
    const update = page.getByRole('region', { name: 'Password Update' });
    await update.getByText('Your password has been updated.').waitFor();
    await expectNoSeriousAxeViolations(page, 'password update');
    await update.getByRole('button', { name: 'Back to Profile Page' }).click();

    // Every session ended: the profile page goes through the login page and comes back.
    await page.waitForURL('**/retail/login?next=%2Fretail%2Fprofile');
    await logIn(page, 'jessicacamp', 'Retail26');
    expect(await alertText(page)).toBe(TEXTS.retailInvalidCredentials);
    await logIn(page, 'jessicacamp', temporary);
    expect(await alertText(page)).toBe(TEXTS.retailInvalidCredentials);
    await logIn(page, 'jessicacamp', 'Camp2027');
    await page.waitForURL('**/retail/profile');
    expect(await page.getByText('Please change your temporary password before you continue.').count()).toBe(0);

    // ID-9: the challenge question, now that the password is changed.
    const question = CHALLENGE_QUESTIONS[1];
    await page.getByRole('combobox', { name: 'Question' }).selectOption(question);
    await field(page, 'Answer').fill('Biscuit');
    await submitAndWait(page, 'Update Challenge Question', '/api/me/challenge-question');
    await page.getByRole('status').filter({ hasText: SELF_SERVICE_TEXTS.challengeQuestionUpdated }).waitFor();
    await page.getByText(`Current question: ${question}`).waitFor();
    expect(await field(page, 'Answer').inputValue()).toBe('');
    await expectNoSeriousAxeViolations(page, 'profile');

    // The Account menu leads here too.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.waitForURL('**/retail/home');
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('link', { name: 'Edit Profile' }).click();
    await page.waitForURL('**/retail/profile');
    await page.getByText(`Current question: ${question}`).waitFor();
  });

  it('a login continues only to a page of the same portal', async () => {
    const page = await openPage('/producers/login?next=https%3A%2F%2Fevil.example%2Fproducers%2Fprofile');
    await logIn(page, 'lkim', 'Producer#2026');
    await page.waitForURL('**/producers/home');
  });
});
