// Set-based SQL of the lifecycle job (LC-1, LC-2, LC-3): one statement per portal and action,
// each reading only the IDs past its cutoff through the partial expression indexes on users.
import { sql, type SQL } from 'drizzle-orm';
import { executeRows, toDate, type TDbOrTx } from '../../db/client.ts';
import { lifecycleRuns } from '../../db/schema/index.ts';
import type { TPortalId } from '../../../shared/portals.ts';

/** The UTC day an ID was last used: last login, creation if never used, reinstatement if later (LC-1). */
const REFERENCE = sql.raw('last_active_on');

export interface TPortalRule {
  portalId: TPortalId;
  exemptRoles: string[];
  /** IDs last used before this day are past the limit (the as-of day minus the days). */
  cutoff: string;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: string) => sql`${d}::date`;
const roles = (r: string[]) => sql`${`{${r.join(',')}}`}::text[]`;

/** The IDs an action applies to; composed into the dry run's preview and the real statement. */
function targets(rule: TPortalRule, status: 'active' | 'disabled', extra: SQL = sql``): SQL {
  return sql`select id, username, portal_id, email, ${REFERENCE} as reference from users
    where portal_id = ${rule.portalId} and status = ${status} and role <> all(${roles(rule.exemptRoles)})
      and ${REFERENCE} < ${day(rule.cutoff)} ${extra}`;
}

export interface TPreview {
  count: number;
  sample: string[];
}

async function preview(db: TDbOrTx, query: SQL): Promise<TPreview> {
  const [row] = await executeRows<{ count: number | string; sample: string[] | null }>(
    db,
    sql`
    with t as (${query})
    select count(*) as count, (select array_agg(username::text order by username) from (select username from t order by username limit 20) s) as sample from t`,
  );
  return { count: Number(row?.count ?? 0), sample: row?.sample ?? [] };
}

/** When a run happens: `now` (real time, for the audit trail) and `effective` (the as-of day at now's time of day, stamped on the IDs). */
export interface TRunTime {
  now: Date;
  effective: Date;
  asOf: string;
}

function auditRows(action: string, { now, asOf }: TRunTime): SQL {
  return sql`insert into audit_events (occurred_at, action, portal_id, actor_label, target_user_id, target_label, details)
    select ${ts(now)}, ${action}, t.portal_id, 'lifecycle job', t.id, t.username, jsonb_build_object('asOf', ${asOf}::text, 'lastActiveOn', t.reference)
    from t`;
}

export interface TDeletionRule extends TPortalRule {
  /** Disabled before this instant (the start of the as-of day): not by the run itself. */
  disabledBefore: Date;
}

function deletionTargets(rule: TDeletionRule): SQL {
  return targets(rule, 'disabled', sql`and coalesce(disabled_at, '-infinity'::timestamptz) < ${ts(rule.disabledBefore)}`);
}

export function previewDeletions(db: TDbOrTx, rule: TDeletionRule): Promise<TPreview> {
  return preview(db, deletionTargets(rule));
}

/** Deleted IDs keep their row (a tombstone for the audit trail and tickets) but lose credentials and personal data (LC-3). */
export async function deleteInactive(db: TDbOrTx, rule: TDeletionRule, time: TRunTime): Promise<number> {
  const [row] = await executeRows<{ count: number | string }>(
    db,
    sql`
    with t as (${deletionTargets(rule)} for update),
    tombstone as (
      update users u set status = 'deleted', deleted_at = ${ts(time.effective)}, username = 'deleted-' || u.id::text,
        password_hash = null, temp_password_hash = null, temp_password_expires_at = null,
        challenge_question = null, challenge_answer_hash = null, first_name = '', last_name = '', email = null,
        failed_attempts = 0, locked_until = null, lifecycle_warned_at = null
      from t where u.id = t.id),
    ended as (delete from sessions s using t where s.user_id = t.id),
    links as (delete from one_time_tokens o using t where o.user_id = t.id),
    audited as (${auditRows('user.deleted', time)})
    select count(*) as count from t`,
  );
  return Number(row?.count ?? 0);
}

export function previewDisables(db: TDbOrTx, rule: TPortalRule): Promise<TPreview> {
  return preview(db, targets(rule, 'active'));
}

export async function disableInactive(db: TDbOrTx, rule: TPortalRule, time: TRunTime): Promise<number> {
  const [row] = await executeRows<{ count: number | string }>(
    db,
    sql`
    with t as (${targets(rule, 'active')} for update),
    disabled as (update users u set status = 'disabled', disabled_at = ${ts(time.effective)} from t where u.id = t.id),
    ended as (delete from sessions s using t where s.user_id = t.id),
    audited as (${auditRows('user.disabled', time)})
    select count(*) as count from t`,
  );
  return Number(row?.count ?? 0);
}

export interface TWarningRule extends TPortalRule {
  /** IDs used before `cutoff` (the warning point) but not before this are about to be disabled. */
  disableCutoff: string;
  disableAfterDays: number;
}

export interface TWarningTemplate {
  subject: string;
  /** With {{username}} and {{date}} placeholders; the HTML one gets them HTML-escaped. */
  text: string;
  html: string;
}

function warningTargets(rule: TWarningRule): SQL {
  return targets(
    rule,
    'active',
    sql`and email is not null and ${REFERENCE} >= ${day(rule.disableCutoff)}
    and (lifecycle_warned_at is null or (lifecycle_warned_at at time zone 'UTC')::date < ${REFERENCE})`,
  );
}

export function previewWarnings(db: TDbOrTx, rule: TWarningRule): Promise<TPreview> {
  return preview(db, warningTargets(rule));
}

