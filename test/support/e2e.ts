// What the end-to-end files share: one server and one Chromium per file, a fresh browser context
// per page, and the look-ups, login and axe check that every e2e test uses the same way.
// The named export: the package's CommonJS-typed default is a namespace under NodeNext.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { TPortalId } from '../../src/shared/portals.ts';
import { launchBrowser } from './browser.ts';
import { startServer, type TRunningServer } from './server.ts';
import { startSmtpServer, type TReceivedMail, type TTestSmtpServer } from './smtp.ts';

export interface TE2eOptions {
  /** Start a test SMTP server first and let the app send its e-mail there (see startServer). */
  smtp?: boolean;
  /**
   * Fail each test whose pages logged a console error or threw, except Chromium's own line for a
   * refused request: the pages show those 4xx answers on purpose.
   */
  failOnPageErrors?: boolean;
}

/** Functions, not methods: the files take them out of the object. */
export interface TE2e {
  readonly server: TRunningServer;
  readonly browser: Browser;
  /** Only with `smtp: true`. */
  readonly smtp: TTestSmtpServer;
  /** A new browser (own cookies), not yet anywhere; closed after the test. */
  newPage: () => Promise<Page>;
  /** A new browser (own cookies) at `path`. */
  openPage: (path: string) => Promise<Page>;
  /**
   * A new browser signed in through the API (the login form has tests of its own) and at the
   * portal's home page.
   */
  signedIn: (portal: TPortalId, username: string, password: string) => Promise<Page>;
  /** Signs in through the API without a browser, to set up what a test then looks at. */
  api: (portal: TPortalId, username: string, password: string) => Promise<TApiSession>;
}

/** Registers the file's hooks (call it at the top of the file) and gives the running pieces. */
export function createE2e(options: TE2eOptions = {}): TE2e {
  let smtp: TTestSmtpServer | undefined;
  let server: TRunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  /** Console errors and uncaught exceptions of every page opened by the current test. */
  let pageErrors: string[] = [];

  beforeAll(async () => {
    // The app needs the SMTP address before it starts (it goes into its config).
    if (options.smtp) smtp = await startSmtpServer();
    [server, browser] = await Promise.all([startServer(smtp ? { smtpUrl: smtp.url } : {}), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    if (!options.failOnPageErrors) return;
    const errors = pageErrors;
    pageErrors = [];
    expect(errors, 'console errors').toEqual([]);
  });

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not running: createE2e starts it in beforeAll (the SMTP server only with smtp: true)`);
    return value;
  };

  const e2e: TE2e = {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get smtp() {
      return started(smtp, 'smtp');
    },
    newPage: async () => {
      // acceptDownloads is Playwright's default too; said here because the user list is downloaded.
      const context = await e2e.browser.newContext({ acceptDownloads: true });
      contexts.push(context);
      const page = await context.newPage();
      if (options.failOnPageErrors) recordPageErrors(page, pageErrors, { ignoreRefusedRequests: true });
      return page;
    },
    openPage: async (path) => {
      const page = await e2e.newPage();
      await page.goto(`${e2e.server.baseUrl}${path}`);
      return page;
    },
    signedIn: async (portal, username, password) => {
      const page = await e2e.newPage();
      // page.request shares the browser context's cookies: the session cookie lands in the browser.
      const response = await page.request.post(`${e2e.server.baseUrl}/api/portals/${portal}/login`, { data: { username, password } });
      if (!response.ok()) throw new Error(`login of ${username} failed: ${response.status()} ${await response.text()}`);
      await page.goto(`${e2e.server.baseUrl}/${portal}/home`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      return page;
    },
    api: (portal, username, password) => apiSession(e2e.server.baseUrl, { portal, username, password }),
  };
  return e2e;
}

export interface TApiSession {
  get: (path: string) => Promise<Response>;
  post: (path: string, body?: unknown) => Promise<Response>;
  put: (path: string) => Promise<Response>;
}

/** A signed-in API client (cookie and CSRF token) for setting up a test's data. */
async function apiSession(baseUrl: string, login: { portal: TPortalId; username: string; password: string }): Promise<TApiSession> {
  const response = await fetch(`${baseUrl}/api/portals/${login.portal}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: login.username, password: login.password }),
  });
  if (!response.ok) throw new Error(`login of ${login.username} failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken };
  return {
    get: (path) => fetch(`${baseUrl}${path}`, { headers }),
    post: (path, body = {}) =>
      fetch(`${baseUrl}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    put: (path) => fetch(`${baseUrl}${path}`, { method: 'PUT', headers }),
  };
}

interface TRecordOptions {
  /** Skip every "Failed to load resource" line Chromium logs itself for a 4xx/5xx. */
  ignoreRefusedRequests: boolean;
  /** Skip that line only for these paths: refusals the page asks for on purpose. */
  expectedRefusals?: readonly string[];
}

/** Adds to `errors` every console error and uncaught exception of `page` from now on. */
export function recordPageErrors(page: Page, errors: string[], { ignoreRefusedRequests, expectedRefusals = [] }: TRecordOptions): void {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (message.text().startsWith('Failed to load resource')) {
      // For this line Chromium gives the refused resource as the message's location.
      if (ignoreRefusedRequests || expectedRefusals.includes(new URL(message.location().url).pathname)) return;
    }
    errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
}

/** Fails on serious or critical axe violations only, and prints them, since the diff alone names no element. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    console.error(
      `axe violations on ${label}:`,
      JSON.stringify(
        serious.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) })),
        null,
        2,
      ),
    );
  }
  expect(serious, label).toEqual([]);
}

/** The text of the page's h1. */
export async function heading(page: Page): Promise<string | null> {
  return page.getByRole('heading', { level: 1 }).textContent();
}

/** A text box by its exact accessible name (the label without its visual "*"). */
export function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** Password inputs have no role: find them by their label's text, which shows the "*" of required fields. */
export function passwordField(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label}( \\*)?$`));
}

/** Fills the login form, submits it and waits for the answer of POST /api/portals/…/login. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await field(page, 'User Name').fill(username);
  await passwordField(page, 'Password').fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/login') && response.request().method() === 'POST'),
    page.getByRole('button', { name: 'Login', exact: true }).click(),
  ]);
}

/** Waits for the page's alert and gives its text. */
export async function alertText(page: Page): Promise<string | null> {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  return alert.textContent();
}

/** For smtp.waitFor: a message to this address (any case) with exactly this subject. */
export function mailTo(address: string, subject: string) {
  return (mail: TReceivedMail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()) && mail.subject === subject;
}

/** The temporary password an e-mail carries (ID-7, LC-5); fails the test when it has none. */
export function temporaryPasswordIn(mail: TReceivedMail): string {
  const temporary = /usable once\): (\S+)/.exec(mail.text)?.[1];
  expect(temporary, mail.text).toBeDefined();
  return temporary ?? '';
}
