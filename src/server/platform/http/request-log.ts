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
      url: loggedUrl(request.url),
      statusCode: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      ip: request.ip,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

/**
 * The address without the values of its query: searches carry people's names, birth dates and
 * policy numbers (client and user searches), which a log has no need to keep. The keys stay, so a
 * line still says which filters a slow request had: `/api/book/clients?name=…&dateOfBirth=…`.
 */
export function loggedUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const keys = url
    .slice(question + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0] ?? ''}=…`);
  return `${url.slice(0, question)}?${keys.join('&')}`;
}
