// Demo service-request tickets (SR-3 … SR-5) for the demo producer ID 000600501, one in each
// state, made through the same services a producer and producer services use, with real PDF
// files where the request type needs one.
import { Readable } from 'node:stream';
import type { TRole } from '../../../shared/portals.ts';
import type { TFileRequest } from '../../../shared/service-request-types.ts';
import { fileRequest, rosterProducerId } from '../service-requests/file-request.service.ts';
import { builtInPorTransferForm } from '../service-requests/por-transfer-form.ts';
import { cancelTicket } from '../service-requests/producer-tickets.service.ts';
import type { TTicketActor, TTicketDeps } from '../service-requests/service-requests.service.ts';
import { addStaffMessage, assignTicket, changeTicketStatus } from '../service-requests/staff-tickets.service.ts';
import { uploadFile } from '../uploads/uploads.service.ts';

export interface TDemoUser {
  id: string;
  username: string;
  role: TRole;
  agentUniqueId?: string | undefined;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Seeds the tickets; `users` are the demo logins by user name (mreyes, lkim, prodservices). */
export async function seedDemoTickets(deps: TTicketDeps, users: ReadonlyMap<string, TDemoUser>): Promise<void> {
  const actorOf = async (username: string): Promise<TTicketActor> => {
    const user = users.get(username);
    if (!user) throw new Error(`demo user ${username} is missing`);
    const producerId = user.agentUniqueId ? ((await rosterProducerId(deps.db, user.agentUniqueId)) ?? null) : null;
    return { id: user.id, username, role: user.role, portalId: producerId === null ? 'staff' : 'producers', producerId, groupId: null };
  };
  const [marcus, linda, staff] = await Promise.all([actorOf('mreyes'), actorOf('lkim'), actorOf('prodservices')]);
  const now = deps.clock.now();
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const lastMonth = isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))).slice(0, 7);
  const pdf = await builtInPorTransferForm();
  const upload = async (actor: TTicketActor, name: string) =>
    (await uploadFile(deps, { actor, receive: async () => ({ name, content: Readable.from([pdf]) }) })).id;
  const file = async (actor: TTicketActor, request: TFileRequest) => (await fileRequest(deps, { actor, request })).number;

  // Submitted, with its POR documentation.
  await file(linda, {
    type: 'group-por',
    lineOfBusiness: 'group-medical',
    accountNumber: '100234',
    accountName: 'Acme Manufacturing Co.',
    attachments: [await upload(linda, 'Acme POR transfer form.pdf')],
  });
  // In progress, assigned, with a message from producer services.
  const dispute = await file(marcus, {
    type: 'commission-dispute',
    statementMonth: lastMonth,
    accountNumber: '100871',
    amountExpected: 184_250,
    amountPaid: 162_000,
    explanation: 'The statement paid the renewal rate on Rio Grande School District; the group renewed at the first-year rate.',
    attachments: [],
  });
  await assignTicket(deps, { actor: staff, number: dispute, assigneeId: staff.id });
  await changeTicketStatus(deps, { actor: staff, number: dispute, status: 'in-progress' });
  await addStaffMessage(deps, {
    actor: staff,
    number: dispute,
    visibility: 'producer',
    body: 'We are comparing the statement with the commission schedule for this group and will write again within five business days.',
  });
  // Pending the producer's response.
  const eft = await file(marcus, {
    type: 'eft',
    bankName: 'First Prairie Bank',
    routingNumber: '011000015',
    accountNumber: '4400123456789',
    confirmAccountNumber: '4400123456789',
    accountType: 'checking',
    effectiveDate: isoDay(nextMonth),
    attachments: [await upload(marcus, 'voided check.pdf')],
  });
  await changeTicketStatus(deps, {
    actor: staff,
    number: eft,
    status: 'pending-producer',
    note: 'The voided check shows a savings account, but the request says checking. Which is it?',
  });
  // Resolved, and cancelled: closed, so only the staff queue shows them.
  const contact = await file(linda, {
    type: 'contact-info',
    street: '2200 Commerce St',
    street2: 'Suite 400',
    city: 'Dallas',
    state: 'TX',
    zip: '75201',
    phone: '2145550142',
    email: 'linda.kim@lonestar-benefits.example',
    attachments: [],
  });
  await changeTicketStatus(deps, {
    actor: staff,
    number: contact,
    status: 'resolved',
    note: 'Your mailing address and phone number are updated on the roster.',
  });
  const cancelled = await file(marcus, { type: 'sep-affirmation', planYear: now.getUTCFullYear(), affirmed: true, attachments: [] });
  await cancelTicket(deps, { actor: marcus, number: cancelled });
}
