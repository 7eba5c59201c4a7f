// Carrier staff read any producer's commissions, read-only (issue 17 §3; the routes are listed in
// src/shared/commission-schemas.ts). GET only: whose commissions is in the address, the year in
// the query, as in the staff book (/api/staff/book/producers/:agentId/…).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZCommissionSummary, ZReconciliation, ZReconciliationQuery, ZStatementList } from '../../../shared/commission-schemas.ts';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import { ZStaffProducerParams } from '../../../shared/staff-book-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import { callerOf } from '../../platform/http/caller.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { getStaffCommissionSummary, getStaffReconciliation, listStaffStatements } from './staff-commissions.service.ts';

/** The staff book's readers (every staff role); the policy's commissions.staff_view says the same. */
const STAFF_COMMISSIONS_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };

const ZNoQuery = z.strictObject({});
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const tags = ['staff', 'commissions'];
const PRODUCER = '/api/staff/commissions/producers/:agentId';

export function staffCommissionsRoutes(ctx: TRouteContext) {
  const deps = { db: ctx.db, clock: ctx.clock };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: STAFF_COMMISSIONS_ACCESS };

    r.get(
      `${PRODUCER}/summary`,
      {
        config,
        schema: {
          tags,
          summary: "The producer's COMMISSIONS: the last statement, year to date and the last 12 months",
          params: ZStaffProducerParams,
          querystring: ZNoQuery,
          response: { 200: ZCommissionSummary, ...errors },
        },
      },
      async (request) => getStaffCommissionSummary(deps, { ...callerOf(request), agentId: request.params.agentId }),
    );

    r.get(
      `${PRODUCER}/statements`,
      {
        config,
        schema: {
          tags,
          summary: 'Every month with a statement for the producer, newest first',
          params: ZStaffProducerParams,
          querystring: ZNoQuery,
          response: { 200: ZStatementList, ...errors },
        },
      },
      async (request) => listStaffStatements(deps, { ...callerOf(request), agentId: request.params.agentId }),
    );

    r.get(
      `${PRODUCER}/reconciliation`,
      {
        config,
        schema: {
          tags,
          summary: "The producer's owed versus paid over a calendar year, as they see it (audited as commissions.reconciliation_viewed)",
          params: ZStaffProducerParams,
          querystring: ZReconciliationQuery,
          response: { 200: ZReconciliation, ...errors },
        },
      },
      async (request) => getStaffReconciliation(deps, { ...callerOf(request), agentId: request.params.agentId, query: request.query }),
    );
  };
}
