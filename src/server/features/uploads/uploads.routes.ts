// POST /api/uploads: step one of a request with files (docs/decisions/0019). One multipart file
// field `file`, streamed: the parser stops one byte past the portal's limit and the service
// refuses at the limit, so no more than the limit is ever read into the server.
import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import { ZUpload } from '../../../shared/service-request-schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { sessionOf, type TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import type { TPolicyActor } from '../../platform/policy.ts';
import { uploadFile, type TReceiveFile } from './uploads.service.ts';

/** Producers-portal users; the policy (service_request.file) also wants a producer ID. */
const UPLOAD_ACCESS: TAccess = { session: true, portals: ['producers'] };

const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 413: ZErrorResponse, 415: ZErrorResponse, 429: ZErrorResponse };

function actorOf(request: FastifyRequest): TPolicyActor {
  const session = sessionOf(request);
  const { user } = session;
  return { id: user.id, portalId: session.portalId, role: user.role, producerId: user.producerId, groupId: user.groupId };
}

/** The request's one multipart file field `file` (here and for the documents staff publish). */
export function receiveFrom(request: FastifyRequest): TReceiveFile {
  return async ({ maxBytes }) => {
    if (!request.isMultipart()) {
      throw new AppError('request.unsupported_media_type', { message: 'Send the file as multipart/form-data in the field "file".' });
    }
    // One byte past the limit: busboy cuts the file there without an error, and the service,
    // counting, refuses anything over the limit.
    const parts = request.parts({ limits: { fileSize: maxBytes + 1, files: 1, fields: 0, parts: 1 } });
    const first = await parts.next();
    if (first.done) return undefined;
    const part = first.value;
    if (part.type !== 'file' || part.fieldname !== 'file') throw oneFileOnly();
    // The content ends only once the request has nothing after the file: a second part fails the
    // upload before its row exists (the parser's limit error, or this one).
    async function* content(file: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      yield* file;
      if (!(await parts.next()).done) throw oneFileOnly();
    }
    return { name: part.filename, content: Readable.from(content(part.file), { objectMode: false }) };
  };
}

function oneFileOnly(): AppError {
  return new AppError('request.invalid', {
    message: 'Send one file in the field "file" and nothing else.',
    fields: [{ field: 'file', message: 'Choose one file to upload.' }],
  });
}

/** The multipart parser's own refusals, as the registry's codes. */
function fromMultipart(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return oneFileOnly();
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new AppError('request.unsupported_media_type', { message: 'Send the file as multipart/form-data.' });
  return error;
}

/**
 * A refused upload is answered before the client has sent it all. The rest is read and dropped
 * (the parser stopped reading it), so the client gets to read the answer and the connection is
 * not left hanging on a paused body.
 */
function discardRestOfBody(request: FastifyRequest): void {
  if (request.raw.complete) return;
  request.raw.unpipe();
  request.raw.resume();
}

/** Multipart parsing for the routes of the plugin that calls it (and of no other): one file, no fields. */
export async function registerOneFileMultipart(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 0, parts: 1, headerPairs: 20 } });
}

/** Runs a handler that receives a file: a refusal drops the rest of the body and becomes the registry's code. */
export async function withUploadRefusals<T>(request: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    discardRestOfBody(request);
    throw fromMultipart(error);
  }
}

export function uploadsRoutes(ctx: TRouteContext) {
  return async (app: FastifyInstance) => {
    // Registered here, so multipart bodies are parsed on this route only.
    await registerOneFileMultipart(app);
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/uploads',
      {
        config: { access: UPLOAD_ACCESS },
        schema: {
          tags: ['producer-services'],
          summary: 'Upload one file (PDF, PNG or JPEG) for a request to come; attach it by id when filing',
          consumes: ['multipart/form-data'],
          response: { 201: ZUpload, ...errors },
        },
      },
      async (request, reply) =>
        withUploadRefusals(request, async () => {
          const upload = await uploadFile(ctx, { actor: actorOf(request), receive: receiveFrom(request) });
          return reply.status(201).send(upload);
        }),
    );
  };
}
