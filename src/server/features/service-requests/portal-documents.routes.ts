// The staff console's documents of a portal (SR-3, docs/decisions/0019): list them, download one,
// publish a PDF in place of the built-in one (multipart, the uploads' own parsing), reset it.
// Every staff role reaches the routes; the policy lets only whoever edits portal settings change.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import { ZPortalDocument, ZPortalDocumentParams, ZPortalDocumentsParams } from '../../../shared/portal-document-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendDownload } from '../../platform/http/download-reply.ts';
import { receiveFrom, registerOneFileMultipart, withUploadRefusals } from '../uploads/uploads.routes.ts';
import { downloadPortalDocument, listPortalDocuments, publishPortalDocument, resetPortalDocument } from './documents.service.ts';
import { ticketDeps, who } from './route-deps.ts';

const STAFF_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };

const ZNoQuery = z.strictObject({});
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const uploadErrors = { ...errors, 413: ZErrorResponse, 415: ZErrorResponse };
const tags = ['staff'];
const config = { access: STAFF_ACCESS };
const PATH = '/api/staff/portals/:portalId/documents';

export function portalDocumentRoutes(ctx: TRouteContext) {
  const deps = ticketDeps(ctx);
  return async (app: FastifyInstance) => {
    // Multipart is parsed on these routes (the publication) and the uploads' only.
    await registerOneFileMultipart(app);
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      PATH,
      {
        config,
        schema: {
          tags,
          summary: 'The documents a portal offers its users: built-in or published, and by whom',
          params: ZPortalDocumentsParams,
          querystring: ZNoQuery,
          response: { 200: z.array(ZPortalDocument), ...errors },
        },
      },
      async (request) => listPortalDocuments(deps, { ...who(request), portalId: request.params.portalId }),
    );
    r.get(
      `${PATH}/:name`,
      {
        config,
        schema: { tags, summary: "A portal's document as its users download it", params: ZPortalDocumentParams, querystring: ZNoQuery, response: errors },
      },
      async (request, reply) => sendDownload(reply, await downloadPortalDocument(deps, { ...who(request), ...request.params })),
    );
    r.put(
      `${PATH}/:name`,
      {
        config,
        schema: {
          tags,
          summary: 'Publish a PDF in place of the document (multipart, one field "file"); audited',
          consumes: ['multipart/form-data'],
          params: ZPortalDocumentParams,
          querystring: ZNoQuery,
          response: { 200: ZPortalDocument, ...uploadErrors },
        },
      },
      async (request) => withUploadRefusals(request, () => publishPortalDocument(deps, { ...who(request), ...request.params, receive: receiveFrom(request) })),
    );
    r.delete(
      `${PATH}/:name`,
      {
        config,
        schema: {
          tags,
          summary: 'Offer the built-in document again (audited; nothing to reset is not an error)',
          params: ZPortalDocumentParams,
          querystring: ZNoQuery,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await resetPortalDocument(deps, { ...who(request), ...request.params });
        return reply.status(204).send(null);
      },
    );
  };
}
