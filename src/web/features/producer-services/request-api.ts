// Filing a request (SR-2, SR-3) as the web does it: the portal's settings for the forms, one
// upload per file (XMLHttpRequest, because fetch reports no upload progress), and the request.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZProducerServicesSettings,
  ZTicketDetail,
  ZUpload,
  type TProducerServicesSettings,
  type TTicketDetail,
  type TUpload,
} from '../../../shared/service-request-schemas.ts';
import type { TFileRequestInput } from '../../../shared/service-request-types.ts';
import { ApiError, CLIENT_ERROR_CODES, apiRequest, csrfHeader } from '../../api.ts';
import { producerTicketKeys } from './tickets-api.ts';

export const requestSettingsKey = ['producer-services', 'settings'] as const;

export function fetchRequestSettings(): Promise<TProducerServicesSettings> {
  return apiRequest('/api/producer-services/settings', { schema: ZProducerServicesSettings });
}

export function useRequestSettings() {
  return useQuery({ queryKey: requestSettingsKey, queryFn: fetchRequestSettings, staleTime: 60_000 });
}

export function fileRequest(request: TFileRequestInput): Promise<TTicketDetail> {
  return apiRequest('/api/producer-services/tickets', { method: 'POST', body: request, schema: ZTicketDetail });
}

/** Files a request; the producer ID's open tickets (Existing Request Tickets) then show it. */
export function useFileRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fileRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: producerTicketKeys.all }),
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The answer of POST /api/uploads as an upload, or an ApiError carrying the server's message. */
function uploadResult(xhr: XMLHttpRequest): TUpload {
  const payload = parseJson(xhr.responseText);
  if (xhr.status === 201 || xhr.status === 200) {
    const parsed = ZUpload.safeParse(payload);
    if (parsed.success) return parsed.data;
    throw new ApiError(xhr.status, {
      code: CLIENT_ERROR_CODES.badResponse,
      message: 'The server sent an answer this page does not understand. Please reload.',
    });
  }
  const error = ZErrorResponse.safeParse(payload);
  throw new ApiError(
    xhr.status,
    error.success ? error.data : { code: CLIENT_ERROR_CODES.badResponse, message: 'The file could not be uploaded. Please try again.' },
  );
}

/** POST /api/uploads with one file in the field `file`; `onProgress` gets the fraction sent (0…1). */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<TUpload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      try {
        resolve(uploadResult(xhr));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    xhr.addEventListener('error', () => {
      reject(new ApiError(0, { code: CLIENT_ERROR_CODES.network, message: 'The file could not be sent. Check your connection and try again.' }));
    });
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
