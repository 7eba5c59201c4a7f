// The data feed over HTTP (BK-8, docs/data-feed.md) and its runs in the staff console: the shapes
// the server answers with (OpenAPI) and the web reads.
//
// Routes:
//   POST /api/feed/:kind      text/csv body, Authorization: Bearer <feed token> → ZFeedReport
//   GET  /api/staff/feed-runs  staff session (feed.runs.view)                   → ZFeedRunList
import { z } from 'zod';

// A path segment, not an enum: an unknown kind answers 404 naming the kinds, not a 400 of the schema.
export const ZFeedParams = z.strictObject({ kind: z.string().max(64) });

export const ZFeedProblem = z.object({ line: z.number().int(), column: z.string(), value: z.string(), reason: z.string() });

/** What a load did: counts, the first 1,000 problems, and `error` when the file was refused as a whole. */
export const ZFeedReport = z.object({
  runId: z.string(),
  kind: z.string(),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  problems: z.array(ZFeedProblem),
  durationMs: z.number().int(),
  error: z.string().optional(),
});
export type TFeedReportView = z.infer<typeof ZFeedReport>;

export const FEED_RUN_STATUSES = ['running', 'completed', 'failed'] as const;

export const ZFeedRun = z.object({
  id: z.string(),
  kind: z.string(),
  source: z.enum(['cli', 'api']),
  /** Who loaded it: the feed token's name (API) or the operator (CLI). */
  actor: z.string(),
  status: z.enum(FEED_RUN_STATUSES),
  rowsRead: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Null while the run is still going. */
  durationMs: z.number().int().nullable(),
});
export type TFeedRun = z.infer<typeof ZFeedRun>;

export const ZFeedRunList = z.object({ items: z.array(ZFeedRun) });
export type TFeedRunList = z.infer<typeof ZFeedRunList>;
