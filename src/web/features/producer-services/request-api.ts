// Filing a request (SR-2, SR-3) as the web does it: the portal's settings for the forms, one
// upload per file (with progress, send-file.ts), and the request.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZContactOnFile,
  ZProducerServicesSettings,
  ZTicketDetail,
  ZUpload,
  type TProducerServicesSettings,
  type TTicketDetail,
  type TUpload,
} from '../../../shared/service-request-schemas.ts';
import type { TFileRequestInput } from '../../../shared/service-request-types.ts';
import { apiRequest } from '../../api.ts';
import { sendFile } from '../../send-file.ts';
import { producerTicketKeys } from './tickets-api.ts';

export const requestSettingsKey = ['producer-services', 'settings'] as const;

export function fetchRequestSettings(): Promise<TProducerServicesSettings> {
  return apiRequest('/api/producer-services/settings', { schema: ZProducerServicesSettings });
}

export function useRequestSettings() {
  return useQuery({ queryKey: requestSettingsKey, queryFn: fetchRequestSettings, staleTime: 60_000 });
}

/** The contact information on file, which Update my contact info starts from; filing a resolved request changes it. */
export function useContactOnFile() {
  return useQuery({
    queryKey: ['producer-services', 'contact-info'],
    queryFn: () => apiRequest('/api/producer-services/contact-info', { schema: ZContactOnFile }),
  });
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

/** POST /api/uploads with one file in the field `file`; `onProgress` gets the fraction sent (0…1). */
export function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<TUpload> {
  return sendFile({ method: 'POST', url: '/api/uploads', file, schema: ZUpload, onProgress, failure: 'The file could not be uploaded. Please try again.' });
}
