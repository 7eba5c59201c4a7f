// Forms and training (BK-6, docs/decisions/0022): PDFs staff publish for the producer portals, each
// a form (PDFs & related information) or a course whose completion a producer records; a plan
// year's SEP course opens the SEP Training Affirmation request.
//
// Routes, producers (retail producers and producers-portal users with a producer ID):
//   GET  /api/resources/forms                 ?state&line&q: the forms offered, newest first
//   GET  /api/resources/courses               ?state&line&q: the courses, each with its completion
//   GET  /api/resources/courses/:id           one course
//   PUT  /api/resources/courses/:id/completion  mark it complete (the first date is kept)
//   GET  /api/resources/sep-training          the SEP course of each plan year one may affirm
//   GET  /api/resources/:id/file              the PDF
// Staff (all staff read; producer services and security publish and retire):
//   GET  /api/staff/resources                 ?kind&status: every document, with completions
//   POST /api/staff/resources/files           the PDF (multipart "file"), step one
//   POST /api/staff/resources                 the document naming that PDF, step two
//   POST /api/staff/resources/:id/retire      no longer offered
//   GET  /api/staff/resources/:id/file        the PDF
// Errors: 400 request.invalid (fields), 404 resource.not_found, 409 resource.upload_taken.
import { z } from 'zod';
import { emptyIsNone } from './list-query.ts';
import { LINES_OF_BUSINESS } from './book.ts';
import { APPOINTMENT_STATES } from './portals.ts';
import { lineText } from './request-fields.ts';

export const RESOURCE_KINDS = ['form', 'course'] as const;
export type TResourceKind = (typeof RESOURCE_KINDS)[number];
export const RESOURCE_KIND_LABELS: Record<TResourceKind, string> = { form: 'Form', course: 'Training course' };

/** The portals a document may be offered in; none named means both. */
export const RESOURCE_PORTALS = ['retail', 'producers'] as const;
export type TResourcePortal = (typeof RESOURCE_PORTALS)[number];
export const RESOURCE_PORTAL_LABELS: Record<TResourcePortal, string> = { retail: 'Retail Producer Portal', producers: 'Blue Access for Producers' };

const ZPlanYear = z.number().int().min(2000).max(2100);

export const ZResource = z.object({
  id: z.uuid(),
  kind: z.enum(RESOURCE_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  /** null: both producer portals. */
  portalId: z.enum(RESOURCE_PORTALS).nullable(),
  /** null: every state. */
  state: z.enum(APPOINTMENT_STATES).nullable(),
  /** null: every line of business. */
  line: z.enum(LINES_OF_BUSINESS).nullable(),
  planYear: ZPlanYear.nullable(),
  /** A course that counts as the plan year's SEP training (BK-6). */
  sepCourse: z.boolean(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  publishedAt: z.string(),
});
export type TResource = z.infer<typeof ZResource>;

/** A course as its producer sees it: when they completed it, if they have. */
export const ZCourse = ZResource.extend({ completedAt: z.string().nullable() });
export type TCourse = z.infer<typeof ZCourse>;

/** Filters of the producers' lists; an empty value is no filter (a form's "Any" option). */
export const ZResourceQuery = z.strictObject({
  state: z.preprocess(emptyIsNone, z.enum(APPOINTMENT_STATES, 'Choose one of the listed states.').optional()),
  line: z.preprocess(emptyIsNone, z.enum(LINES_OF_BUSINESS, 'Choose one of the listed lines of business.').optional()),
  q: z.preprocess(emptyIsNone, z.string().trim().max(100, 'Search with at most 100 characters.').optional()),
});
export type TResourceQuery = z.infer<typeof ZResourceQuery>;

export const ZResourceParams = z.strictObject({ id: z.uuid('There is no such document.') });

/** For each plan year a SEP affirmation may be filed for: its SEP course and whether it is done. */
export const ZSepTraining = z.array(
  z.object({
    planYear: z.number().int(),
    /** The newest SEP course offered for the year; null until staff publish one. */
    course: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    /** When the user completed a SEP course of that year (any of them, even one since retired). */
    completedAt: z.string().nullable(),
  }),
);
export type TSepTraining = z.infer<typeof ZSepTraining>;

export const RESOURCE_STATUSES = ['active', 'retired', 'all'] as const;
export const ZStaffResourceQuery = z.strictObject({
  kind: z.preprocess(emptyIsNone, z.enum(RESOURCE_KINDS, 'Choose forms or training courses.').optional()),
  status: z.preprocess(emptyIsNone, z.enum(RESOURCE_STATUSES, 'Choose active, retired or all.').default('active')),
});
export type TStaffResourceQuery = z.infer<typeof ZStaffResourceQuery>;

export const ZStaffResource = ZResource.extend({
  publishedBy: z.string(),
  retiredAt: z.string().nullable(),
  retiredBy: z.string().nullable(),
  /** Courses: how many users have completed it; forms: 0. */
  completions: z.number().int(),
});
export type TStaffResource = z.infer<typeof ZStaffResource>;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === undefined ? null : value), schema.nullable());

export const ZPublishResource = z
  .strictObject({
    kind: z.enum(RESOURCE_KINDS, 'Choose a form or a training course.'),
    title: lineText('title', 120),
    description: optional(z.string().trim().max(1000, 'Describe it in at most 1,000 characters.')),
    portalId: optional(z.enum(RESOURCE_PORTALS, 'Choose a portal, or both.')),
    state: optional(z.enum(APPOINTMENT_STATES, 'Choose one of the listed states, or every state.')),
    line: optional(z.enum(LINES_OF_BUSINESS, 'Choose one of the listed lines of business, or every line.')),
    planYear: optional(
      z.coerce
        .number('Enter the plan year as four digits.')
        .int('Enter the plan year as four digits.')
        .min(2000, 'Enter a plan year from 2000.')
        .max(2100, 'Enter a plan year up to 2100.'),
    ),
    sepCourse: z.boolean().default(false),
    uploadId: z.uuid('Upload the PDF first.'),
  })
  .refine((value) => !value.sepCourse || value.kind === 'course', { path: ['sepCourse'], message: 'Only a training course can be the SEP training.' })
  .refine((value) => !value.sepCourse || value.planYear !== null, { path: ['planYear'], message: 'Enter the plan year the SEP training is for.' })
  // The SEP affirmation is filed in the producers portal: its course must be offered there.
  .refine((value) => !value.sepCourse || value.portalId !== 'retail', {
    path: ['portalId'],
    message: 'The SEP training must be offered in Blue Access for Producers, where the affirmation is filed.',
  });
export type TPublishResource = z.output<typeof ZPublishResource>;
export type TPublishResourceInput = z.input<typeof ZPublishResource>;
/** A document's details as code publishes them (the demo, tests): what is left out is "every" or none. */
export type TResourceDetails = Pick<TPublishResourceInput, 'kind' | 'title'> & Partial<Omit<TPublishResourceInput, 'kind' | 'title' | 'uploadId'>>;
