// Producer Services as a producer uses it in Chromium (SR-1 … SR-4): the dashboard, the Producer
// Services page with Existing Request Tickets, Request Assistance's nine options, and a ticket's
// page (reply, cancel, another producer ID's number). Staff set tickets up through their API.
// Every page gets an axe check.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { upsertProducer } from '../../src/server/features/imports/producers-import.store.ts';
import { createUser } from '../../src/server/features/user-admin/user-accounts.service.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import type { TTicketDetail } from '../../src/shared/service-request-schemas.ts';
import { REQUEST_TYPES } from '../../src/shared/service-request-types.ts';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';
import { TINY_PDF, goodRequest } from '../support/ticket-fixtures.ts';

const e2e = createE2e({ failOnPageErrors: true });
const { signedIn } = e2e;

const PASSWORD = 'Producer#2026';
const SERVICES = '/producers/producer-services';
const EXISTING_TEXT =
  'Below is a list of your request tickets that are still open. Request tickets that have been resolved are considered closed and will no longer be displayed.';

/** Waits for the h1 of the page just navigated to (the old page's h1 stays until the new one renders). */
async function newPageHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function goTo(page: Page, path: string, h1: string): Promise<void> {
  await page.goto(`${e2e.server.baseUrl}${path}`);
  await newPageHeading(page, h1);
}

let producerSequence = 0;

/** A producer ID of its own with one Primary Producer, so a test's tickets are the only ones in its list. */
async function freshProducer(): Promise<{ username: string; agentId: string }> {
  producerSequence++;
  const agentId = String(810_000_000 + ((process.pid % 1000) * 100 + producerSequence));
  const username = `w14prod${process.pid % 1000}x${producerSequence}`;
  const deps = { db: e2e.server.database.db, clock: systemClock };
  const row = { agentUniqueId: agentId, firstName: 'Pat', lastName: 'Producer', email: `${username}@example.test`, agencyName: 'Fresh Agency', states: ['TX'] };
  await upsertProducer(deps.db, row, systemClock.now());
  await createUser(deps, {
    portalId: 'producers',
    username,
    password: PASSWORD,
    role: 'primary-producer',
    producerAgentId: agentId,
    email: `${username}@example.test`,
    firstName: 'Pat',
    lastName: 'Producer',
    actor: { label: 'e2e' },
  });
  return { username, agentId };
}

type TFiledType = 'commission-dispute' | 'contact-info' | 'group-por' | 'eft';

