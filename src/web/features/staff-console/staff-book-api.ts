// Staff finding a producer whose book to read (issue 16 §4; src/shared/staff-book-schemas.ts). The
// book itself is read through the book pages' own API functions with a staff source (book-source.ts).
import { ZStaffProducer, ZStaffProducerList, type TStaffProducer, type TStaffProducerList } from '../../../shared/staff-book-schemas.ts';
import { apiRequest, queryString } from '../../api.ts';

export const staffBookKeys = {
  producers: (q: string) => ['staff-book', 'producers', q] as const,
  producer: (agentId: string) => ['staff-book', 'producer', agentId] as const,
};

export function findProducers(q: string): Promise<TStaffProducerList> {
  return apiRequest(`/api/staff/book/producers${queryString({ q })}`, { schema: ZStaffProducerList });
}

export function fetchProducer(agentId: string): Promise<TStaffProducer> {
  return apiRequest(`/api/staff/book/producers/${encodeURIComponent(agentId)}`, { schema: ZStaffProducer });
}
