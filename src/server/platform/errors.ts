// The one registry of error codes. Services throw AppError(code); the HTTP layer renders
// { code, message } with the registered status. Internals never reach the user.

export const ERROR_CODES = {
  'request.invalid': { status: 400, message: 'The request is invalid.' },
  'request.malformed_json': { status: 400, message: 'The request body is not valid JSON.' },
  'request.unsupported_media_type': { status: 415, message: 'Send the request body as application/json.' },
  'request.too_large': { status: 413, message: 'The request body is too large.' },
  'route.not_found': { status: 404, message: 'There is nothing at this address.' },
  'portal.not_found': { status: 404, message: 'There is no such portal.' },
  'auth.invalid_credentials': { status: 401, message: 'Login failed.' },
  'auth.locked': { status: 401, message: 'The account is temporarily locked.' },
  'auth.disabled': { status: 403, message: 'This user ID no longer has access to the system.' },
  'auth.too_many_attempts': {
    status: 429,
    message: 'Too many failed logins from your network. Please wait a few minutes and try again.',
  },
  'auth.unauthenticated': { status: 401, message: 'Please log in.' },
  'auth.forbidden': { status: 403, message: 'You do not have access to this.' },
  'auth.password_change_required': { status: 403, message: 'Please change your temporary password before you continue.' },
  'auth.csrf': { status: 403, message: 'The request could not be verified. Reload the page and try again.' },
  'db.unavailable': {
    status: 503,
    message: 'Login failed due to either an invalid user ID and/or password, or a connection cannot be established. Please try again.',
  },
  'db.embedded_busy': { status: 503, message: 'The embedded database is in use by another process.' },
  'user.not_found': { status: 404, message: 'There is no such user in this portal.' },
  'user.username_taken': { status: 409, message: 'That user name is already taken in this portal.' },
  'user.invalid_role': { status: 400, message: 'That role does not belong to this portal.' },
  'user.producer_not_found': { status: 400, message: 'No producer has that Agent Unique ID.' },
  'user.group_not_found': { status: 400, message: 'No employer group has that account number.' },
  'user.link_required': { status: 400, message: 'This role needs a link to a producer or employer group.' },
  'user.producer_has_account': { status: 409, message: 'This producer already has a Retail Producer Portal account.' },
  'user.weak_password': { status: 400, message: "The password does not meet the portal's password rules." },
  'user.deleted': { status: 409, message: 'A deleted user ID cannot be restored; create a new one.' },
  'user.not_disabled': { status: 409, message: 'This user ID is not disabled.' },
  'user.already_disabled': { status: 409, message: 'This user ID is already disabled.' },
  'user.not_active': { status: 409, message: 'Reinstate this user ID before you reset its password.' },
  'user.no_email': { status: 409, message: 'This user ID has no e-mail address on file, so a temporary password cannot be sent.' },
  'settings.invalid': { status: 400, message: 'These settings do not fit together.' },
  'registration.closed': { status: 403, message: 'Self-registration is not available for this portal.' },
  'registration.no_match': { status: 400, message: 'The Agent Unique ID and E-mail Address do not match our producer records.' },
  'registration.already_registered': {
    status: 409,
    message: 'This Agent Unique ID is already registered. Use "Forgot User Name?" or "Reset Password?" on the login page.',
  },
  'registration.link_invalid': { status: 400, message: 'This confirmation link is not valid or has expired. Please register again.' },
  'registration.too_many_attempts': {
    status: 429,
    message: 'Too many registration attempts. Please wait a while and try again.',
  },
  'password.current_wrong': { status: 400, message: 'The Current Password is not correct.' },
  'password.same_as_current': { status: 400, message: 'The New Password must be different from the Current Password.' },
  'ticket.not_found': { status: 404, message: 'There is no such request ticket.' },
  'ticket.closed': { status: 409, message: 'This request ticket is closed.' },
  'ticket.status_not_allowed': { status: 409, message: 'The request ticket cannot move to that status now.' },
  'sep.already_affirmed': { status: 409, message: 'You have already affirmed the SEP training for this plan year.' },
  'book.no_states': { status: 409, message: 'You are not appointed in any state yet, so there is no book of business to show. Call Producer Services.' },
  'book.state_required': { status: 409, message: 'Choose the state to work in first.' },
  'book.state_not_appointed': { status: 400, message: 'Choose one of the states you are appointed in.' },
  'book.group_not_found': { status: 404, message: 'There is no such employer group in your book of business.' },
  'book.client_not_found': { status: 404, message: 'There is no such client in your book of business.' },
  'book.producer_not_found': { status: 404, message: 'No producer has that Agent Unique ID.' },
  'commissions.statement_not_found': { status: 404, message: 'There is no commission statement for that month.' },
  'commissions.not_allowed': { status: 403, message: 'Your Primary Producer has not given you access to commissions.' },
  'resource.not_found': { status: 404, message: 'There is no such form or course.' },
  'resource.upload_taken': { status: 409, message: 'That file is already published, or was not uploaded by you. Upload the PDF again.' },
  'document.not_found': { status: 404, message: 'This portal offers no such document.' },
  'upload.empty': { status: 400, message: 'The file is empty. Choose the file again.' },
  'upload.too_large': { status: 413, message: 'The file is too large.' },
  'upload.type_refused': { status: 415, message: 'Upload a PDF, PNG or JPEG file.' },
  'upload.not_found': { status: 400, message: 'An attached file was not found. Upload it again.' },
  'upload.too_many': { status: 400, message: 'Too many files are attached.' },
  'upload.missing': { status: 400, message: 'Choose a file to upload.' },
  'upload.quota': { status: 429, message: 'Too many uploaded files are waiting to be sent with a request.' },
  'data.conflict': { status: 409, message: 'This conflicts with a record that already exists.' },
  'data.reference_missing': { status: 409, message: 'This refers to a record that does not exist or is still in use.' },
  'data.invalid': { status: 400, message: 'A value does not meet the rules for stored data.' },
  'feed.token_invalid': { status: 401, message: 'Send a valid feed token: Authorization: Bearer <token>.' },
  'feed.unknown_kind': { status: 404, message: 'There is no such feed kind.' },
  'feed.unsupported_media_type': { status: 415, message: 'Send the feed as a text/csv body.' },
  'feed.too_large': { status: 413, message: 'The feed file is larger than this server accepts.' },
  'feed.token_name_taken': { status: 409, message: 'A feed token already has that name.' },
  'feed.token_not_found': { status: 404, message: 'No feed token has that name.' },
  internal: { status: 500, message: 'Something went wrong on our side. Please try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type TErrorCode = keyof typeof ERROR_CODES;

export interface TFieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly status: number;
  readonly fields: TFieldError[] | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: TErrorCode, options: { message?: string; fields?: TFieldError[]; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(options.message ?? ERROR_CODES[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** True when the database (not the query) is the problem: the user gets ID-3's text and a 503. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|PGlite is closed/i.test(e.message)) return true;
  }
  return false;
}
