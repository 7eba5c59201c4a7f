// Forms and training as producers use them (BK-6, docs/decisions/0022): the forms and courses their
// portal offers, a course marked complete (the first date is kept, and audited, since the SEP
// affirmation rests on it), and the SEP course of each plan year a SEP affirmation may be for.
import type { TDbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { TFileDeps } from '../../platform/deps.ts';
import type { TCaller } from '../../platform/session.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, type TPolicyActor } from '../../platform/policy.ts';
import type { TCourse, TResource, TResourceKind, TResourcePortal, TResourceQuery, TSepTraining } from '../../../shared/resource-schemas.ts';
import { sepPlanYears } from '../../../shared/service-request-types.ts';
import type { TStoredDownload } from '../uploads/uploads.service.ts';
import {
  findOfferedResource,
  findOfferedResources,
  findOfferedSepCourses,
  findSepCompletions,
  recordCompletion,
  type TResourceRow,
} from './resources.store.ts';

/** The database, the clock and the file store. */
export type TResourceDeps = TFileDeps;

/** Who asks, from where (the audit row's actor, address and request id). */
export type TResourceCaller = TCaller;

/** The producer portal the caller uses, once the policy lets them use forms and training. */
function portalOf(actor: TPolicyActor): TResourcePortal {
  assertCan(actor, 'resources.use');
  if (actor.portalId !== 'retail' && actor.portalId !== 'producers') throw new AppError('auth.forbidden');
  return actor.portalId;
}

export function toResource(row: TResourceRow): TResource {
  return {
    id: row.id,
    kind: row.kind as TResource['kind'],
    title: row.title,
    description: row.description,
    portalId: row.portalId as TResource['portalId'],
    state: row.state as TResource['state'],
    line: row.line as TResource['line'],
    planYear: row.planYear,
    sepCourse: row.sepCourse,
    fileName: row.fileName,
    sizeBytes: row.sizeBytes,
    publishedAt: row.publishedAt.toISOString(),
  };
}

function toCourse(row: TResourceRow & { completedAt: Date | null }): TCourse {
  return { ...toResource(row), completedAt: row.completedAt?.toISOString() ?? null };
}

async function listOffered(deps: TResourceDeps, caller: TResourceCaller, input: { kind: TResourceKind; query: TResourceQuery }) {
  const portalId = portalOf(caller.actor);
  return findOfferedResources(deps.db, { ...input.query, kind: input.kind, portalId, userId: caller.actor.id });
}

/** "PDFs & related information": the forms the portal offers, filtered by state, line and title. */
export async function listForms(deps: TResourceDeps, caller: TResourceCaller, query: TResourceQuery): Promise<TResource[]> {
  return (await listOffered(deps, caller, { kind: 'form', query })).map(toResource);
}

export async function listCourses(deps: TResourceDeps, caller: TResourceCaller, query: TResourceQuery): Promise<TCourse[]> {
  return (await listOffered(deps, caller, { kind: 'course', query })).map(toCourse);
}

/** A document the caller's portal offers now; another portal's, a retired or an unknown one is a 404. */
async function offered(deps: TResourceDeps, caller: TResourceCaller, input: { id: string; kind?: TResourceKind }) {
  const portalId = portalOf(caller.actor);
  const row = await findOfferedResource(deps.db, { id: input.id, portalId, userId: caller.actor.id });
  if (!row || (input.kind !== undefined && row.kind !== input.kind)) throw new AppError('resource.not_found');
  return row;
}

export async function getCourse(deps: TResourceDeps, caller: TResourceCaller, id: string): Promise<TCourse> {
  return toCourse(await offered(deps, caller, { id, kind: 'course' }));
}

export async function downloadResource(deps: TResourceDeps, caller: TResourceCaller, id: string): Promise<TStoredDownload> {
  const row = await offered(deps, caller, { id });
  return { stream: await deps.fileStore.open(row.storageKey), name: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}

/** Marks the course complete for the caller: idempotent, the first date stays and only it is audited. */
export async function completeCourse(deps: TResourceDeps, caller: TResourceCaller, id: string): Promise<TCourse> {
  const course = await offered(deps, caller, { id, kind: 'course' });
  const now = deps.clock.now();
  const completedAt = await deps.db.transaction(async (tx) => {
    const completion = await recordCompletion(tx, { resourceId: course.id, userId: caller.actor.id, now });
    if (completion.recorded) {
      await recordAudit(tx, {
        action: 'training.completed',
        occurredAt: now,
        portalId: caller.actor.portalId,
        actor: { id: caller.actor.id, label: caller.actor.username },
        target: { id: caller.actor.id, label: caller.actor.username },
        ipAddress: caller.ipAddress,
        requestId: caller.requestId,
        details: { resourceId: course.id, title: course.title, planYear: course.planYear, sepCourse: course.sepCourse },
      });
    }
    return completion.completedAt;
  });
  return toCourse({ ...course, completedAt });
}

/** For each plan year a SEP affirmation may be for: the course to take and whether the caller has. */
export async function getSepTraining(deps: TResourceDeps, caller: TResourceCaller): Promise<TSepTraining> {
  const portalId = portalOf(caller.actor);
  const planYears = sepPlanYears(deps.clock.now());
  const [courses, completions] = await Promise.all([
    findOfferedSepCourses(deps.db, { portalId, planYears }),
    findSepCompletions(deps.db, { userId: caller.actor.id, planYears }),
  ]);
  return planYears.map((planYear) => {
    const course = courses.find((c) => c.planYear === planYear);
    return { planYear, course: course ? { id: course.id, title: course.title } : null, completedAt: completions.get(planYear)?.toISOString() ?? null };
  });
}

/** Whether the user completed a SEP course of the plan year: the SEP Training Affirmation requires it. */
export async function hasCompletedSepTraining(db: TDbOrTx, input: { userId: string; planYear: number }): Promise<boolean> {
  return (await findSepCompletions(db, { userId: input.userId, planYears: [input.planYear] })).has(input.planYear);
}
