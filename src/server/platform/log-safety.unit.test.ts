import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { redactQueryParams, safeErrorMessage } from './log-safety.ts';

describe('redactQueryParams', () => {
  it('keeps the SQL and drops the bound values from the error, its message, its stack and its wrappers', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505' });
    const failed = new DrizzleQueryError('insert into outbox_messages (text_body) values ($1)', ['Temp-Secret-Pass-7'], cause);
    const wrapped = new Error('transaction failed', { cause: failed });
    const safe = redactQueryParams(wrapped) as Error & { cause: Error & { params?: unknown; query?: string; cause: { code?: string } } };
    expect(
      JSON.stringify({ message: safe.message, stack: safe.stack, cause: { ...safe.cause, message: safe.cause.message, stack: safe.cause.stack } }),
    ).not.toContain('Temp-Secret-Pass-7');
    expect(safe.cause.message).toContain('insert into outbox_messages');
    expect(safe.cause.query).toBe('insert into outbox_messages (text_body) values ($1)');
    expect(safe.cause.params).toBeUndefined();
    expect(safe.cause.cause.code).toBe('23505');
    expect(safeErrorMessage(failed)).not.toContain('Temp-Secret-Pass-7');
  });

  it('returns other errors and values unchanged', () => {
    const plain = new Error('boom');
    expect(redactQueryParams(plain)).toBe(plain);
    expect(redactQueryParams('text')).toBe('text');
  });
});
