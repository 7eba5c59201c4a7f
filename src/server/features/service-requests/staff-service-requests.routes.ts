// The staff console's Service Requests (SR-5): the queue with its filters, a ticket with internal
// notes, assign, message or note, status, reveal the bank account number, files, colleagues.
// Every staff role reads; the policy lets producer services and security administrators act.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZAssignee,
  ZAssignTicket,
  ZRevealedAccountNumber,
  ZStaffTicketMessage,
  ZStaffTicketQuery,
  ZTicketAttachmentParams,
  ZTicketDetail,
  ZTicketPage,
  type TTicketDetail,
  ZTicketParams,
  ZTicketStatusChange,
} from '../../../shared/service-request-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendDownload } from '../../platform/http/download-reply.ts';
import { ticketDeps, who } from './route-deps.ts';
import { openAttachment } from './producer-tickets.service.ts';
import { addStaffMessage, assignTicket, changeTicketStatus, getStaffTicket, listAssignees, listQueue, revealAccountNumber } from './staff-tickets.service.ts';

const STAFF_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };

const ZNoQuery = z.strictObject({});
const ZNoBody = z.strictObject({}).optional();
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const tags = ['staff'];
const config = { access: STAFF_ACCESS };

export function staffServiceRequestRoutes(ctx: TRouteContext) {
  const deps = ticketDeps(ctx);
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    /** A POST that changes a ticket and may have enqueued an e-mail. */
    const change = <TBody extends z.ZodType>({
      path,
      summary,
      body,
      run,
    }: {
      path: string;
      summary: string;
      body: TBody;
      run: (request: FastifyRequest, body: z.output<TBody>) => Promise<TTicketDetail>;
    }) =>
      r.post(
        `/api/staff/service-requests/:number/${path}`,
        { config, schema: { tags, summary, params: ZTicketParams, querystring: ZNoQuery, body, response: { 200: ZTicketDetail, ...errors } } },
        async (request) => {
          const result = await run(request, request.body as z.output<TBody>);
          ctx.outbox.nudge();
          return result;
        },
      );
    const numberOf = (request: FastifyRequest) => (request.params as { number: string }).number;

    r.get(
      '/api/staff/service-requests',
      {
        config,
        schema: { tags, summary: 'The service-request queue: filters, sort, page', querystring: ZStaffTicketQuery, response: { 200: ZTicketPage, ...errors } },
      },
      async (request) => listQueue(deps, { ...who(request), query: request.query }),
    );
    r.get(
      '/api/staff/service-requests/assignees',
      { config, schema: { tags, summary: 'Colleagues a ticket may be assigned to', querystring: ZNoQuery, response: { 200: z.array(ZAssignee), ...errors } } },
      async (request) => listAssignees(deps, who(request)),
    );
    r.get(
      '/api/staff/service-requests/:number',
      {
        config,
        schema: { tags, summary: 'One ticket with internal notes', params: ZTicketParams, querystring: ZNoQuery, response: { 200: ZTicketDetail, ...errors } },
      },
      async (request) => getStaffTicket(deps, { ...who(request), number: request.params.number }),
    );
    change({
      path: 'assign',
      summary: 'Assign to oneself or a colleague (null unassigns)',
      body: ZAssignTicket,
      run: (request, body) => assignTicket(deps, { ...who(request), number: numberOf(request), assigneeId: body.assigneeId }),
    });
    change({
      path: 'messages',
      summary: 'A message the producer sees (e-mailed) or an internal note',
      body: ZStaffTicketMessage,
      run: (request, body) => addStaffMessage(deps, { ...who(request), number: numberOf(request), ...body }),
    });
    change({
      path: 'status',
      summary: 'Change the status (e-mailed to the filer); Resolved needs a note',
      body: ZTicketStatusChange,
      run: (request, body) => changeTicketStatus(deps, { ...who(request), number: numberOf(request), ...body }),
    });
    r.post(
      '/api/staff/service-requests/:number/reveal',
      {
        config,
        schema: {
          tags,
          summary: 'The bank account number in clear (audited)',
          params: ZTicketParams,
          querystring: ZNoQuery,
          body: ZNoBody,
          response: { 200: ZRevealedAccountNumber, ...errors },
        },
      },
      async (request) => revealAccountNumber(deps, { ...who(request), number: request.params.number }),
    );
    r.get(
      '/api/staff/service-requests/:number/attachments/:uploadId',
      { config, schema: { tags, summary: "A ticket's file, as an attachment", params: ZTicketAttachmentParams, querystring: ZNoQuery, response: errors } },
      async (request, reply) => sendDownload(reply, await openAttachment(deps, { ...who(request), ...request.params })),
    );
  };
}
