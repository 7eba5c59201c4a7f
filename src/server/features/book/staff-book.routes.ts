// Carrier staff read any producer's book of business, read-only (issue 16 §4; the routes are listed
// in src/shared/staff-book-schemas.ts). GET only: whose book is in the address, the state in the
// query, so nothing about it lives in the staff member's session.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZApplicationPage, ZBookSummary, ZClientDetail, ZClientPage, ZGroupDetail, ZGroupPage, ZGroupSearch } from '../../../shared/book-schemas.ts';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZStaffApplicationList,
  ZStaffBookState,
  ZStaffClientParams,
  ZStaffClientSearch,
  ZStaffGroupParams,
  ZStaffProducer,
  ZStaffProducerList,
  ZStaffProducerParams,
  ZStaffProducerQuery,
} from '../../../shared/staff-book-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import { callerOf } from '../../platform/http/caller.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import {
  exportStaffBookClients,
  exportStaffBookGroups,
  findBookProducers,
  getBookProducer,
  getStaffBookClient,
  getStaffBookGroup,
  getStaffBookSummary,
  listStaffBookApplications,
  searchStaffBookClients,
  searchStaffBookGroups,
} from './staff-book.service.ts';

export const STAFF_BOOK_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };

const ZNoQuery = z.strictObject({});
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const tags = ['staff', 'book'];
const PRODUCER = '/api/staff/book/producers/:agentId';

/** The query without the state, which chooses the scope rather than filtering the list. */
function withoutState<T extends { state: unknown }>({ state: _state, ...rest }: T): Omit<T, 'state'> {
  return rest;
}

export function staffBookRoutes(ctx: TRouteContext) {
  const deps = { db: ctx.db, clock: ctx.clock };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: STAFF_BOOK_ACCESS };

    r.get(
      '/api/staff/book/producers',
      {
        config,
        schema: {
          tags,
          summary: 'Find producers by Agent Unique ID or the start of a name, with their appointed states',
          querystring: ZStaffProducerQuery,
          response: { 200: ZStaffProducerList, ...errors },
        },
      },
      async (request) => findBookProducers(deps, { ...callerOf(request), q: request.query.q }),
    );

    r.get(
      PRODUCER,
      {
        config,
        schema: {
          tags,
          summary: 'A producer: name, agency, appointed states, groups',
          params: ZStaffProducerParams,
          querystring: ZNoQuery,
          response: { 200: ZStaffProducer, ...errors },
        },
      },
      async (request) => getBookProducer(deps, { ...callerOf(request), agentId: request.params.agentId }),
    );

    r.get(
      `${PRODUCER}/summary`,
      {
        config,
        schema: {
          tags,
          summary: "The producer's welcome counts and in-force business by line, in one of their states",
          params: ZStaffProducerParams,
          querystring: ZStaffBookState,
          response: { 200: ZBookSummary, ...errors },
        },
      },
      async (request) => getStaffBookSummary(deps, { ...callerOf(request), agentId: request.params.agentId, state: request.query.state }),
    );

    r.get(
      `${PRODUCER}/clients`,
      {
        config,
        schema: {
          tags,
          summary: "Search the producer's clients in one of their states, as the producer's own client search does",
          params: ZStaffProducerParams,
          querystring: ZStaffClientSearch,
          response: { 200: ZClientPage, ...errors },
        },
      },
      async (request) =>
        searchStaffBookClients(deps, { ...callerOf(request), agentId: request.params.agentId, state: request.query.state, query: withoutState(request.query) }),
    );

    r.get(
      `${PRODUCER}/clients.csv`,
      {
        config,
        schema: {
          tags,
          summary: 'Every client the search finds, as CSV (audited as book.clients_exported); page and pageSize are ignored',
          params: ZStaffProducerParams,
          querystring: ZStaffClientSearch,
          response: errors,
        },
      },
      async (request, reply) =>
        sendCsv(
          reply,
          await exportStaffBookClients(deps, {
            ...callerOf(request),
            agentId: request.params.agentId,
            state: request.query.state,
            query: withoutState(request.query),
          }),
        ),
    );

    r.get(
      `${PRODUCER}/clients/:clientId`,
      {
        config,
        schema: {
          tags,
          summary: "A client's page as the producer sees it in that state (audited as book.client_viewed)",
          params: ZStaffClientParams,
          querystring: ZStaffBookState,
          response: { 200: ZClientDetail, ...errors },
        },
      },
      async (request) =>
        getStaffBookClient(deps, { ...callerOf(request), agentId: request.params.agentId, state: request.query.state, clientId: request.params.clientId }),
    );

    r.get(
      `${PRODUCER}/applications`,
      {
        config,
        schema: {
          tags,
          summary: "The producer's applications in one of their states",
          params: ZStaffProducerParams,
          querystring: ZStaffApplicationList,
          response: { 200: ZApplicationPage, ...errors },
        },
      },
      async (request) =>
        listStaffBookApplications(deps, {
          ...callerOf(request),
          agentId: request.params.agentId,
          state: request.query.state,
          query: withoutState(request.query),
        }),
    );

    r.get(
      `${PRODUCER}/groups`,
      {
        config,
        schema: {
          tags,
          summary: 'The employer groups the producer ID is producer of record for (its Book of Business)',
          params: ZStaffProducerParams,
          querystring: ZGroupSearch,
          response: { 200: ZGroupPage, ...errors },
        },
      },
      async (request) => searchStaffBookGroups(deps, { ...callerOf(request), agentId: request.params.agentId, query: request.query }),
    );

    r.get(
      `${PRODUCER}/groups.csv`,
      {
        config,
        schema: {
          tags,
          summary: 'Every group the search finds, as CSV (audited as book.groups_exported); page and pageSize are ignored',
          params: ZStaffProducerParams,
          querystring: ZGroupSearch,
          response: errors,
        },
      },
      async (request, reply) =>
        sendCsv(reply, await exportStaffBookGroups(deps, { ...callerOf(request), agentId: request.params.agentId, query: request.query })),
    );

    r.get(
      `${PRODUCER}/groups/:accountNumber`,
      {
        config,
        schema: {
          tags,
          summary: "One of the producer ID's employer groups with its policies and premium payments",
          params: ZStaffGroupParams,
          querystring: ZNoQuery,
          response: { 200: ZGroupDetail, ...errors },
        },
      },
      async (request) => getStaffBookGroup(deps, { ...callerOf(request), agentId: request.params.agentId, accountNumber: request.params.accountNumber }),
    );
  };
}
