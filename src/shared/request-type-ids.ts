// The request types' ids alone (SR-2), without their form schemas: the web's address table
// needs them on the login page, whose JavaScript has a size budget.
export const REQUEST_TYPE_IDS = [
  'commission-dispute',
  'group-por',
  'eft',
  'contact-info',
  'book-transfer',
  'password',
  'challenge-question',
  'eo-coverage',
  'sep-affirmation',
] as const;
export type TRequestTypeId = (typeof REQUEST_TYPE_IDS)[number];
