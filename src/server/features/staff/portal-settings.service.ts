// Per-portal policy settings (lockout, lifecycle, password profile, sessions, temporary passwords,
// texts): every staff role reads them, only the security administrator changes them. A change is
// validated as a whole (validatePortalPolicy) and audited with the before and after of each key.
import { recordAudit, type TAuditContext } from '../../platform/audit.ts';
import type { TDataDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { assertCan, can, type TPolicyActor } from '../../platform/policy.ts';
import type { TPortalId, TPortalPolicy, TPortalTexts } from '../../../shared/portals.ts';
import { validatePortalPolicy, type TPortalSettings, type TPortalSettingsPatch } from '../../../shared/user-admin-schemas.ts';
import { findPortalSettings, savePortalSettings, type TPortalSettingsRow } from './portal-settings.store.ts';

function present(row: TPortalSettingsRow, actor: TPolicyActor): TPortalSettings {
  return {
    id: row.id,
    name: row.name,
    policy: row.policy,
    texts: row.texts,
    updatedAt: row.updatedAt.toISOString(),
    editable: can(actor, 'portal.settings.edit', { portalId: row.id }),
  };
}

export async function getPortalSettings(deps: TDataDeps, input: { actor: TPolicyActor; portalId: TPortalId }): Promise<TPortalSettings> {
  assertCan(input.actor, 'portal.settings.view', { portalId: input.portalId });
  const row = await findPortalSettings(deps.db, input.portalId);
  if (!row) throw new AppError('portal.not_found');
  return present(row, input.actor);
}

type TChanges = Record<string, { before: unknown; after: unknown }>;

function diff<T extends object>({ prefix, before, after, into }: { prefix: string; before: T; after: T; into: TChanges }): void {
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) into[`${prefix}.${key}`] = { before: before[key], after: after[key] };
  }
}

export interface TUpdatePortalSettingsInput extends TAuditContext {
  actor: TPolicyActor & { username: string };
  portalId: TPortalId;
  patch: TPortalSettingsPatch;
}

export async function updatePortalSettings(deps: TDataDeps, input: TUpdatePortalSettingsInput): Promise<TPortalSettings> {
  const { actor, portalId, patch } = input;
  assertCan(actor, 'portal.settings.edit', { portalId });
  const now = deps.clock.now();
  const saved = await deps.db.transaction(async (tx) => {
    const current = await findPortalSettings(tx, portalId, { forUpdate: true });
    if (!current) throw new AppError('portal.not_found');
    const policy: TPortalPolicy = { ...current.policy, ...patch.policy };
    const texts: TPortalTexts = { ...current.texts, ...patch.texts };
    const problems = validatePortalPolicy(portalId, policy, current.policy);
    if (problems.length > 0) throw new AppError('settings.invalid', { message: problems.map((p) => p.message).join(' '), fields: problems });
    const changes: TChanges = {};
    diff({ prefix: 'policy', before: current.policy, after: policy, into: changes });
    diff({ prefix: 'texts', before: current.texts, after: texts, into: changes });
    if (Object.keys(changes).length === 0) return current;
    await savePortalSettings(tx, { id: portalId, policy, texts, now });
    await recordAudit(tx, {
      action: 'portal.settings_changed',
      occurredAt: now,
      portalId,
      actor: { id: actor.id, label: actor.username },
      target: { label: `portal ${portalId}` },
      ipAddress: input.ipAddress,
      requestId: input.requestId,
      details: { changes },
    });
    return { ...current, policy, texts, updatedAt: now };
  });
  return present(saved, actor);
}
