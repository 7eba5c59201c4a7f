import { useId, useState, type FormEvent } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import { PORTAL_DEFINITIONS, PORTAL_IDS, ROLES_BY_PORTAL, ROLE_LABELS, type TPortalId, type TPortalTexts, type TRole } from '../../../shared/portals.ts';
import { ZPortalPolicy, ZPortalTexts, validatePortalPolicy, type TPortalSettings, type TPortalSettingsPatch } from '../../../shared/user-admin-schemas.ts';
import { isApiError } from '../../api.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useRemoteData } from '../../ui/useRemoteData.ts';
import { ToolPage } from '../user-admin/ToolPage.tsx';
import { fetchPortalSettings, updatePortalSettings } from '../user-admin/user-admin-api.ts';

type TPolicy = TPortalSettings['policy'];
type TNumberKey = {
  [K in keyof TPolicy]: TPolicy[K] extends number ? K : never;
}[keyof TPolicy];
type TTextKey = keyof TPortalTexts;

interface TNumberField {
  key: TNumberKey;
  label: string;
}

const LOCKOUT_FIELDS: readonly TNumberField[] = [
  { key: 'lockoutThreshold', label: 'Failed logins before lockout' },
  { key: 'lockoutMinutes', label: 'Lockout duration (minutes)' },
];
const SESSION_FIELDS: readonly TNumberField[] = [
  { key: 'sessionIdleMinutes', label: 'Idle timeout (minutes)' },
  { key: 'sessionAbsoluteMinutes', label: 'Absolute timeout (minutes)' },
];
const LIFECYCLE_FIELDS: readonly TNumberField[] = [
  { key: 'disableAfterDays', label: 'Disable after (days without login)' },
  { key: 'deleteAfterDays', label: 'Delete after (days without login)' },
  { key: 'lifecycleWarningDays', label: 'Warning e-mail (days before disabling)' },
];
const PASSWORD_FIELDS: readonly TNumberField[] = [{ key: 'temporaryPasswordHours', label: 'Temporary passwords valid for (hours)' }];
const NUMBER_FIELDS = [...LOCKOUT_FIELDS, ...SESSION_FIELDS, ...LIFECYCLE_FIELDS, ...PASSWORD_FIELDS];

const TEXT_FIELDS: readonly { key: TTextKey; label: string }[] = [
  { key: 'invalidCredentials', label: 'Wrong user name or password' },
  { key: 'locked', label: 'Account locked' },
  { key: 'disabled', label: 'User ID disabled' },
  { key: 'deleted', label: 'User ID deleted' },
  { key: 'unavailable', label: 'Service unavailable' },
];

const PROFILE_OPTIONS = [
  { value: 'retail', label: 'Retail: 6 to 9 letters and/or digits' },
  { value: 'modern', label: 'Modern (NIST SP 800-63B): 8 to 64 characters of any kind' },
];

interface TDraft {
  numbers: Record<TNumberKey, string>;
  passwordProfile: string;
  selfRegistration: boolean;
  lifecycleEnabled: boolean;
  lifecycleExemptRoles: readonly TRole[];
  texts: Record<TTextKey, string>;
}

function draftOf(settings: TPortalSettings): TDraft {
  const { policy } = settings;
  return {
    numbers: Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, String(policy[key])])) as Record<TNumberKey, string>,
    passwordProfile: policy.passwordProfile,
    selfRegistration: policy.selfRegistration,
    lifecycleEnabled: policy.lifecycleEnabled,
    // Roles of other portals (the built-in defaults list the same roles everywhere) have no
    // checkbox here; they are kept as stored, which validatePortalPolicy allows.
    lifecycleExemptRoles: policy.lifecycleExemptRoles,
    texts: { ...settings.texts },
  };
}

/** Field errors keyed as the server names them: "policy.lockoutMinutes", "texts.locked". */
type TFieldErrors = Partial<Record<string, string>>;

