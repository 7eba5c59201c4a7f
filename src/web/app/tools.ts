// The administration tools of each portal and the roles that see them (LC-5, LC-6, staff
// console). The shell's menu, the home page and each tool's own page read this one list; the
// server decides again on every request, this only keeps people away from pages they cannot use.
import type { TPortalId, TRole } from '../../shared/portals.ts';
import { paths } from './routes.ts';

export type TToolId =
  | 'services-home'
  | 'password-manager'
  | 'security-manager'
  | 'staff-users'
  | 'staff-service-requests'
  | 'staff-audit'
  | 'staff-lifecycle'
  | 'staff-settings'
  | 'staff-feed-runs'
  | 'staff-book'
  | 'staff-resources'
  | 'retail-forms'
  | 'retail-training'
  | 'producer-forms'
  | 'producer-training'
  | 'producer-commissions'
  | 'retail-commissions'
  | 'producer-commission-report'
  | 'retail-commission-report'
  | 'group-book'
  | 'book-applications'
  | 'book-clients';

export interface TTool {
  id: TToolId;
  portalId: TPortalId;
  label: string;
  /** One line for the home page. */
  description: string;
  to: string;
  roles: readonly TRole[];
}

// As src/server/platform/policy.ts grants them: producer services may look users up and read settings only.
const STAFF_SUPPORT: readonly TRole[] = ['help-desk', 'security-admin'];
const ALL_STAFF: readonly TRole[] = ['help-desk', 'producer-services', 'security-admin'];

/** Forms and training (BK-6), the same two tools in each producer portal. */
function resourceTools(portalId: 'retail' | 'producers', roles: readonly TRole[]): TTool[] {
  const prefix = portalId === 'retail' ? 'retail' : 'producer';
  return [
    {
      id: `${prefix}-forms`,
      portalId,
      label: 'Forms',
      description: 'PDFs & related information: download the forms you need, by state and line of business.',
      to: paths.forms(portalId),
      roles,
    },
    {
      id: `${prefix}-training`,
      portalId,
      label: 'Training',
      description: 'Training materials: open a course and record its completion (the SEP Training Affirmation asks for the SEP course).',
      to: paths.training(portalId),
      roles,
    },
  ];
}

