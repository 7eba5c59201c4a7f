import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { Path } from 'react-hook-form';
import type { z } from 'zod';
import { ROLES_BY_PORTAL, ROLE_LABELS, type TPortalId, type TRole } from '../../../shared/portals.ts';
import type { TPortalSettings, TPortalSettingsPatch } from '../../../shared/user-admin-schemas.ts';
import { isApiError } from '../../api.ts';
import { CheckboxField } from '../../ui/CheckboxField.tsx';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextAreaField } from '../../ui/TextAreaField.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useZodForm, type TZodForm } from '../../ui/useZodForm.ts';
import {
  LIFECYCLE_FIELDS,
  LOCKOUT_FIELDS,
  PASSWORD_FIELDS,
  PROFILE_OPTIONS,
  SERVICE_TEXT_FIELDS,
  SESSION_FIELDS,
  TEXT_FIELDS,
  UPLOAD_FIELDS,
  UPLOAD_SIZE_FIELD,
  changesOf,
  fieldNames,
  formValuesOf,
  settingsFormSchema,
  type TNumberField,
  type TSettingsFormSchema,
} from './portal-settings-form.ts';
import { staffConsoleKeys, updatePortalSettings } from './staff-api.ts';

const UNKNOWN_FAILURE = 'Something went wrong. Please try again.';

type TSettingsForm = TZodForm<TSettingsFormSchema>;
type TFieldName = Path<z.input<TSettingsFormSchema>>;

/**
 * Shows a refusal of the server: messages about this form's fields at the fields (the first in
 * screen order focused), the rest in the form's alert. The server names fields by their path
 * ("policy.lockoutMinutes"), which useZodForm's showServerFailure (top-level names only) would not place.
 */
function showRefusal(form: TSettingsForm, names: readonly string[], failure: unknown): string | null {
  if (!isApiError(failure)) return UNKNOWN_FAILURE;
  const placed = names.flatMap((name) => failure.fields.filter((item) => item.field === name));
  const unplaced = failure.fields.filter((item) => !names.includes(item.field)).map((item) => item.message);
  placed.forEach((item, index) => form.setError(item.field as TFieldName, { type: 'server', message: item.message }, { shouldFocus: index === 0 }));
  if (placed.length > 0) return unplaced.length > 0 ? unplaced.join(' ') : null;
  return [failure.message, ...unplaced].join(' ');
}

interface TPortalSettingsFormProps {
  portalId: TPortalId;
  /** What the server holds now; the form starts from it and sends only what differs from it. */
  settings: TPortalSettings;
}

/** One portal's policies and texts; read-only unless the signed-in staff member may change them. */
export function PortalSettingsForm({ portalId, settings }: TPortalSettingsFormProps) {
  const idPrefix = useId();
  const queryClient = useQueryClient();
  const schema = useMemo(() => settingsFormSchema(portalId, settings), [portalId, settings]);
  const form = useZodForm(schema, formValuesOf(settings));
  const [saved, setSaved] = useState<string | null>(null);
  const names = useMemo(() => fieldNames(portalId), [portalId]);
  const editable = settings.editable;
  const portalRoles: readonly TRole[] = ROLES_BY_PORTAL[portalId];
  /** Each field's element id is derived from its name, so an error can be tied to it. */
  const idOf = (name: string) => `${idPrefix}-${name}`;

  const save = useMutation({
    mutationFn: (patch: TPortalSettingsPatch) => updatePortalSettings(portalId, patch),
    onSuccess: (updated) => {
      queryClient.setQueryData(staffConsoleKeys.portalSettings(portalId), updated);
      // The change is an audit event, and the lifecycle policy decides the report's dates.
      void queryClient.invalidateQueries({ queryKey: staffConsoleKeys.audit() });
      void queryClient.invalidateQueries({ queryKey: staffConsoleKeys.lifecycleReport() });
    },
  });

  const send = async (values: z.output<TSettingsFormSchema>) => {
    const patch = changesOf(settings, values);
    if (!patch) {
      form.setFormError('Nothing has changed: change at least one setting.');
      return;
    }
    try {
      const updated = await save.mutateAsync(patch);
      form.reset(formValuesOf(updated));
      setSaved(`The settings of ${updated.name} were saved.`);
    } catch (failure) {
      form.setFormError(showRefusal(form, names, failure));
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSaved(null);
    if (!editable) {
      event.preventDefault();
      return;
    }
    form.submitWith(send)(event);
  };

  const numberField = ({ key, label }: TNumberField) => {
    const name = `policy.${key}` as const;
    return <TextField key={key} id={idOf(name)} label={label} inputMode="numeric" required {...form.field(name)} />;
  };

  const exemptError = form.field('policy.lifecycleExemptRoles').error;
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
        {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
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
                label="Password profile"
                placeholder="Choose a profile"
                options={PROFILE_OPTIONS}
                {...form.field('policy.passwordProfile')}
              />
              {PASSWORD_FIELDS.map(numberField)}
            </div>
            {portalId === 'retail' ? (
              <CheckboxField
                id={idOf('policy.selfRegistration')}
                label="Self-registration (Register link on the login page)"
                {...form.field('policy.selfRegistration')}
              />
            ) : null}
          </fieldset>
          <fieldset className="fieldset">
            <legend>Sessions</legend>
            <div className="field-row">{SESSION_FIELDS.map(numberField)}</div>
          </fieldset>
          <fieldset className="fieldset">
            <legend>Inactive IDs (lifecycle)</legend>
            <CheckboxField id={idOf('policy.lifecycleEnabled')} label="Disable and delete inactive IDs" {...form.field('policy.lifecycleEnabled')} />
            <div className="field-row">{LIFECYCLE_FIELDS.map(numberField)}</div>
            <fieldset className="fieldset" aria-describedby={exemptError ? `${idPrefix}-exempt-error` : undefined}>
              <legend>Exempt roles</legend>
              <div className="checkbox-group">
                {portalRoles.map((role, index) => (
                  <CheckboxField
                    key={role}
                    id={index === 0 ? idOf('policy.lifecycleExemptRoles') : idOf(`exempt-${role}`)}
                    label={ROLE_LABELS[role]}
                    value={role}
                    // One name for all: react-hook-form reads the checked boxes as the list of roles.
                    {...form.register('policy.lifecycleExemptRoles')}
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
            {TEXT_FIELDS.map(({ key, label }) => (
              <TextAreaField key={key} id={idOf(`texts.${key}`)} label={label} required rows={3} {...form.field(`texts.${key}`)} />
            ))}
          </fieldset>
          <fieldset className="fieldset">
            <legend>Producer Services requests</legend>
            <div className="field-row">
              <TextField
                id={idOf(`policy.${UPLOAD_SIZE_FIELD.key}`)}
                label={UPLOAD_SIZE_FIELD.label}
                hint="From 100 KB (about 0.1 MB) to 50 MB."
                inputMode="decimal"
                required
                {...form.field(`policy.${UPLOAD_SIZE_FIELD.key}`)}
              />
              {UPLOAD_FIELDS.map(numberField)}
            </div>
            {SERVICE_TEXT_FIELDS.map(({ key, label }) => (
              <TextAreaField key={key} id={idOf(`texts.${key}`)} label={label} required rows={3} {...form.field(`texts.${key}`)} />
            ))}
          </fieldset>
        </fieldset>
        {editable ? <SubmitButton submitting={form.formState.isSubmitting} label="Save Settings" /> : null}
      </form>
    </section>
  );
}
