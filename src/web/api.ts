// The one way the web app talks to the server: JSON in and out, the CSRF header on every
// state-changing request, and every failure as an ApiError carrying the server's {code, message, fields}.
import type { z } from 'zod';
import { ZErrorResponse, type TErrorResponse } from '../shared/identity-schemas.ts';

export type TFieldErrors = NonNullable<TErrorResponse['fields']>;

/** Codes the client itself produces when no server answer could be read. */
export const CLIENT_ERROR_CODES = {
  network: 'client.network',
  badResponse: 'client.bad_response',
} as const;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: TFieldErrors;

  constructor(status: number, body: TErrorResponse) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

let csrfToken: string | undefined;

/**
 * The signed-in session's CSRF token (decision 0004), kept here so that every state-changing
 * request carries it and no page has to. Set from each session the server hands out; cleared on logout.
 */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The CSRF header for a request apiRequest cannot make (an upload through XMLHttpRequest, for its progress). */
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

interface TRequestOptions<TSchema extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Validates the success body; omit for answers without one (204). */
  schema?: TSchema;
}

type TResult<TSchema> = TSchema extends z.ZodType ? z.infer<TSchema> : undefined;

export async function apiRequest<TSchema extends z.ZodType | undefined = undefined>(
  path: string,
  options: TRequestOptions<TSchema> = {},
): Promise<TResult<TSchema>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const method = options.method ?? 'GET';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: 'The server cannot be reached. Check your connection and try again.' });
  }

  const payload = await readJson(response);
  if (!response.ok) {
    const parsed = ZErrorResponse.safeParse(payload);
    throw new ApiError(
      response.status,
      parsed.success
        ? parsed.data
        : {
            code: CLIENT_ERROR_CODES.badResponse,
            message: 'Something went wrong. Please try again.',
          },
    );
  }
  if (!options.schema) return undefined as TResult<TSchema>;
  const parsed = options.schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiError(response.status, {
      code: CLIENT_ERROR_CODES.badResponse,
      message: 'The server sent an answer this page does not understand. Please reload.',
    });
  }
  return parsed.data as TResult<TSchema>;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** A query string of the defined, non-empty values. */
export function queryString(query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
