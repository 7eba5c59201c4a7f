// The vocabulary of the carrier's book of business (BK-1 … BK-4, BK-8): lines of business and the
// statuses of policies, applications and premium payments, as the data feed spells them
// (docs/data-feed.md) and the portals show them.

export const LINES_OF_BUSINESS = [
  'major-medical',
  'medicare-supplement',
  'medicare-advantage',
  'prescription-drug',
  'dental',
  'vision',
  'group-medical',
  'group-dental',
  'group-life',
] as const;
export type TLineOfBusiness = (typeof LINES_OF_BUSINESS)[number];

export const POLICY_STATUSES = ['pending', 'active', 'grace', 'terminated', 'cancelled'] as const;
export type TPolicyStatus = (typeof POLICY_STATUSES)[number];

export const APPLICATION_STATUSES = ['received', 'pending-information', 'in-review', 'approved', 'issued', 'declined', 'withdrawn'] as const;
export type TApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const PAYMENT_STATUSES = ['paid', 'due', 'past-due', 'grace', 'terminated-nonpayment'] as const;
export type TPaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** How the portals name the lines (BK-2's names). */
export const LINE_OF_BUSINESS_LABELS: Record<TLineOfBusiness, string> = {
  'major-medical': 'Major Medical',
  'medicare-supplement': 'Medicare Supplement',
  'medicare-advantage': 'Medicare Advantage (MAPD)',
  'prescription-drug': 'Prescription Drug (PDP)',
  dental: 'Dental',
  vision: 'Vision',
  'group-medical': 'Group Medical',
  'group-dental': 'Group Dental',
  'group-life': 'Group Life',
};

export const POLICY_STATUS_LABELS: Record<TPolicyStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  grace: 'In grace period',
  terminated: 'Terminated',
  cancelled: 'Cancelled',
};

export const APPLICATION_STATUS_LABELS: Record<TApplicationStatus, string> = {
  received: 'Received',
  'pending-information': 'Pending information',
  'in-review': 'In review',
  approved: 'Approved',
  issued: 'Issued',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const PAYMENT_STATUS_LABELS: Record<TPaymentStatus, string> = {
  paid: 'Paid',
  due: 'Due',
  'past-due': 'Past due',
  grace: 'In grace period',
  'terminated-nonpayment': 'Terminated for non-payment',
};
