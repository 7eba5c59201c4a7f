import { describe, expect, it } from 'vitest';
import { toDataError } from './data-errors.ts';

/** What pg and PGlite raise, wrapped as Drizzle wraps it. */
function refused(sqlState: string, constraint?: string): Error {
  const cause = Object.assign(new Error('refused'), { severity: 'ERROR', code: sqlState, constraint });
  return new Error('Failed query: insert into "users" …', { cause });
}

describe('toDataError', () => {
  it('names the rule a known constraint stands for', () => {
    expect(toDataError(refused('23505', 'users_retail_producer_key'))?.code).toBe('user.producer_has_account');
    expect(toDataError(refused('23505', 'users_portal_username_key'))?.code).toBe('user.username_taken');
  });

  it('falls back by SQLSTATE for other constraints and refused values, with a 4xx and no SQL', () => {
    const cases = [
      ['23505', 'data.conflict', 409],
      ['23503', 'data.reference_missing', 409],
      ['23514', 'data.invalid', 400],
      ['22021', 'data.invalid', 400],
      ['22001', 'data.invalid', 400],
    ] as const;
    for (const [sqlState, code, status] of cases) {
      const error = toDataError(refused(sqlState, 'some_other_constraint'));
      expect({ sqlState, code: error?.code, status: error?.status }).toEqual({ sqlState, code, status });
      expect(error?.message).not.toMatch(/insert|Failed query/i);
    }
    expect(toDataError(refused('22021'))?.message).toMatch(/U\+0000/);
  });

  it('leaves other failures alone: server errors, network errors with five-letter codes, plain errors', () => {
    expect(toDataError(refused('42P01'))).toBeUndefined();
    expect(toDataError(refused('22012'))).toBeUndefined(); // division by zero: a bug of ours, a 500
    expect(toDataError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).toBeUndefined();
    expect(toDataError(new Error('boom'))).toBeUndefined();
    expect(toDataError('not an error')).toBeUndefined();
  });
});
