// A change to one ticket (assign, message, status): the answer is the ticket as it now is, so it
// replaces the cached ticket at once; the queue's lists are refetched (the status or assignee may
// move it between filtered lists).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { serviceQueueKeys } from './service-queue-api.ts';

export function useTicketChange<TInput>(number: string, change: (input: TInput) => Promise<TTicketDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async (updated) => {
      queryClient.setQueryData(serviceQueueKeys.detail(number), updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: serviceQueueKeys.lists }),
        queryClient.invalidateQueries({ queryKey: serviceQueueKeys.detail(number) }),
      ]);
    },
  });
}
