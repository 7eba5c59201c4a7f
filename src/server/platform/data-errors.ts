// A statement refused by the database because of its input (a taken key, a missing reference, a
// value PostgreSQL cannot store) is the caller's mistake, not ours: it becomes a typed AppError
// with a clear message (4xx over HTTP, one line on the CLI), never the SQL text or a stack.
import { findDatabaseError } from '../db/database-errors.ts';
import { AppError, type TErrorCode } from './errors.ts';

/** Constraints whose violation has a code of its own; any other falls back by SQLSTATE class. */
const CONSTRAINT_CODES: Record<string, TErrorCode> = {
  users_portal_username_key: 'user.username_taken',
  users_retail_producer_key: 'user.producer_has_account',
  users_portal_id_portals_id_fk: 'portal.not_found',
  sessions_portal_id_portals_id_fk: 'portal.not_found',
  login_attempts_portal_id_portals_id_fk: 'portal.not_found',
  // Two publications of one uploaded PDF at once: the second is refused here (decision 0022).
  resources_upload_id_unique: 'resource.upload_taken',
};

/** Data exceptions (SQLSTATE class 22) that input causes; others of the class (22012 division by zero, …) are our bugs. */
const DATA_EXCEPTION_MESSAGES: Record<string, string> = {
  '22001': 'A value is longer than allowed.',
  '22003': 'A number is out of range.',
  '22007': 'A date or time is not valid.',
  '22008': 'A date or time is out of range.',
  '22021': 'A value contains a character that cannot be stored (such as U+0000).',
  '22P05': 'A value contains a character that cannot be stored (such as U+0000).',
  '22P02': 'A value is not in the expected form.',
};

/** The AppError for a database refusal caused by input, or undefined for anything else. */
export function toDataError(error: unknown): AppError | undefined {
  const found = findDatabaseError(error);
  if (!found) return undefined;
  const known = found.constraint === undefined ? undefined : CONSTRAINT_CODES[found.constraint];
  if (known) return new AppError(known, { cause: error });
  const { sqlState } = found;
  if (sqlState === '23505') return new AppError('data.conflict', { cause: error });
  if (sqlState === '23503') return new AppError('data.reference_missing', { cause: error });
  if (sqlState === '23502' || sqlState === '23514') return new AppError('data.invalid', { cause: error });
  const valueRule = DATA_EXCEPTION_MESSAGES[sqlState];
  if (valueRule) return new AppError('data.invalid', { message: valueRule, cause: error });
  return undefined;
}
