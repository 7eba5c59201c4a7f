import { describe, expect, it } from 'vitest';
import { page, PAGE_MAX } from './list-query.ts';
import { ZStaffTicketQuery, ZTicketListQuery } from './service-request-schemas.ts';

describe('page', () => {
  it('stops at page 10,000 (a deep OFFSET is a cheap way to load the database) and says why', () => {
    expect(PAGE_MAX).toBe(10_000);
    expect(page.parse('10000')).toBe(10_000);
    const deep = page.safeParse('10001');
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0]?.message).toBe('At most page 10000: narrow the search.');
    expect(page.safeParse('1000000').success).toBe(false);
  });

  it('lets an address with a deeper page fall back to page 1, as the web reads its lists (useUrlQuery drops a refused value)', () => {
    for (const schema of [ZTicketListQuery, ZStaffTicketQuery]) {
      expect(schema.shape.page.safeParse('10001').success).toBe(false);
      expect(schema.parse({}).page).toBe(1);
    }
  });
});
