// One file sent as multipart (field `file`) with upload progress: XMLHttpRequest, because fetch
// reports none. Used by request forms (POST /api/uploads) and staff publishing a portal document
// (PUT). The answer is checked with the route's schema; a refusal becomes an ApiError, like apiRequest's.
import type { z } from 'zod';
import { ZErrorResponse } from '../shared/identity-schemas.ts';
import { ApiError, CLIENT_ERROR_CODES, csrfHeader } from './api.ts';

interface TSendFile<TSchema extends z.ZodType> {
  method: 'POST' | 'PUT';
  url: string;
  file: File;
  schema: TSchema;
  /** What the user reads when the server's refusal cannot be read either. */
  failure: string;
  /** The fraction sent so far (0…1). */
  onProgress?: (fraction: number) => void;
}

export function sendFile<TSchema extends z.ZodType>(request: TSendFile<TSchema>): Promise<z.infer<TSchema>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(request.method, request.url);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) request.onProgress?.(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      try {
        resolve(answerOf(xhr, request));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    xhr.addEventListener('error', () => {
      reject(new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: 'The file could not be sent. Check your connection and try again.' }));
    });
    const body = new FormData();
    body.append('file', request.file, request.file.name);
    xhr.send(body);
  });
}

function answerOf<TSchema extends z.ZodType>(xhr: XMLHttpRequest, request: TSendFile<TSchema>): z.infer<TSchema> {
  const payload = parseJson(xhr.responseText);
  if (xhr.status >= 200 && xhr.status < 300) {
    const parsed = request.schema.safeParse(payload);
    if (parsed.success) return parsed.data;
    throw new ApiError(xhr.status, {
      code: CLIENT_ERROR_CODES.badResponse,
      message: 'The server sent an answer this page does not understand. Please reload.',
    });
  }
  const refusal = ZErrorResponse.safeParse(payload);
  throw new ApiError(xhr.status, refusal.success ? refusal.data : { code: CLIENT_ERROR_CODES.badResponse, message: request.failure });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
