// The vocabulary of commissions (BK-5, issue 17): statement lines and commission schedules as the
// data feed spells them (docs/data-feed.md) and the portals show them.

export const COMMISSION_TRANSACTION_TYPES = ['new', 'renewal', 'adjustment', 'chargeback'] as const;
export type TCommissionTransactionType = (typeof COMMISSION_TRANSACTION_TYPES)[number];
export const COMMISSION_TRANSACTION_LABELS: Record<TCommissionTransactionType, string> = {
  new: 'New business',
  renewal: 'Renewal',
  adjustment: 'Adjustment',
  chargeback: 'Chargeback',
};

export const FUNDING_TYPES = ['fully-insured', 'level-funded', 'self-funded'] as const;
export type TFundingType = (typeof FUNDING_TYPES)[number];
export const FUNDING_TYPE_LABELS: Record<TFundingType, string> = {
  'fully-insured': 'Fully insured',
  'level-funded': 'Level funded',
  'self-funded': 'Self funded',
};

export const CALCULATION_METHODS = ['percent-of-premium', 'per-contract', 'flat'] as const;
export type TCalculationMethod = (typeof CALCULATION_METHODS)[number];
export const CALCULATION_METHOD_LABELS: Record<TCalculationMethod, string> = {
  'percent-of-premium': 'Percent of premium',
  'per-contract': 'Per contract',
  flat: 'Flat amount',
};

/** A schedule's rate is for first-year business or for renewals. */
export const BUSINESS_TYPES = ['new', 'renewal'] as const;
export type TBusinessType = (typeof BUSINESS_TYPES)[number];
