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
