// Filing a request (SR-2, SR-3): the shared schema already refused malformed input; here are the
// checks that need the clock, the roster or the portal's settings, then one transaction makes the
// ticket, claims its files, writes the first status line, the audit row and the "received" e-mail,
// and the answer is built from what it wrote.
import { randomUUID } from 'node:crypto';
import type { TDbOrTx } from '../../db/client.ts';
import { AppError, type TFieldError } from '../../platform/errors.ts';
import type { TClock } from '../../platform/clock.ts';
import type { TProducerServicesSettings, TTicketDetail } from '../../../shared/service-request-schemas.ts';
import { requestTypeOf, sepPlanYears, type TFileRequest } from '../../../shared/service-request-types.ts';
import { getPortal } from '../portals/portals.service.ts';
import { hasCompletedSepTraining } from '../resources/resources.service.ts';
import { claimUploads } from '../uploads/uploads.service.ts';
import { accountNumberContext, summaryOf, toStoredDetails } from './request-details.ts';
import { ticketFiledEmail } from './service-requests-emails.ts';
import { addHistory, auditTicket, emailFiler, type TActorInput, type TTicketActor, type TTicketDeps } from './service-requests.service.ts';
import { toTicketDetail } from './service-requests.presenter.ts';
import { assertCan } from '../../platform/policy.ts';
import { findAgentUniqueId, findProducerId } from './ticket-search.store.ts';
import { findFiler, findSepAffirmation, insertSepAffirmation, insertTicket, nextTicketNumber, type TTicketRow } from './tickets.store.ts';

export async function getProducerServicesSettings(deps: { db: TDbOrTx; clock: TClock }, input: { actor: TTicketActor }): Promise<TProducerServicesSettings> {
  assertCan(input.actor, 'service_request.file');
  const portal = await getPortal(deps.db, 'producers');
  return {
    porNotice: portal.texts.porNotice,
    maxUploadBytes: portal.policy.maxUploadBytes,
    maxFilesPerRequest: portal.policy.maxFilesPerRequest,
    sepPlanYears: sepPlanYears(deps.clock.now()),
  };
}

function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The checks the form's schema cannot make: against today, the roster, the settings. */
async function serverChecks(db: TDbOrTx, { request, actor, now }: { request: TFileRequest; actor: TTicketActor; now: Date }): Promise<TFieldError[]> {
  const errors: TFieldError[] = [];
  const notPast = (field: string, date: string) => {
    if (date < today(now)) errors.push({ field, message: 'The effective date cannot be in the past.' });
  };
  switch (request.type) {
    case 'commission-dispute':
      if (request.statementMonth > today(now).slice(0, 7)) errors.push({ field: 'statementMonth', message: 'The statement month cannot be in the future.' });
      break;
    case 'book-transfer': {
      const own = actor.producerId === null ? undefined : await findAgentUniqueId(db, actor.producerId);
      if (request.receivingAgentId === own) {
        errors.push({ field: 'receivingAgentId', message: "Enter the receiving producer's Agent Unique ID, not your own." });
      } else if ((await findProducerId(db, request.receivingAgentId)) === undefined) {
        errors.push({ field: 'receivingAgentId', message: 'No producer on our roster has that Agent Unique ID.' });
      }
      notPast('effectiveDate', request.effectiveDate);
      break;
    }
    case 'eft':
      notPast('effectiveDate', request.effectiveDate);
      break;
    case 'sep-affirmation': {
      const years = sepPlanYears(now);
      if (!years.includes(request.planYear)) errors.push({ field: 'planYear', message: `Choose plan year ${years.join(' or ')}.` });
      // BK-6: one affirms a training one has taken.
      else if (!(await hasCompletedSepTraining(db, { userId: actor.id, planYear: request.planYear })))
        errors.push({
          field: 'planYear',
          message: `Complete the SEP training course for plan year ${request.planYear} first (Training materials), then affirm it.`,
        });
      break;
    }
    case 'group-por':
    case 'contact-info':
    case 'eo-coverage':
      break;
  }
  const rule = requestTypeOf(request.type).attachment;
  if (rule?.required && request.attachments.length === 0) errors.push({ field: 'attachments', message: `Attach the ${rule.label}.` });
  if (!rule && request.attachments.length > 0) errors.push({ field: 'attachments', message: 'This request takes no attachments.' });
  return errors;
}

