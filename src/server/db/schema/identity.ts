// Users, sessions and the failure counters that drive lockout (ID-1, ID-2, ID-10).
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies, employerGroups, producers } from './directory.ts';
import { portals } from './portals.ts';
import { citext } from './types.ts';

export const USER_STATUSES = ['active', 'pending', 'disabled', 'deleted'] as const;
export type TUserStatus = (typeof USER_STATUSES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    portalId: text('portal_id')
      .notNull()
      .references(() => portals.id),
    username: citext('username').notNull(),
    passwordHash: text('password_hash'),
    role: text('role').notNull(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    email: citext('email'),
    producerId: integer('producer_id').references(() => producers.id),
    agencyId: integer('agency_id').references(() => agencies.id),
    groupId: integer('group_id').references(() => employerGroups.id),
    status: text('status').$type<TUserStatus>().notNull().default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** ID-7: a temporary password from a reset; single-use, expiring, kept apart from the real one. */
    tempPasswordHash: text('temp_password_hash'),
    tempPasswordExpiresAt: timestamp('temp_password_expires_at', { withTimezone: true }),
    /** ID-9: one security question; the answer is normalised and hashed like a password. */
    challengeQuestion: text('challenge_question'),
    challengeAnswerHash: text('challenge_answer_hash'),
    /** LC-1: a reinstated ID counts its inactivity from here. */
    reinstatedAt: timestamp('reinstated_at', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** LC-2: when the "will be disabled" warning went out for the current inactivity period. */
    lifecycleWarnedAt: timestamp('lifecycle_warned_at', { withTimezone: true }),
    /** LC-1: the UTC day the ID was last used — last login, else creation, or reinstatement if later. */
    lastActiveOn: date('last_active_on', { mode: 'string' }).generatedAlwaysAs(
      sql`((greatest(coalesce(last_login_at, created_at), coalesce(reinstated_at, created_at)) at time zone 'UTC')::date)`,
    ),
  },
  (t) => [
    uniqueIndex('users_portal_username_key').on(t.portalId, t.username),
    // ID-5: one retail account per roster entry.
    uniqueIndex('users_retail_producer_key')
      .on(t.producerId)
      .where(sql`${t.portalId} = 'retail' and ${t.status} <> 'deleted'`),
    index('users_producer_idx').on(t.producerId),
    // LC-1: the lifecycle job reads only the IDs past a cutoff, never the ones it keeps.
    // LC-1: the lifecycle job reads only the IDs past a cutoff, never the ones it keeps. Keyed by
    // a day, not a time, so most logins change no indexed value and update the row in place (HOT).
    index('users_lifecycle_active_idx')
      .on(t.portalId, t.lastActiveOn)
      .where(sql`${t.status} = 'active'`),
    index('users_lifecycle_disabled_idx')
      .on(t.portalId, t.lastActiveOn)
      .where(sql`${t.status} = 'disabled'`),
    index('users_group_idx').on(t.groupId),
    check('users_status_known', sql`${t.status} in ('active','pending','disabled','deleted')`),
    check('users_failed_attempts_nonnegative', sql`${t.failedAttempts} >= 0`),
  ],
);

/** Failure counters for user names that match no live account, so unknown names lock like real ones. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    portalId: text('portal_id')
      .notNull()
      .references(() => portals.id),
    username: citext('username').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.portalId, t.username] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a stolen table cannot be replayed as cookies. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    portalId: text('portal_id')
      .notNull()
      .references(() => portals.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** Opened with a temporary password: nothing but Change Password works until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Single-use links (registration confirmation): only the SHA-256 of the token is stored. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    purpose: text('purpose').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
);
