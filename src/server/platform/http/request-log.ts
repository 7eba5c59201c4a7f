// The request log: one line per request once its answer has gone (Fastify's default writes two,
// one as the request comes in), to a stdout that never blocks the event loop: lines written while
// a write is under way go out together in the next one, and the app flushes the rest on close.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import pino from 'pino';

export type TLogDestination = ReturnType<typeof pino.destination>;

export function stdoutLogDestination(): TLogDestination {
  return pino.destination({ dest: 1, sync: false });
}

export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}