function alreadyAffirmed(planYear: number, number: string): AppError {
  return new AppError('sep.already_affirmed', {
    message: `You have already affirmed the SEP training for plan year ${planYear}: see request ticket ${number}.`,
  });
}

/** SR-3: a ticket whose number is shown at once; its producer ID is the filer's, never the request's. */
export async function fileRequest(deps: TTicketDeps, input: TActorInput & { request: TFileRequest }): Promise<TTicketDetail> {
  const { actor, request } = input;
  assertCan(actor, 'service_request.file');
  const producerId = actor.producerId;
  if (producerId === null) throw new AppError('auth.forbidden');
  const now = deps.clock.now();
  const fields = await serverChecks(deps.db, { request, actor, now });
  if (fields.length > 0) throw new AppError('request.invalid', { message: fields.map((f) => f.message).join(' '), fields });
  if (request.type === 'sep-affirmation') {
    const existing = await findSepAffirmation(deps.db, actor.id, request.planYear);
    if (existing) throw alreadyAffirmed(request.planYear, existing);
  }
  const portal = await getPortal(deps.db, actor.portalId);
  const filer = await findFiler(deps.db, { userId: actor.id, producerId });
  if (!filer) throw new AppError('internal');
  // The id is made here, not by the database: the account number is sealed bound to it.
  const ticketId = randomUUID();
  const details = toStoredDetails(request, (clear) => deps.secretBox.seal(clear, accountNumberContext(ticketId)));
  const detail = await deps.db.transaction(async (tx) => {
    const ticketNumber = await nextTicketNumber(tx, now.getUTCFullYear());
    const ticket = { number: ticketNumber, portalId: portal.id, type: request.type, summary: summaryOf(request.type, details) };
    await insertTicket(tx, { ...ticket, id: ticketId, producerId, filedBy: actor.id, details, now });
    if (request.type === 'sep-affirmation' && !(await insertSepAffirmation(tx, { userId: actor.id, planYear: request.planYear, ticketId }))) {
      const existing = await findSepAffirmation(tx, actor.id, request.planYear);
      throw alreadyAffirmed(request.planYear, existing ?? 'on file');
    }
    const maxFiles = portal.policy.maxFilesPerRequest;
    const attachments = request.attachments.length > 0 ? await claimUploads(tx, { uploadIds: request.attachments, userId: actor.id, ticketId, maxFiles }) : [];
    const messageId = await addHistory(tx, { ticketId, authorId: actor.id, kind: 'status', body: 'Submitted', now });
    await auditTicket(tx, {
      input,
      ticket: { ...ticket, id: ticketId },
      action: 'service_request.filed',
      now,
      details: { attachments: request.attachments.length },
    });
    // The row and page as a read would return them, built from what this transaction wrote (the
    // details through JSON, as jsonb gives them back): no reading back what was just written.
    const row: TTicketRow = {
      ...ticket,
      ...filer,
      id: ticketId,
      producerId,
      filedBy: actor.id,
      status: 'submitted',
      details: JSON.parse(JSON.stringify(details)) as Record<string, unknown>,
      assigneeId: null,
      assigneeName: null,
      resolutionNote: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await emailFiler(tx, { deps, row, now, make: ticketFiledEmail, portalName: portal.name });
    const submitted = { id: messageId, kind: 'status' as const, body: 'Submitted', authorName: filer.filerName, authorPortal: actor.portalId, createdAt: now };
    return toTicketDetail({ row, messages: [submitted], attachments, viewer: actor });
  });
  return detail;
}

/** producers.id of an Agent Unique ID on the roster (the demo seed builds its producers' actors with it). */
export async function rosterProducerId(db: TDbOrTx, agentUniqueId: string): Promise<number | undefined> {
  return findProducerId(db, agentUniqueId);
}