export const TOOLS: readonly TTool[] = [
  {
    id: 'services-home',
    portalId: 'producers',
    label: 'Producer Services',
    description: 'Request assistance (commission disputes, producer of record, EFT, contact and E&O updates) and follow your open request tickets.',
    to: paths.servicesHome(),
    roles: ['primary-producer', 'producer-user'],
  },
  {
    id: 'group-book',
    portalId: 'producers',
    label: 'Book of Business',
    description: 'The employer groups you are producer of record for: lines, effective dates, employees, group policies and premium payment status.',
    to: paths.groupBook(),
    roles: ['primary-producer', 'producer-user'],
  },
  ...resourceTools('producers', ['primary-producer', 'producer-user']),
  {
    id: 'producer-commissions',
    portalId: 'producers',
    label: 'Commissions',
    description: 'Your commission summary and monthly commission statements, as pages, PDF and CSV.',
    to: paths.commissionStatements('producers'),
    roles: ['primary-producer', 'producer-user'],
  },
  {
    id: 'producer-commission-report',
    portalId: 'producers',
    label: 'Commission Reporting',
    description: 'The interactive commission reporting tool: commission by month and line of business, filtered, charted and downloadable.',
    to: paths.commissionReport('producers'),
    roles: ['primary-producer', 'producer-user'],
  },
  {
    id: 'password-manager',
    portalId: 'producers',
    label: 'Password Manager',
    description: 'See your sub-users and their last login dates; create sub-users, reset passwords, unlock, disable and reinstate them.',
    to: paths.passwordManager(),
    roles: ['primary-producer'],
  },
  {
    id: 'security-manager',
    portalId: 'employers',
    label: 'Security Manager',
    description: "Search your group's users, see their last login dates and status, and download all users.",
    to: paths.securityManager(),
    roles: ['delegated-admin', 'alternate-delegated-admin'],
  },
  {
    id: 'book-applications',
    portalId: 'retail',
    label: 'Applications',
    description: 'The status of your applications and your current business by line of business.',
    to: paths.bookApplications(),
    roles: ['retail-producer'],
  },
  {
    id: 'book-clients',
    portalId: 'retail',
    label: 'Client Search',
    description: 'Find your clients with a quick or an advanced search, and see their policies, applications and payments.',
    to: paths.bookClients(),
    roles: ['retail-producer'],
  },
  ...resourceTools('retail', ['retail-producer']),
  {
    id: 'retail-commissions',
    portalId: 'retail',
    label: 'Commissions',
    description: 'Your commission summary and monthly commission statements, as pages, PDF and CSV.',
    to: paths.commissionStatements('retail'),
    roles: ['retail-producer'],
  },
  {
    id: 'retail-commission-report',
    portalId: 'retail',
    label: 'Commission Reporting',
    description: 'The interactive commission reporting tool: commission by month and line of business, filtered, charted and downloadable.',
    to: paths.commissionReport('retail'),
    roles: ['retail-producer'],
  },
  {
    id: 'staff-users',
    portalId: 'staff',
    label: 'User Search',
    description: 'Find a user in any portal; reinstate, unlock or reset a password.',
    to: paths.staffUsers(),
    roles: ALL_STAFF,
  },
  {
    id: 'staff-service-requests',
    portalId: 'staff',
    label: 'Service Requests',
    description: "Producers' service-request tickets: filter, assign, answer, change the status and resolve (SR-5).",
    to: paths.staffServiceRequests(),
    roles: ALL_STAFF,
  },
  {
    id: 'staff-audit',
    portalId: 'staff',
    label: 'Audit Log',
    description: 'Search security events by user, action and date.',
    to: paths.staffAudit(),
    roles: STAFF_SUPPORT,
  },
  {
    id: 'staff-lifecycle',
    portalId: 'staff',
    label: 'Lifecycle Report',
    description: 'User IDs that will be disabled or deleted in the next 30 days.',
    to: paths.staffLifecycle(),
    roles: STAFF_SUPPORT,
  },
  {
    id: 'staff-settings',
    portalId: 'staff',
    label: 'Portal Settings',
    description: 'Lockout, lifecycle, password, session and text settings of each portal.',
    to: paths.staffSettings(),
    roles: ALL_STAFF,
  },
  {
    id: 'staff-feed-runs',
    portalId: 'staff',
    label: 'Data Feed',
    description: "The carrier's data feed loads (by file and over HTTP): who, what, when and how they went.",
    to: paths.staffFeedRuns(),
    roles: ALL_STAFF,
  },
  {
    id: 'staff-book',
    portalId: 'staff',
    label: 'Book of Business',
    description: "Read any producer's book by Agent Unique ID or name: their clients, applications and payments in each state, and their employer groups.",
    to: paths.staffBook(),
    roles: ALL_STAFF,
  },
  {
    id: 'staff-resources',
    portalId: 'staff',
    label: 'Forms and Training',
    description: 'The forms and training courses the producer portals offer: publish a PDF, retire one, see who completed a course.',
    to: paths.staffResources(),
    roles: ALL_STAFF,
  },
];

/** The tools a signed-in user of this portal and role may open, in menu order. */
export function toolsFor(portalId: TPortalId, role: string): TTool[] {
  return TOOLS.filter((tool) => tool.portalId === portalId && tool.roles.some((allowed) => allowed === role));
}

export function toolById(id: TToolId): TTool {
  const tool = TOOLS.find((candidate) => candidate.id === id);
  if (!tool) throw new Error(`unknown tool ${id}`);
  return tool;
}

export function canUseTool(id: TToolId, portalId: string, role: string): boolean {
  const tool = toolById(id);
  return tool.portalId === portalId && tool.roles.some((allowed) => allowed === role);
}
