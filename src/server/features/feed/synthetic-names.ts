// Word lists for the synthetic book (synthetic-book.ts): names, employers, plans and where the five
// states' ZIP codes and phone area codes start, so generated rows read like a carrier's.
import type { TLineOfBusiness } from '../../../shared/book.ts';

// prettier-ignore
export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan',
  'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Karen', 'Daniel', 'Lisa', 'Matthew', 'Nancy', 'Anthony', 'Sandra', 'Mark', 'Ashley', 'Jose',
  'Maria', 'Kevin', 'Emily', 'Brian', 'Aisha', 'Wei', 'Priya', 'Diego', 'Rosa', 'Samuel', 'Grace', 'Tyrone', 'Mei', 'Juan', 'Olivia', 'Ahmed',
  'Hannah', 'Luis', 'Chloe', 'Dakota', 'Winona',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez',
  'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark',
  'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Nguyen', 'Patel', 'Kim', 'Begay', 'Yazzie', 'Chavez',
  'Okafor', 'Schmidt', 'Olson', 'Baca', 'Whitehorse', 'Reyes', 'Camp', 'Delgado', 'Brooks',
] as const;

// prettier-ignore
export const EMPLOYER_KINDS = [
  'Manufacturing Co.', 'Foods', 'Logistics', 'School District', 'Dental Associates', 'Construction', 'Credit Union', 'Medical Group',
  'Hardware', 'Farms', 'Energy Services', 'Auto Group', 'Law Offices', 'Hospitality', 'Ranch Supply',
] as const;

export const PLANS: Record<TLineOfBusiness, readonly string[]> = {
  'major-medical': ['Blue Advantage Bronze HMO', 'Blue Advantage Silver HMO', 'Blue Advantage Gold PPO', 'Blue Choice Platinum PPO'],
  'medicare-supplement': ['Blue Medicare Supplement Plan G', 'Blue Medicare Supplement Plan N', 'Blue Medicare Supplement Plan F'],
  'medicare-advantage': ['Blue Cross Medicare Advantage PPO', 'Blue Cross Medicare Advantage HMO', 'Blue Cross Medicare Advantage Dual'],
  'prescription-drug': ['Blue Cross MedicareRx Value', 'Blue Cross MedicareRx Plus', 'Blue Cross MedicareRx Choice'],
  dental: ['BlueCare Dental PPO', 'BlueCare Dental HMO', 'BlueCare Dental Plus'],
  vision: ['Blue Vision Basic', 'Blue Vision Plus'],
  'group-medical': ['Blue Choice PPO Group', 'Blue Advantage HMO Group', 'Blue Options HSA Group'],
  'group-dental': ['BlueCare Dental Group PPO', 'BlueCare Dental Group HMO'],
  'group-life': ['Blue Group Term Life', 'Blue Group Life and AD&D'],
};

/** Monthly premium range in dollars, per person (group lines: per employee). */
export const PREMIUM_DOLLARS: Record<TLineOfBusiness, readonly [number, number]> = {
  'major-medical': [260, 920],
  'medicare-supplement': [110, 260],
  'medicare-advantage': [0, 60],
  'prescription-drug': [8, 80],
  dental: [18, 62],
  vision: [8, 22],
  'group-medical': [420, 720],
  'group-dental': [28, 52],
  'group-life': [4, 16],
};

/** The five states the carrier writes in: a ZIP range and a phone area code each. */
export const STATE_CONTACT = {
  IL: { zip: [60001, 62999], area: ['312', '217', '618'] },
  MT: { zip: [59001, 59937], area: ['406'] },
  NM: { zip: [87001, 88439], area: ['505', '575'] },
  OK: { zip: [73001, 74966], area: ['405', '918', '580'] },
  TX: { zip: [75001, 79999], area: ['214', '512', '713', '915'] },
} as const;

/** The commission schedule's percent of premium, first-year and renewal, by line (every state alike). */
export const COMMISSION_RATES: Record<TLineOfBusiness, { new: number; renewal: number }> = {
  'major-medical': { new: 8, renewal: 4 },
  'medicare-supplement': { new: 20, renewal: 10 },
  'medicare-advantage': { new: 15, renewal: 7.5 },
  'prescription-drug': { new: 10, renewal: 5 },
  dental: { new: 12, renewal: 8 },
  vision: { new: 12, renewal: 8 },
  'group-medical': { new: 5, renewal: 4 },
  'group-dental': { new: 7, renewal: 5 },
  'group-life': { new: 10, renewal: 10 },
};