/** Uploads a small PDF as the user (multipart, which TApiSession does not send); returns its id. */
async function uploadAs(username: string, name: string): Promise<string> {
  const login = await fetch(`${e2e.server.baseUrl}/api/portals/producers/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const body = new FormData();
  body.append('file', new Blob([TINY_PDF], { type: 'application/pdf' }), name);
  const response = await fetch(`${e2e.server.baseUrl}/api/uploads`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken }, body });
  if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

function firstOfNextMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
}

/** Files a good request of the type as the user (with a PDF where the type needs one). */
async function fileTicket(username: string, type: TFiledType): Promise<TTicketDetail> {
  const api = await e2e.api('producers', username, PASSWORD);
  const needsFile = type === 'group-por' || type === 'eft';
  const attachments = needsFile ? [await uploadAs(username, type === 'eft' ? 'voided check.pdf' : 'POR form.pdf')] : [];
  const extra = type === 'eft' ? { effectiveDate: firstOfNextMonth() } : {};
  const response = await api.post('/api/producer-services/tickets', { ...goodRequest(type), ...extra, attachments });
  if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TTicketDetail;
}

async function staffPost(path: string, body: unknown): Promise<void> {
  const staff = await e2e.api('staff', 'prodservices', 'Staff#2026!');
  const response = await staff.post(path, body);
  if (!response.ok) throw new Error(`${path} failed: ${response.status} ${await response.text()}`);
}

async function staffSetsStatus(number: string, status: 'in-progress' | 'pending-producer' | 'resolved', note?: string): Promise<void> {
  await staffPost(`/api/staff/service-requests/${number}/status`, { status, ...(note ? { note } : {}) });
}

interface TDemoTickets {
  por: string;
  dispute: string;
  eft: string;
  resolved: string;
  cancelled: string;
}

let demo: Promise<TDemoTickets> | undefined;

/**
 * Tickets of the demo producer ID 000600501 in every state, like `seed --demo` makes them (the
 * e2e server seeds users only): filed by both of its users, set up by producer services.
 */
function demoTickets(): Promise<TDemoTickets> {
  demo ??= (async () => {
    const por = (await fileTicket('lkim', 'group-por')).number;
    const dispute = (await fileTicket('mreyes', 'commission-dispute')).number;
    await staffSetsStatus(dispute, 'in-progress');
    await staffPost(`/api/staff/service-requests/${dispute}/messages`, { visibility: 'producer', body: 'We are comparing the statement with the schedule.' });
    await staffPost(`/api/staff/service-requests/${dispute}/messages`, { visibility: 'internal', body: 'Internal: check the renewal rate table.' });
    const eft = (await fileTicket('mreyes', 'eft')).number;
    await staffSetsStatus(eft, 'pending-producer', 'The voided check shows a savings account, but the request says checking. Which is it?');
    const resolved = (await fileTicket('lkim', 'contact-info')).number;
    await staffSetsStatus(resolved, 'resolved', 'Your mailing address is updated on the roster.');
    const cancelled = (await fileTicket('mreyes', 'commission-dispute')).number;
    const api = await e2e.api('producers', 'mreyes', PASSWORD);
    await api.post(`/api/producer-services/tickets/${cancelled}/cancel`);
    return { por, dispute, eft, resolved, cancelled };
  })();
  return demo;
}

function ticketTable(page: Page) {
  return page.getByRole('table', { name: 'Your open request tickets' });
}

/** The Ticket Number column of the Existing Request Tickets table, top to bottom. */
async function ticketNumbers(page: Page): Promise<string[]> {
  return ticketTable(page).getByRole('rowheader').allTextContents();
}

/** The value shown for a label in a ticket's facts or fields. */
function factValue(page: Page, label: string) {
  return page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

describe('SR-1 the producer dashboard', () => {
  it('shows the user, company and producer ID, the Producer Services link and the four sections', async () => {
    const page = await signedIn('producers', 'mreyes', PASSWORD);
    await newPageHeading(page, 'Welcome, Marcus Reyes');
    const account = page.getByRole('region', { name: 'Your account' });
    await expect.poll(() => account.textContent()).toContain('Lone Star Benefits LLC');
    expect(await account.textContent()).toContain('000600501');
    const section = (title: string) => page.getByRole('region', { name: title, exact: true });
    // The demo's commissions (BK-5) and forms (BK-6) fill the four sections.
    await section('COMMISSIONS')
      .getByText(/^Year to date/)
      .waitFor();
    await section('COMMISSION STATEMENTS').getByRole('link', { name: 'All statements' }).waitFor();
    await section('PDFs & RELATED INFORMATION').getByRole('link', { name: 'All forms' }).waitFor();
    expect(await section('PDFs & RELATED INFORMATION').getByRole('link', { name: 'Producer Appointment Request' }).count()).toBe(1);
    await section('INTERACTIVE COMMISSION REPORTING TOOL').getByRole('link', { name: 'Open the reporting tool' }).waitFor();
    expect(await page.getByText('More tools will appear here').count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'producer dashboard');

    await page.getByRole('main').getByRole('link', { name: 'Producer Services', exact: true }).first().click();
    await page.waitForURL(`**${SERVICES}`);
    await newPageHeading(page, 'Producer Services');
  });
});

describe('SR-4 the Producer Services page', () => {
  it("shows Request Assistance, the demo producer ID's open tickets (whoever filed them) and the phone directory", async () => {
    const tickets = await demoTickets();
    const page = await signedIn('producers', 'lkim', PASSWORD);
    await goTo(page, SERVICES, 'Producer Services');
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect((await trail.getByRole('listitem').allTextContents()).map((text) => text.trim())).toEqual(['Home', 'Producer Services']);
    expect(await trail.locator('[aria-current="page"]').textContent()).toBe('Producer Services');
    await page.getByRole('link', { name: 'Request Assistance', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Existing Request Tickets' }).waitFor();
    await page.getByText(EXISTING_TEXT, { exact: true }).waitFor();
    await page.getByText('Showing 1 - 3 of 3').waitFor();
    const headers = await ticketTable(page).getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Date', 'Ticket Number', 'Request Type', 'Status']);
    const rows = await ticketTable(page).getByRole('row').allTextContents();
    // Submitted (filed by Linda), In Progress and Pending (filed by Marcus); resolved and cancelled are not listed.
    expect(rows.join('\n')).toContain('Group Producer of Record Change');
    expect(rows.join('\n')).toContain('Pending Producer Response');
    expect(rows.join('\n')).toContain('In Progress');
    expect(rows.join('\n')).not.toContain('Resolved');
    expect(rows.join('\n')).not.toContain('Cancelled');
    expect((await ticketNumbers(page)).sort()).toEqual([tickets.por, tickets.dispute, tickets.eft].sort());
    await page.getByRole('table', { name: /Producer Services phone numbers/ }).waitFor();
    await expectNoSeriousAxeViolations(page, 'Producer Services page');

    await page.getByRole('link', { name: 'Request Assistance', exact: true }).click();
    await newPageHeading(page, 'Request Assistance');
  });

  it('sorts by each header both ways and pages "Showing X - Y of Z", with the state in the address', async () => {
    const producer = await freshProducer();
    const page = await signedIn('producers', producer.username, PASSWORD);
    await goTo(page, SERVICES, 'Producer Services');
    await page.getByText('Showing 0 - 0 of 0').waitFor();
    await page.getByText('You have no open request tickets.').waitFor();

    const filed = [
      await fileTicket(producer.username, 'commission-dispute'),
      await fileTicket(producer.username, 'contact-info'),
      await fileTicket(producer.username, 'commission-dispute'),
    ];
    const numbers = filed.map((ticket) => ticket.number);
    await goTo(page, `${SERVICES}?pageSize=2`, 'Producer Services');
    await page.getByText('Showing 1 - 2 of 3').waitFor();

    const numberHeader = page.getByRole('columnheader', { name: 'Ticket Number' });
    await numberHeader.getByRole('button').click();
    await expect.poll(() => numberHeader.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => ticketNumbers(page)).toEqual(numbers.slice(0, 2));
    expect(page.url()).toContain('sort=number');
    await numberHeader.getByRole('button').click();
    await expect.poll(() => numberHeader.getAttribute('aria-sort')).toBe('descending');
    await expect.poll(() => ticketNumbers(page)).toEqual([numbers[2], numbers[1]]);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Showing 3 - 3 of 3').waitFor();
    await expect.poll(() => ticketNumbers(page)).toEqual([numbers[0]]);
    expect(page.url()).toContain('page=2');
    // Back returns to the previous page of the list.
    await page.goBack();
    await page.getByText('Showing 1 - 2 of 3').waitFor();

    for (const column of ['Date', 'Request Type', 'Status']) {
      const header = page.getByRole('columnheader', { name: column });
      await header.getByRole('button').click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
      await header.getByRole('button').click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    }
    const typeHeader = page.getByRole('columnheader', { name: 'Request Type' });
    await typeHeader.getByRole('button').click();
    await expect.poll(() => typeHeader.getAttribute('aria-sort')).toBe('ascending');
    await page.getByText('Showing 1 - 2 of 3').waitFor();
    const types = await ticketTable(page).getByRole('row').allTextContents();
    expect(types.slice(1).every((row) => row.includes('Commission Dispute'))).toBe(true);
    await expectNoSeriousAxeViolations(page, 'Existing Request Tickets, sorted and paged');
  });
});

describe('SR-2 Request Assistance', () => {
  it("lists the nine options verbatim in the seed's order; password and challenge question go to the profile", async () => {
    const page = await signedIn('producers', 'mreyes', PASSWORD);
    await goTo(page, '/producers/request-assistance', 'Request Assistance');
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect((await trail.getByRole('listitem').allTextContents()).map((text) => text.trim())).toEqual(['Home', 'Request Assistance']);
    await page.getByText('You can submit your request by selecting from the list of options below.', { exact: true }).waitFor();
    const options = page.getByRole('main').getByRole('list').filter({ hasText: 'Commission Dispute' }).getByRole('link');
    expect(await options.allTextContents()).toEqual([
      'Commission Dispute',
      'Update my Group Producer of Record (POR)',
      'Update my Electronic Funds Transfer (EFT) info',
      'Update my contact info',
      'Book of Business Transfer Request',
      'Update my Blue Access for Producers password',
      'Update my challenge question',
      'Update my E&O Coverage',
      'SEP Training Affirmation',
    ]);
    expect(await options.allTextContents()).toEqual(REQUEST_TYPES.map((type) => type.label));
    expect(await page.getByRole('link', { name: 'Update my Group Producer of Record (POR)' }).getAttribute('href')).toBe(
      '/producers/request-assistance/group-por',
    );
    expect(await page.getByRole('link', { name: 'Update my challenge question' }).getAttribute('href')).toBe('/producers/profile#challenge-question');
    await expectNoSeriousAxeViolations(page, 'Request Assistance');

    await page.getByRole('link', { name: 'Update my Blue Access for Producers password' }).click();
    await newPageHeading(page, 'Edit Profile');
    expect(new URL(page.url()).pathname + new URL(page.url()).hash).toBe('/producers/profile#change-password');
    await page.locator('#change-password').getByRole('heading', { name: 'Change Password' }).waitFor();
  });
});

describe('SR-4 a ticket page', () => {
  it('shows the fields (the EFT account number masked), the files and the conversation, reached from the list', async () => {
    const { eft } = await demoTickets();
    const page = await signedIn('producers', 'mreyes', PASSWORD);
    await goTo(page, SERVICES, 'Producer Services');
    await page.getByRole('link', { name: eft, exact: true }).click();
    await newPageHeading(page, `Ticket ${eft}`);
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect((await trail.getByRole('listitem').allTextContents()).map((text) => text.trim())).toEqual(['Home', 'Producer Services', `Ticket ${eft}`]);
    expect(await factValue(page, 'Status').textContent()).toBe('Pending Producer Response');
    expect(await factValue(page, 'Request Type').textContent()).toBe('Electronic Funds Transfer (EFT) Update');
    const main = (await page.getByRole('main').textContent()) ?? '';
    expect(main).toContain('••••6789');
    expect(main).not.toContain('4400123456789');
    await page.getByText('The voided check shows a savings account, but the request says checking. Which is it?').waitFor();
    const file = page.getByRole('link', { name: 'voided check.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toBe('voided check.pdf');
    await page.getByRole('button', { name: 'Send Reply' }).waitFor();
    // Pending the producer's response: no longer Submitted, so it cannot be cancelled.
    expect(await page.getByRole('button', { name: 'Cancel Request' }).count()).toBe(0);
    await expectNoSeriousAxeViolations(page, 'ticket page');

    // Producer services' message shows; their internal note never does.
    const { dispute } = await demoTickets();
    await goTo(page, `${SERVICES}/tickets/${dispute}`, `Ticket ${dispute}`);
    await page.getByText('We are comparing the statement with the schedule.').waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain('Internal: check the renewal rate table.');
    expect(await factValue(page, 'Status').textContent()).toBe('In Progress');
  });

  it('a reply moves Pending Producer Response to In Progress, and shows in the conversation', async () => {
    const producer = await freshProducer();
    const ticket = await fileTicket(producer.username, 'commission-dispute');
    await staffSetsStatus(ticket.number, 'in-progress');
    await staffSetsStatus(ticket.number, 'pending-producer', 'Which statement line is this about?');

    const page = await signedIn('producers', producer.username, PASSWORD);
    await goTo(page, `${SERVICES}/tickets/${ticket.number}`, `Ticket ${ticket.number}`);
    expect(await factValue(page, 'Status').textContent()).toBe('Pending Producer Response');
    await page.getByText('Which statement line is this about?').waitFor();
    // An empty reply is refused at the field.
    await page.getByRole('button', { name: 'Send Reply' }).click();
    await page.getByRole('textbox', { name: 'Your reply' }).and(page.locator('[aria-invalid="true"]')).waitFor();

    await page.getByRole('textbox', { name: 'Your reply' }).fill('Line 14 of the February statement, group G-1001.');
    await page.getByRole('button', { name: 'Send Reply' }).click();
    await page.getByRole('status').filter({ hasText: 'Your reply has been sent to Producer Services.' }).waitFor();
    await expect.poll(() => factValue(page, 'Status').textContent()).toBe('In Progress');
    await page.getByText('Line 14 of the February statement, group G-1001.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('');

    await goTo(page, SERVICES, 'Producer Services');
    expect(await page.getByRole('row').filter({ hasText: ticket.number }).textContent()).toContain('In Progress');
  });

  it('cancels a Submitted ticket after a confirmation, and it leaves Existing Request Tickets', async () => {
    const producer = await freshProducer();
    const ticket = await fileTicket(producer.username, 'contact-info');
    const page = await signedIn('producers', producer.username, PASSWORD);
    await goTo(page, SERVICES, 'Producer Services');
    await page.getByText('Showing 1 - 1 of 1').waitFor();
    await page.getByRole('link', { name: ticket.number, exact: true }).click();
    await newPageHeading(page, `Ticket ${ticket.number}`);
    expect(await factValue(page, 'Status').textContent()).toBe('Submitted');

    await page.getByRole('button', { name: 'Cancel Request' }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel ticket ${ticket.number}?` });
    await dialog.waitFor();
    await expectNoSeriousAxeViolations(page, 'cancel confirmation');
    // Keeping the ticket first: nothing changes.
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await factValue(page, 'Status').textContent()).toBe('Submitted');

    await page.getByRole('button', { name: 'Cancel Request' }).click();
    await dialog.getByRole('button', { name: 'Cancel Request' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Ticket ${ticket.number} has been cancelled.` })
      .waitFor();
    await expect.poll(() => factValue(page, 'Status').textContent()).toBe('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel Request' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Send Reply' }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Producer Services' }).click();
    await newPageHeading(page, 'Producer Services');
    await page.getByText('Showing 0 - 0 of 0').waitFor();
    expect(await page.getByRole('link', { name: ticket.number }).count()).toBe(0);
  });

  it('another producer ID\'s ticket number shows "Ticket not found" with a way back', async () => {
    const marcusTicket = (await demoTickets()).dispute;
    const producer = await freshProducer();
    const page = await signedIn('producers', producer.username, PASSWORD);
    await goTo(page, `${SERVICES}/tickets/${marcusTicket}`, 'Ticket not found');
    expect(await page.getByRole('main').textContent()).not.toContain('G-1001');
    await expectNoSeriousAxeViolations(page, 'ticket not found');
    await page.getByRole('link', { name: 'Back to Producer Services' }).click();
    await newPageHeading(page, 'Producer Services');

    await goTo(page, `${SERVICES}/tickets/not-a-ticket`, 'Ticket not found');
  });
});
