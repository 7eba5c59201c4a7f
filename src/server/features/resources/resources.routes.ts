// Forms and training (BK-6; src/shared/resource-schemas.ts lists the routes): the producers' side
// and the staff console's. The access here admits the portals; the policy decides the rest.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZErrorResponse } from '../../../shared/identity-schemas.ts';
import {
  ZCourse,
  ZPublishResource,
  ZResource,
  ZResourceParams,
  ZResourceQuery,
  ZSepTraining,
  ZStaffResource,
  ZStaffResourceQuery,
} from '../../../shared/resource-schemas.ts';
import { ZUpload } from '../../../shared/service-request-schemas.ts';
import type { TAccess } from '../../platform/http/auth-guard.ts';
import { callerOf } from '../../platform/http/caller.ts';
import type { TRouteContext } from '../../platform/http/context.ts';
import { sendDownload } from '../../platform/http/download-reply.ts';
import { receiveFrom, registerOneFileMultipart, withUploadRefusals } from '../uploads/uploads.routes.ts';
import { completeCourse, downloadResource, getCourse, getSepTraining, listCourses, listForms } from './resources.service.ts';
import { downloadStaffResource, listStaffResources, publishResource, retireResource, uploadResourceFile } from './staff-resources.service.ts';

const PRODUCER_ACCESS: TAccess = { session: true, portals: ['retail', 'producers'], roles: ['retail-producer', 'primary-producer', 'producer-user'] };
const STAFF_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['help-desk', 'producer-services', 'security-admin'] };
/** Publishing and retiring: refused before the body is read for the help desk, who only reads. */
const STAFF_MANAGE_ACCESS: TAccess = { session: true, portals: ['staff'], roles: ['producer-services', 'security-admin'] };

const ZNoQuery = z.strictObject({});
const errors = { 400: ZErrorResponse, 401: ZErrorResponse, 403: ZErrorResponse, 404: ZErrorResponse };

export function resourcesRoutes(ctx: TRouteContext) {
  const deps = { db: ctx.db, clock: ctx.clock, fileStore: ctx.fileStore, secretBox: ctx.secretBox };
  return async (app: FastifyInstance) => {
    // Multipart is parsed on this plugin's routes only: staff's upload of a PDF.
    await registerOneFileMultipart(app);
    const r = app.withTypeProvider<ZodTypeProvider>();
    const producer = { access: PRODUCER_ACCESS };
    const staff = { access: STAFF_ACCESS };
    const manager = { access: STAFF_MANAGE_ACCESS };
    const tags = ['resources'];
    const download = async (reply: FastifyReply, file: Promise<Parameters<typeof sendDownload>[1]>) => sendDownload(reply, await file);

    r.get(
      '/api/resources/forms',
      {
        config: producer,
        schema: {
          tags,
          summary: 'The forms the portal offers (PDFs & related information)',
          querystring: ZResourceQuery,
          response: { 200: z.array(ZResource), ...errors },
        },
      },
      async (request) => listForms(deps, callerOf(request), request.query),
    );
    r.get(
      '/api/resources/courses',
      {
        config: producer,
        schema: {
          tags,
          summary: 'The training courses, each with the caller’s completion',
          querystring: ZResourceQuery,
          response: { 200: z.array(ZCourse), ...errors },
        },
      },
      async (request) => listCourses(deps, callerOf(request), request.query),
    );
    r.get(
      '/api/resources/courses/:id',
      {
        config: producer,
        schema: { tags, summary: 'One training course', params: ZResourceParams, querystring: ZNoQuery, response: { 200: ZCourse, ...errors } },
      },
      async (request) => getCourse(deps, callerOf(request), request.params.id),
    );
    r.put(
      '/api/resources/courses/:id/completion',
      {
        config: producer,
        schema: {
          tags,
          summary: 'Mark the course complete (idempotent: the first date is kept; audited)',
          params: ZResourceParams,
          querystring: ZNoQuery,
          response: { 200: ZCourse, ...errors },
        },
      },
      async (request) => completeCourse(deps, callerOf(request), request.params.id),
    );
    r.get(
      '/api/resources/sep-training',
      {
        config: producer,
        schema: {
          tags,
          summary: 'The SEP course of each plan year one may affirm, and whether it is completed',
          querystring: ZNoQuery,
          response: { 200: ZSepTraining, ...errors },
        },
      },
      async (request) => getSepTraining(deps, callerOf(request)),
    );
    r.get(
      '/api/resources/:id/file',
      {
        config: producer,
        schema: { tags, summary: 'The PDF of a form or course the portal offers', params: ZResourceParams, querystring: ZNoQuery, response: errors },
      },
      async (request, reply) => download(reply, downloadResource(deps, callerOf(request), request.params.id)),
    );

    const staffTags = ['staff'];
    r.get(
      '/api/staff/resources',
      {
        config: staff,
        schema: {
          tags: staffTags,
          summary: 'Every form and course published, with completions',
          querystring: ZStaffResourceQuery,
          response: { 200: z.array(ZStaffResource), ...errors },
        },
      },
      async (request) => listStaffResources(deps, callerOf(request), request.query),
    );
    r.post(
      '/api/staff/resources/files',
      {
        config: manager,
        schema: {
          tags: staffTags,
          summary: 'Step one of publishing: the PDF (multipart, one field "file"); unnamed uploads are swept after a day',
          consumes: ['multipart/form-data'],
          querystring: ZNoQuery,
          response: { 201: ZUpload, ...errors, 413: ZErrorResponse, 415: ZErrorResponse },
        },
      },
      async (request, reply) =>
        withUploadRefusals(request, async () => reply.status(201).send(await uploadResourceFile(deps, callerOf(request), receiveFrom(request)))),
    );
    r.post(
      '/api/staff/resources',
      {
        config: manager,
        schema: {
          tags: staffTags,
          summary: 'Step two: publish the uploaded PDF as a form or course (audited)',
          body: ZPublishResource,
          querystring: ZNoQuery,
          response: { 201: ZStaffResource, ...errors, 409: ZErrorResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await publishResource(deps, callerOf(request), request.body)),
    );
    r.post(
      '/api/staff/resources/:id/retire',
      {
        config: manager,
        schema: {
          tags: staffTags,
          summary: 'No longer offer it (completions stay; audited)',
          params: ZResourceParams,
          querystring: ZNoQuery,
          response: { 200: ZStaffResource, ...errors },
        },
      },
      async (request) => retireResource(deps, callerOf(request), request.params.id),
    );
    r.get(
      '/api/staff/resources/:id/file',
      {
        config: staff,
        schema: { tags: staffTags, summary: 'The PDF of any form or course, retired too', params: ZResourceParams, querystring: ZNoQuery, response: errors },
      },
      async (request, reply) => download(reply, downloadStaffResource(deps, callerOf(request), request.params.id)),
    );
  };
}