const escapeSql = (value: SQL) =>
  sql`replace(replace(replace(replace(replace(${value}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;

/** One warning per ID per inactivity period (LC-2), written to the outbox with the change. */
export async function warnInactive(db: TDbOrTx, { rule, template, time }: { rule: TWarningRule; template: TWarningTemplate; time: TRunTime }): Promise<number> {
  const disableDate = sql`to_char(t.reference + ${rule.disableAfterDays + 1}::int, 'FMMonth FMDD, YYYY')`;
  const fill = (body: string, escape: boolean) => {
    const username = escape ? escapeSql(sql`t.username::text`) : sql`t.username::text`;
    return sql`replace(replace(${body}::text, '{{username}}', ${username}), '{{date}}', ${disableDate})`;
  };
  const [row] = await executeRows<{ count: number | string }>(
    db,
    sql`
    with t as (${warningTargets(rule)} for update),
    warned as (update users u set lifecycle_warned_at = ${ts(time.effective)} from t where u.id = t.id),
    mail as (
      insert into outbox_messages (kind, to_address, subject, text_body, html_body, next_attempt_at, created_at)
      select 'lifecycle_warning', t.email, ${template.subject}, ${fill(template.text, false)}, ${fill(template.html, true)}, ${ts(time.now)}, ${ts(time.now)} from t),
    audited as (${auditRows('user.lifecycle_warned', time)})
    select count(*) as count from t`,
  );
  return Number(row?.count ?? 0);
}

/** Only one run at a time across instances: a transaction-scoped advisory lock, not waited for. */
export async function tryLifecycleLock(db: TDbOrTx): Promise<boolean> {
  const [row] = await executeRows<{ locked: boolean }>(db, sql`select pg_try_advisory_xact_lock(hashtext('portico.lifecycle')) as locked`);
  return row?.locked === true;
}

export async function recordRun(db: TDbOrTx, run: typeof lifecycleRuns.$inferInsert): Promise<void> {
  await db.insert(lifecycleRuns).values(run);
}

export interface TUpcomingRow {
  userId: string;
  portalId: TPortalId;
  username: string;
  firstName: string;
  lastName: string;
  role: string;
  status: string;
  lastLoginAt: Date | null;
  action: 'disable' | 'delete';
  dueOn: string;
}

/** The reader's tenant within the portals (the policy's user scope), when it is narrower than whole portals. */
export interface TUpcomingTenant {
  producerId?: number | undefined;
  groupId?: number | undefined;
  roles?: readonly string[] | undefined;
}

/** IDs whose disable or delete date falls on or before `until` (the staff console's report). */
export async function findUpcoming(
  db: TDbOrTx,
  rules: { portalId: TPortalId; exemptRoles: string[]; disableAfterDays: number; deleteAfterDays: number }[],
  input: { until: string; tenant: TUpcomingTenant; limit: number; offset: number },
): Promise<{ total: number; rows: TUpcomingRow[] }> {
  if (rules.length === 0) return { total: 0, rows: [] };
  const { tenant } = input;
  const within = sql.join([
    ...(tenant.producerId === undefined ? [] : [sql` and producer_id = ${tenant.producerId}`]),
    ...(tenant.groupId === undefined ? [] : [sql` and group_id = ${tenant.groupId}`]),
    ...(tenant.roles === undefined ? [] : [sql` and role = any(${roles([...tenant.roles])})`]),
  ]);
  // One index-friendly part per portal and action: active IDs due to be disabled, disabled ones due to be deleted.
  const parts = rules.flatMap((r) =>
    (['active', 'disabled'] as const).map((status) => {
      const days = status === 'active' ? r.disableAfterDays : r.deleteAfterDays;
      return sql`
      select id, portal_id, username, first_name, last_name, role, status, last_login_at,
        ${status === 'active' ? 'disable' : 'delete'}::text as action,
        ${REFERENCE} + ${days + 1}::int as due
      from users
      where portal_id = ${r.portalId} and status = ${status} and role <> all(${roles(r.exemptRoles)})
        and ${REFERENCE} < ${input.until}::date - ${days}::int${within}`;
    }),
  );
  const rows = await executeRows<{
    id: string;
    portal_id: TPortalId;
    username: string;
    first_name: string;
    last_name: string;
    role: string;
    status: string;
    last_login_at: Date | string | null;
    action: 'disable' | 'delete';
    due_on: string;
    total: number | string;
  }>(
    db,
    sql`
    with u as (${sql.join(parts, sql` union all `)})
    select id, portal_id, username, first_name, last_name, role, status, last_login_at, action,
      to_char(due, 'YYYY-MM-DD') as due_on, count(*) over () as total
    from u order by due, username limit ${input.limit} offset ${input.offset}`,
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      userId: r.id,
      portalId: r.portal_id,
      username: r.username,
      firstName: r.first_name,
      lastName: r.last_name,
      role: r.role,
      status: r.status,
      lastLoginAt: toDate(r.last_login_at),
      action: r.action,
      dueOn: r.due_on,
    })),
  };
}

/** Failure counters of unknown user names (ID-2) are kept 30 days after their last attempt. */
export async function purgeStaleLoginAttempts(db: TDbOrTx, before: Date): Promise<number> {
  const [row] = await executeRows<{ count: number | string }>(
    db,
    sql`
    with gone as (
      delete from login_attempts where updated_at < ${ts(before)} and (locked_until is null or locked_until < ${ts(before)})
      returning 1)
    select count(*) as count from gone`,
  );
  return Number(row?.count ?? 0);
}
