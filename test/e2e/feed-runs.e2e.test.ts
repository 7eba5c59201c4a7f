// The staff console's Data Feed page (BK-8): a carrier system loads a clients file over real HTTP
// with a feed token, and the help desk sees that run listed (who, kind, counts); axe passes.
import { expect, it } from 'vitest';
import { createFeedToken } from '../../src/server/features/feed/feed-tokens.service.ts';
import { systemClock } from '../../src/server/platform/clock.ts';
import type { TFeedReportView } from '../../src/shared/feed-schemas.ts';
import { createE2e, expectNoSeriousAxeViolations } from '../support/e2e.ts';

const e2e = createE2e({ failOnPageErrors: true });

it('lists a feed run loaded over HTTP on the Data Feed page, accessibly', async () => {
  const { token } = await createFeedToken({ db: e2e.server.database.db, clock: systemClock }, { name: 'e2e-carrier', actor: { label: 'e2e' } });
  const csv = ['client_id,first_name,last_name,date_of_birth,state', 'E2E-1,Ana,Alvarez,1960-04-02,TX', 'E2E-2,Bo,Brown,1971-02-30,IL'].join('\n');
  const response = await fetch(`${e2e.server.baseUrl}/api/feed/clients`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(response.status).toBe(200);
  expect((await response.json()) as TFeedReportView).toMatchObject({ rowsRead: 2, inserted: 1, failed: 1 });

  const page = await e2e.signedIn('staff', 'helpdesk', 'Staff#2026!');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data Feed' }).click();
  await page.getByRole('heading', { level: 1, name: 'Data Feed', exact: true }).waitFor();
  const table = page.getByRole('table', { name: 'The latest 100 feed runs, newest first' });
  const row = table.getByRole('row').filter({ hasText: 'e2e-carrier' });
  await row.waitFor();
  expect(await row.getByRole('cell').allInnerTexts()).toEqual([
    'clients',
    'API',
    'e2e-carrier',
    expect.stringMatching(/ms|s$/),
    'Completed',
    '2',
    '1',
    '0',
    '0',
    '1',
    '',
  ]);
  await expectNoSeriousAxeViolations(page, '/staff/data-feed');
});