/** The form's own check: the whole merged policy must pass, as on the server; then only what changed is sent. */
function check(portalId: TPortalId, settings: TPortalSettings, draft: TDraft): { errors: TFieldErrors; patch: TPortalSettingsPatch | null } {
  const errors: TFieldErrors = {};
  const numbers: Partial<Record<TNumberKey, number>> = {};
  for (const { key } of NUMBER_FIELDS) {
    const text = draft.numbers[key].trim();
    if (/^-?\d+$/.test(text)) numbers[key] = Number(text);
    else errors[`policy.${key}`] = 'Enter a whole number.';
  }
  const candidate = {
    ...settings.policy,
    ...numbers,
    passwordProfile: draft.passwordProfile,
    selfRegistration: draft.selfRegistration,
    lifecycleEnabled: draft.lifecycleEnabled,
    lifecycleExemptRoles: [...draft.lifecycleExemptRoles],
  };
  const policy = ZPortalPolicy.safeParse(candidate);
  if (!policy.success) for (const issue of policy.error.issues) errors[`policy.${String(issue.path[0])}`] ??= issue.message;
  const texts = ZPortalTexts.safeParse(draft.texts);
  if (!texts.success) for (const issue of texts.error.issues) errors[`texts.${String(issue.path[0])}`] ??= issue.message;
  if (!policy.success || !texts.success || Object.keys(errors).length > 0) return { errors, patch: null };
  for (const problem of validatePortalPolicy(portalId, policy.data, settings.policy)) errors[problem.field] ??= problem.message;
  if (Object.keys(errors).length > 0) return { errors, patch: null };

  const policyChanges: Record<string, unknown> = {};
  for (const key of Object.keys(policy.data) as (keyof TPolicy)[]) {
    const before = settings.policy[key];
    const after = policy.data[key];
    const same = Array.isArray(before) && Array.isArray(after) ? [...before].sort().join() === [...after].sort().join() : before === after;
    if (!same) policyChanges[key] = after;
  }
  const textChanges: Partial<TPortalTexts> = {};
  for (const { key } of TEXT_FIELDS) if (texts.data[key] !== settings.texts[key]) textChanges[key] = texts.data[key];
  const patch: TPortalSettingsPatch = {
    ...(Object.keys(policyChanges).length > 0 ? { policy: policyChanges } : {}),
    ...(Object.keys(textChanges).length > 0 ? { texts: textChanges } : {}),
  };
  return { errors, patch: Object.keys(patch).length > 0 ? patch : null };
}

/** The form's fields in screen order, as the server names them in errors. */
function fieldNames(portalId: TPortalId): string[] {
  return [
    ...LOCKOUT_FIELDS.map(({ key }) => `policy.${key}`),
    'policy.passwordProfile',
    ...PASSWORD_FIELDS.map(({ key }) => `policy.${key}`),
    ...(portalId === 'retail' ? ['policy.selfRegistration'] : []),
    ...SESSION_FIELDS.map(({ key }) => `policy.${key}`),
    'policy.lifecycleEnabled',
    ...LIFECYCLE_FIELDS.map(({ key }) => `policy.${key}`),
    'policy.lifecycleExemptRoles',
    ...TEXT_FIELDS.map(({ key }) => `texts.${key}`),
  ];
}

/** Staff console: each portal's policies and texts; the security administrator changes them, others read them. */
export function PortalSettingsPage() {
  return <ToolPage tool="staff-settings">{(session) => <PortalSettings session={session} />}</ToolPage>;
}

function PortalSettings({ session }: { session: TSessionResponse }) {
  const [portalId, setPortalId] = useState<TPortalId>('producers');
  return (
    <>
      <PageHeading>Portal Settings</PageHeading>
      <p className="lead">Lockout, password, session and lifecycle policies and the login texts of each portal. Every change is recorded in the audit log.</p>
      <Tabs label="Portals" tabs={PORTAL_IDS.map((id) => ({ id, label: PORTAL_DEFINITIONS[id].name }))} selected={portalId} onSelect={setPortalId}>
        <PortalSettingsPanel key={portalId} portalId={portalId} csrfToken={session.csrfToken} />
      </Tabs>
    </>
  );
}

function PortalSettingsPanel({ portalId, csrfToken }: { portalId: TPortalId; csrfToken: string }) {
  const loaded = useRemoteData(portalId, () => fetchPortalSettings(portalId));
  if (loaded.error) return <ErrorAlert>{loaded.error.message}</ErrorAlert>;
  if (!loaded.data) {
    return (
      <p role="status" className="loading">
        Loading the settings…
      </p>
    );
  }
  return <SettingsForm portalId={portalId} initial={loaded.data} csrfToken={csrfToken} />;
}

