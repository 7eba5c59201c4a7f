// Commissions (BK-5; src/shared/commission-schemas.ts lists the routes): a producer's own, in the
// producers and retail portals; the Primary Producer's grants to sub-users.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCommissionAccess,
  ZCommissionGrants,
  ZCommissionReport,
  ZCommissionSummary,
  ZPorAlerts,
  ZReconciliation,
  ZReconciliationQuery,
  ZReportQuery,
  ZStatement,
  ZStatementList,
  ZStatementParams,
  ZStatementQuery,
} from '../../../shared/commission-schemas.ts';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import { callerOf } from '../../platform/http/caller.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendCsv } from '../../platform/http/csv-reply.ts';
import { sendDownload } from '../../platform/http/download-reply.ts';
import { changeCommissionAccess, getCommissionAccess, listCommissionGrants } from './commission-access.service.ts';
import { getCommissionReport, reportCsv } from './commission-report.service.ts';
import { getPorAlerts } from './por-alerts.service.ts';
import { getReconciliation } from './reconciliation.service.ts';
import { getCommissionSummary, getStatement, listStatements, statementCsv, statementPdf } from './commissions.service.ts';

const COMMISSIONS_ACCESS: TAccess = { session: true, portals: ['producers', 'retail'], roles: ['primary-producer', 'producer-user', 'retail-producer'] };
const GRANT_ACCESS: TAccess = { session: true, portals: ['producers'], roles: ['primary-producer'] };

const ZNoQuery = z.strictObject({});
const ZUserParams = z.strictObject({ userId: z.uuid('There is no such user.') });
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };
const tags = ['commissions'];
const STATEMENT = '/api/commissions/statements/:period';

export function commissionsRoutes(ctx: TRouteContext) {
  const deps = { db: ctx.db, clock: ctx.clock };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const config = { access: COMMISSIONS_ACCESS };

    r.get(
      '/api/commissions/summary',
      {
        config,
        schema: {
          tags,
          summary: 'COMMISSIONS: the last statement, year to date and the last 12 months',
          querystring: ZNoQuery,
          response: { 200: ZCommissionSummary, ...errors },
        },
      },
      async (request) => getCommissionSummary(deps, callerOf(request)),
    );
    r.get(
      '/api/commissions/statements',
      {
        config,
        schema: {
          tags,
          summary: 'COMMISSION STATEMENTS: every month with a statement, newest first',
          querystring: ZNoQuery,
          response: { 200: ZStatementList, ...errors },
        },
      },
      async (request) => listStatements(deps, callerOf(request)),
    );
    r.get(
      STATEMENT,
      {
        config,
        schema: {
          tags,
          summary: 'One statement: totals by line and type, and its lines paged',
          params: ZStatementParams,
          querystring: ZStatementQuery,
          response: { 200: ZStatement, ...errors },
        },
      },
      async (request) => getStatement(deps, callerOf(request), { ...request.params, ...request.query }),
    );
    r.get(
      `${STATEMENT}/csv`,
      {
        config,
        schema: {
          tags,
          summary: "The statement's lines as CSV (the feed's columns; audited)",
          params: ZStatementParams,
          querystring: ZNoQuery,
          response: errors,
        },
      },
      async (request, reply) => {
        const csv = await statementCsv(deps, callerOf(request), request.params.period);
        return sendCsv(reply, { filename: csv.fileName, chunks: csv.rows });
      },
    );
    r.get(
      `${STATEMENT}/pdf`,
      { config, schema: { tags, summary: 'The statement as PDF (audited)', params: ZStatementParams, querystring: ZNoQuery, response: errors } },
      async (request, reply) => {
        const pdf = await statementPdf(deps, callerOf(request), request.params.period);
        return sendDownload(reply, { stream: Readable.from([pdf.bytes]), name: pdf.fileName, contentType: 'application/pdf', sizeBytes: pdf.bytes.length });
      },
    );

    r.get(
      '/api/commissions/report',
      {
        config,
        schema: {
          tags,
          summary: 'The reporting tool: commission by month and line of business, and the top accounts',
          querystring: ZReportQuery,
          response: { 200: ZCommissionReport, ...errors },
        },
      },
      async (request) => getCommissionReport(deps, callerOf(request), request.query),
    );
    r.get(
      '/api/commissions/report/csv',
      { config, schema: { tags, summary: "The report's lines as CSV (audited)", querystring: ZReportQuery, response: errors } },
      async (request, reply) => {
        const csv = await reportCsv(deps, callerOf(request), request.query);
        return sendCsv(reply, { filename: csv.fileName, chunks: csv.rows });
      },
    );

    r.get(
      '/api/commissions/reconciliation',
      {
        config,
        schema: {
          tags,
          summary: 'Owed versus paid over a calendar year, with the discrepancies',
          querystring: ZReconciliationQuery,
          response: { 200: ZReconciliation, ...errors },
        },
      },
      async (request) => getReconciliation(deps, callerOf(request), request.query),
    );

    r.get(
      '/api/commissions/por-alerts',
      {
        config,
        schema: {
          tags,
          summary: 'Groups and policies whose producer of record may change or has changed',
          querystring: ZNoQuery,
          response: { 200: ZPorAlerts, ...errors },
        },
      },
      async (request) => getPorAlerts(deps, callerOf(request)),
    );

    const grant = { access: GRANT_ACCESS };
    r.get(
      '/api/producers/commission-access',
      {
        config: grant,
        schema: {
          tags,
          summary: "Which of the producer ID's sub-users may see commissions",
          querystring: ZNoQuery,
          response: { 200: ZCommissionGrants, ...errors },
        },
      },
      async (request) => listCommissionGrants(deps, callerOf(request)),
    );
    r.get(
      '/api/producers/users/:userId/commission-access',
      {
        config: grant,
        schema: {
          tags,
          summary: 'Whether the sub-user may see commissions',
          params: ZUserParams,
          querystring: ZNoQuery,
          response: { 200: ZCommissionAccess, ...errors },
        },
      },
      async (request) => getCommissionAccess(deps, callerOf(request), request.params.userId),
    );
    r.put(
      '/api/producers/users/:userId/commission-access',
      {
        config: grant,
        schema: {
          tags,
          summary: 'Let the sub-user see commissions, or not (audited)',
          params: ZUserParams,
          querystring: ZNoQuery,
          body: ZCommissionAccess,
          response: { 200: ZCommissionAccess, ...errors },
        },
      },
      async (request) => changeCommissionAccess(deps, callerOf(request), { userId: request.params.userId, ...request.body }),
    );
  };
}
