// The producers portal's Producer Services (SR-2 … SR-4): its settings, filing a request, the
// producer ID's open tickets, a ticket page with reply and cancel, its files, and the Group POR
// Transfer Form. Any user of a producer ID; the policy decides the rest (another ID's ticket: 404).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZContactOnFile,
  ZProducerServicesSettings,
  ZTicketAttachmentParams,
  ZTicketDetail,
  ZTicketListQuery,
  ZTicketPage,
  ZTicketParams,
  ZTicketReply,
} from '../../../shared/service-request-schemas.ts';
import { ZFileRequest } from '../../../shared/service-request-types.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendDownload } from '../../platform/http/download-reply.ts';
import { fileRequest, getProducerServicesSettings } from './file-request.service.ts';
import { getContactOnFile } from './contact-on-file.service.ts';
import { getPorTransferForm } from './documents.service.ts';
import { cancelTicket, getProducerTicket, listOpenTickets, openAttachment, replyToTicket } from './producer-tickets.service.ts';
import { ticketDeps, who } from './route-deps.ts';

export const PRODUCER_SERVICES_ACCESS: TAccess = { session: true, portals: ['producers'], roles: ['primary-producer', 'producer-user'] };

const ZNoQuery = z.strictObject({});
const ZNoBody = z.strictObject({}).optional();
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const tags = ['producer-services'];

export function producerServicesRoutes(ctx: TRouteContext) {
  const deps = ticketDeps(ctx);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: PRODUCER_SERVICES_ACCESS };

    r.get(
      '/api/producer-services/settings',
      {
        config,
        schema: {
          tags,
          summary: 'The POR notice, upload limits and SEP plan years',
          querystring: ZNoQuery,
          response: { 200: ZProducerServicesSettings, ...errors },
        },
      },
      async (request) => getProducerServicesSettings(deps, who(request)),
    );

    r.get(
      '/api/producer-services/contact-info',
      {
        config,
        schema: {
          tags,
          summary: "The producer ID's contact information on file, to start Update my contact info from",
          querystring: ZNoQuery,
          response: { 200: ZContactOnFile, ...errors },
        },
      },
      async (request) => getContactOnFile(deps, who(request)),
    );

    r.post(
      '/api/producer-services/tickets',
      {
        config,
        schema: {
          tags,
          summary: 'File a request: a ticket whose number is shown at once',
          querystring: ZNoQuery,
          body: ZFileRequest,
          response: { 201: ZTicketDetail, ...errors },
        },
      },
      async (request, reply) => {
        const detail = await fileRequest(deps, { ...who(request), request: request.body });
        ctx.outbox.nudge();
        return reply.status(201).send(detail);
      },
    );

    r.get(
      '/api/producer-services/tickets',
      {
        config,
        schema: { tags, summary: "The producer ID's open tickets, sorted and paged", querystring: ZTicketListQuery, response: { 200: ZTicketPage, ...errors } },
      },
      async (request) => listOpenTickets(deps, { ...who(request), query: request.query }),
    );

    r.get(
      '/api/producer-services/tickets/:number',
      {
        config,
        schema: {
          tags,
          summary: 'One ticket: fields, files, conversation',
          params: ZTicketParams,
          querystring: ZNoQuery,
          response: { 200: ZTicketDetail, ...errors },
        },
      },
      async (request) => getProducerTicket(deps, { ...who(request), number: request.params.number }),
    );

    r.post(
      '/api/producer-services/tickets/:number/messages',
      {
        config,
        schema: {
          tags,
          summary: 'Reply to producer services (a ticket waiting for the producer goes back to In Progress)',
          params: ZTicketParams,
          querystring: ZNoQuery,
          body: ZTicketReply,
          response: { 200: ZTicketDetail, ...errors },
        },
      },
      async (request) => {
        const detail = await replyToTicket(deps, { ...who(request), number: request.params.number, body: request.body.body });
        ctx.outbox.nudge();
        return detail;
      },
    );

    r.post(
      '/api/producer-services/tickets/:number/cancel',
      {
        config,
        schema: {
          tags,
          summary: 'Cancel a ticket still Submitted',
          params: ZTicketParams,
          querystring: ZNoQuery,
          body: ZNoBody,
          response: { 200: ZTicketDetail, ...errors },
        },
      },
      async (request) => {
        const detail = await cancelTicket(deps, { ...who(request), number: request.params.number });
        ctx.outbox.nudge();
        return detail;
      },
    );

    r.get(
      '/api/producer-services/tickets/:number/attachments/:uploadId',
      { config, schema: { tags, summary: "A ticket's file, as an attachment", params: ZTicketAttachmentParams, querystring: ZNoQuery, response: errors } },
      async (request, reply) => sendDownload(reply, await openAttachment(deps, { ...who(request), ...request.params })),
    );

    r.get(
      '/api/producer-services/documents/group-por-transfer-form.pdf',
      { config, schema: { tags, summary: 'The Group POR Transfer Form (PDF)', querystring: ZNoQuery, response: errors } },
      async (request, reply) => sendDownload(reply, await getPorTransferForm(deps, who(request))),
    );
  };
}
