// Who asks, from the request: the signed-in actor with the request's address and id, which the
// services write into their audit rows. Every feature's routes build it here.
import type { FastifyRequest } from 'fastify';
import { actorOfSession, type TCaller } from '../session.ts';
import { sessionOf } from './auth-guard.ts';

export function callerOf(request: FastifyRequest): Required<TCaller> {
  return { actor: actorOfSession(sessionOf(request)), ipAddress: request.ip, requestId: request.id };
}
