// What the routes of service requests hand their services: the dependencies, built from the route
// context, and who asks (the actor with the request's address and id, for the audit rows).
import type { FastifyRequest } from 'fastify';
import { sessionOf } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { ticketActorOf, type TTicketDeps } from './service-requests.service.ts';

export function ticketDeps(ctx: TRouteContext): TTicketDeps {
  return { db: ctx.db, clock: ctx.clock, fileStore: ctx.fileStore, secretBox: ctx.secretBox, publicUrl: ctx.config.publicUrl };
}

export function who(request: FastifyRequest) {
  return { actor: ticketActorOf(sessionOf(request)), ipAddress: request.ip, requestId: request.id };
}
