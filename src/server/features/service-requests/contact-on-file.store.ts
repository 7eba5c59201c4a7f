// SQL of the contact information on file (SR-2, Update my contact info): the producer ID's last
// resolved contact-info request, and the roster's e-mail.
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { TDbOrTx } from '../../db/client.ts';
import { producers, serviceRequestTickets } from '../../db/schema/index.ts';

export interface TResolvedContactRequest {
  number: string;
  details: Record<string, unknown>;
  closedAt: Date;
}

/** The latest contact-info request of the producer ID that Producer Services resolved, if any. */
export async function findLastResolvedContactRequest(db: TDbOrTx, producerId: number): Promise<TResolvedContactRequest | undefined> {
  const t = serviceRequestTickets;
  const [row] = await db
    .select({ number: t.number, details: t.details, closedAt: sql<Date>`${t.closedAt}`.mapWith(t.closedAt) })
    .from(t)
    .where(and(eq(t.producerId, producerId), eq(t.type, 'contact-info'), eq(t.status, 'resolved'), isNotNull(t.closedAt)))
    // As service_request_tickets_producer_type_idx orders it: the newest resolution first.
    .orderBy(sql`${t.closedAt} desc nulls last`)
    .limit(1);
  return row;
}

export async function findRosterEmail(db: TDbOrTx, producerId: number): Promise<string | undefined> {
  const [row] = await db
    .select({ email: sql<string>`${producers.email}::text` })
    .from(producers)
    .where(eq(producers.id, producerId));
  return row?.email;
}
