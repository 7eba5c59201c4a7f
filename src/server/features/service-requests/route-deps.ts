// The services' dependencies as the routes of service requests build them from the route context.
import type { TRouteContext } from '../../platform/http/context.ts';
import type { TTicketDeps } from './service-requests.service.ts';

export function ticketDeps(ctx: TRouteContext): TTicketDeps {
  return { db: ctx.db, clock: ctx.clock, fileStore: ctx.fileStore, secretBox: ctx.secretBox, publicUrl: ctx.config.publicUrl };
}
