// The Retail Producer Portal's book of business (BK-1 … BK-4; src/shared/book-schemas.ts lists the
// routes). Retail producers only; the policy and the producer's own scope decide the rest.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZApplicationList,
  ZApplicationPage,
  ZBookStates,
  ZBookSummary,
  ZChooseState,
  ZClientDetail,
  ZClientPage,
  ZClientParams,
  ZClientSearch,
  ZEmployerCoverage,
  ZGroupDetail,
  ZGroupPage,
  ZGroupParams,
  ZGroupSearch,
} from '../../../shared/book-schemas.ts';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import { sessionOf, type TAccess } from '../../platform/http/auth-guard.ts';
import { callerOf } from '../../platform/http/caller.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import {
  chooseBookState,
  exportBookClients,
  getBookClient,
  getBookStates,
  getBookSummary,
  listBookApplications,
  searchBookClients,
  type TBookCaller,
} from './book.service.ts';
import { exportBookGroups, getBookGroup, getEmployerCoverage, searchBookGroups } from './group-book.service.ts';

export const BOOK_ACCESS: TAccess = { session: true, portals: ['retail'], roles: ['retail-producer'] };
/** The group producer's Book of Business: every user of a producer ID (issue 16 §2). */
export const GROUP_BOOK_ACCESS: TAccess = { session: true, portals: ['producers'], roles: ['primary-producer', 'producer-user'] };
/** An employer group's own coverage: every user of the group (issue 16 §3). */
export const COVERAGE_ACCESS: TAccess = { session: true, portals: ['employers'], roles: ['delegated-admin', 'alternate-delegated-admin', 'employer-user'] };

const ZNoQuery = z.strictObject({});
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse, 409: ZErrorResponse };
const tags = ['book'];

function bookCallerOf(request: FastifyRequest): TBookCaller {
  return { ...callerOf(request), tokenHash: sessionOf(request).tokenHash };
}

export function bookRoutes(ctx: TRouteContext) {
  const deps = { db: ctx.db, clock: ctx.clock };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: BOOK_ACCESS };

    r.get(
      '/api/book/states',
      {
        config,
        schema: {
          tags,
          summary: 'The states the producer is appointed in, and the one chosen for this session',
          querystring: ZNoQuery,
          response: { 200: ZBookStates, ...errors },
        },
      },
      async (request) => getBookStates(deps, bookCallerOf(request)),
    );

    r.put(
      '/api/book/state',
      {
        config,
        schema: {
          tags,
          summary: 'Choose the state to work in for this session (BK-1)',
          querystring: ZNoQuery,
          body: ZChooseState,
          response: { 200: ZBookStates, ...errors },
        },
      },
      async (request) => chooseBookState(deps, { ...bookCallerOf(request), state: request.body.state }),
    );

    r.get(
      '/api/book/summary',
      {
        config,
        schema: {
          tags,
          summary: "The welcome page's counts and the in-force business by line, in the chosen state",
          querystring: ZNoQuery,
          response: { 200: ZBookSummary, ...errors },
        },
      },
      async (request) => getBookSummary(deps, bookCallerOf(request)),
    );

    r.get(
      '/api/book/clients',
      {
        config,
        schema: {
          tags,
          summary: "Search the producer's clients: a quick search or any of the advanced filters (BK-3)",
          querystring: ZClientSearch,
          response: { 200: ZClientPage, ...errors },
        },
      },
      async (request) => searchBookClients(deps, { ...bookCallerOf(request), query: request.query }),
    );

    r.get(
      '/api/book/clients.csv',
      {
        config,
        schema: {
          tags,
          summary: 'Every client the search finds, as CSV (audited as book.clients_exported); page and pageSize are ignored',
          querystring: ZClientSearch,
          response: errors,
        },
      },
      async (request, reply) => sendCsv(reply, await exportBookClients(deps, { ...bookCallerOf(request), query: request.query })),
    );

    r.get(
      '/api/book/applications',
      {
        config,
        schema: {
          tags,
          summary: "The producer's applications in the chosen state, with status and status date (BK-2)",
          querystring: ZApplicationList,
          response: { 200: ZApplicationPage, ...errors },
        },
      },
      async (request) => listBookApplications(deps, { ...bookCallerOf(request), query: request.query }),
    );

    r.get(
      '/api/book/clients/:clientId',
      {
        config,
        schema: {
          tags,
          summary: "A client's policies with their payments and applications with their history, as far as they are the producer's",
          params: ZClientParams,
          querystring: ZNoQuery,
          response: { 200: ZClientDetail, ...errors },
        },
      },
      async (request) => getBookClient(deps, { ...bookCallerOf(request), clientId: request.params.clientId }),
    );

    const groupConfig = { access: GROUP_BOOK_ACCESS };
    r.get(
      '/api/book/groups',
      {
        config: groupConfig,
        schema: {
          tags,
          summary: 'The employer groups the producer ID is producer of record for, searched, sorted and paged',
          querystring: ZGroupSearch,
          response: { 200: ZGroupPage, ...errors },
        },
      },
      async (request) => searchBookGroups(deps, { ...bookCallerOf(request), query: request.query }),
    );

    r.get(
      '/api/book/groups.csv',
      {
        config: groupConfig,
        schema: {
          tags,
          summary: 'Every group the search finds, as CSV (audited as book.groups_exported); page and pageSize are ignored',
          querystring: ZGroupSearch,
          response: errors,
        },
      },
      async (request, reply) => sendCsv(reply, await exportBookGroups(deps, { ...bookCallerOf(request), query: request.query })),
    );

    r.get(
      '/api/book/groups/:accountNumber',
      {
        config: groupConfig,
        schema: {
          tags,
          summary: "A group's policies with their premium payments, if the producer ID is its producer of record",
          params: ZGroupParams,
          querystring: ZNoQuery,
          response: { 200: ZGroupDetail, ...errors },
        },
      },
      async (request) => getBookGroup(deps, { ...bookCallerOf(request), accountNumber: request.params.accountNumber }),
    );

    r.get(
      '/api/book/coverage',
      {
        config: { access: COVERAGE_ACCESS },
        schema: {
          tags,
          summary: "The signed-in employer group's coverage, producer of record and premium payments",
          querystring: ZNoQuery,
          response: { 200: ZEmployerCoverage, ...errors },
        },
      },
      async (request) => getEmployerCoverage(deps, bookCallerOf(request)),
    );
  };
}