function SettingsForm({ portalId, initial, csrfToken }: { portalId: TPortalId; initial: TPortalSettings; csrfToken: string }) {
  const idPrefix = useId();
  const [settings, setSettings] = useState(initial);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(initial));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const editable = settings.editable;
  const portalRoles: readonly TRole[] = ROLES_BY_PORTAL[portalId];
  /** Each field's element id is derived from its name, so an error can focus it. */
  const idOf = (name: string) => `${idPrefix}-${name}`;

  /** Errors next to their fields, the first one focused; anything without a field in the alert. */
  const show = (next: TFieldErrors, message: string | null) => {
    const known = fieldNames(portalId);
    const placed: TFieldErrors = {};
    const unplaced: string[] = [];
    for (const [field, text] of Object.entries(next)) {
      if (text === undefined) continue;
      if (known.includes(field)) placed[field] = text;
      else unplaced.push(text);
    }
    setErrors(placed);
    const hasPlaced = Object.keys(placed).length > 0;
    setFormError(hasPlaced ? (unplaced.length > 0 ? unplaced.join(' ') : null) : [message, ...unplaced].filter(Boolean).join(' ') || null);
    const first = known.find((name) => placed[name]);
    if (first) document.getElementById(idOf(first))?.focus();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting || !editable) return;
    setSaved(null);
    const { errors: found, patch } = check(portalId, settings, draft);
    if (Object.keys(found).length > 0) {
      show(found, null);
      return;
    }
    if (!patch) {
      show({}, 'Nothing has changed: change at least one setting.');
      return;
    }
    show({}, null);
    setSubmitting(true);
    updatePortalSettings(csrfToken, portalId, patch).then(
      (updated) => {
        setSettings(updated);
        setDraft(draftOf(updated));
        setSubmitting(false);
        setSaved(`The settings of ${updated.name} were saved.`);
      },
      (failure: unknown) => {
        setSubmitting(false);
        if (!isApiError(failure)) {
          show({}, 'Something went wrong. Please try again.');
          return;
        }
        show(Object.fromEntries(failure.fields.map((item) => [item.field, item.message])), failure.message);
      },
    );
  };

  const numberField = ({ key, label }: TNumberField) => {
    const name = `policy.${key}`;
    return (
      <TextField
        key={key}
        id={idOf(name)}
        name={name}
        label={label}
        inputMode="numeric"
        required
        value={draft.numbers[key]}
        error={errors[name]}
        onChange={(event) => setDraft({ ...draft, numbers: { ...draft.numbers, [key]: event.target.value } })}
      />
    );
  };

  const toggleRole = (role: TRole, on: boolean) =>
    setDraft({ ...draft, lifecycleExemptRoles: on ? [...draft.lifecycleExemptRoles, role] : draft.lifecycleExemptRoles.filter((r) => r !== role) });

  const exemptError = errors['policy.lifecycleExemptRoles'];
  return (
    <section className="settings-portal" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        {settings.name}
      </h2>
      <p>
        Last changed {formatDateTime(settings.updatedAt, 'never')}.{editable ? null : ' Only a Security Administrator can change these settings.'}
      </p>
      <form className="form" noValidate onSubmit={submit} aria-labelledby={`${idPrefix}-title`}>
        <LiveStatus>{saved}</LiveStatus>
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        <fieldset className="fieldset-group" disabled={!editable}>
          <fieldset className="fieldset">
            <legend>Lockout</legend>
            <div className="field-row">{LOCKOUT_FIELDS.map(numberField)}</div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Passwords</legend>
            <div className="field-row">
              <SelectField
                id={idOf('policy.passwordProfile')}
                name="policy.passwordProfile"
                label="Password profile"
                placeholder="Choose a profile"
                options={PROFILE_OPTIONS}
                value={draft.passwordProfile}
                error={errors['policy.passwordProfile']}
                onChange={(event) => setDraft({ ...draft, passwordProfile: event.target.value })}
              />
              {PASSWORD_FIELDS.map(numberField)}
            </div>
            {portalId === 'retail' ? (
              <CheckboxField
                id={idOf('policy.selfRegistration')}
                label="Self-registration (Register link on the login page)"
                checked={draft.selfRegistration}
                error={errors['policy.selfRegistration']}
                onChange={(event) => setDraft({ ...draft, selfRegistration: event.target.checked })}
              />
            ) : null}
          </fieldset>
          <fieldset className="fieldset">
            <legend>Sessions</legend>
            <div className="field-row">{SESSION_FIELDS.map(numberField)}</div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Inactive IDs (lifecycle)</legend>
            <CheckboxField
              id={idOf('policy.lifecycleEnabled')}
              label="Disable and delete inactive IDs"
              checked={draft.lifecycleEnabled}
              error={errors['policy.lifecycleEnabled']}
              onChange={(event) => setDraft({ ...draft, lifecycleEnabled: event.target.checked })}
            />
            <div className="field-row">{LIFECYCLE_FIELDS.map(numberField)}</div>
            <fieldset className="fieldset" aria-describedby={exemptError ? `${idPrefix}-exempt-error` : undefined}>
              <legend>Exempt roles</legend>
              <div className="checkbox-group">
                {portalRoles.map((role, index) => (
                  <CheckboxField
                    key={role}
                    id={index === 0 ? idOf('policy.lifecycleExemptRoles') : idOf(`exempt-${role}`)}
                    label={ROLE_LABELS[role]}
                    checked={draft.lifecycleExemptRoles.includes(role)}
                    onChange={(event) => toggleRole(role, event.target.checked)}
                  />
                ))}
              </div>
              {exemptError ? (
                <p id={`${idPrefix}-exempt-error`} className="field-error">
                  {exemptError}
                </p>
              ) : null}
            </fieldset>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Login texts</legend>
            {TEXT_FIELDS.map(({ key, label }) => {
              const name = `texts.${key}`;
              return (
                <TextAreaField
                  key={key}
                  id={idOf(name)}
                  name={name}
                  label={label}
                  required
                  rows={3}
                  value={draft.texts[key]}
                  error={errors[name]}
                  onChange={(event) => setDraft({ ...draft, texts: { ...draft.texts, [key]: event.target.value } })}
                />
              );
            })}
          </fieldset>
        </fieldset>
        {editable ? <SubmitButton submitting={submitting} label="Save Settings" /> : null}
      </form>
    </section>
  );
}
