import { useId } from 'react';
import { checkPassword } from '../../../shared/password-profiles.ts';
import { ZChangePasswordRequest, type TChangePasswordRequest, type TProfileResponse } from '../../../shared/self-service-schemas.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorsFromIssues, useForm, type TParsed } from '../../ui/useForm.ts';
import { changePassword } from './profile-api.ts';

const FIELDS = ['currentPassword', 'newPassword', 'confirmNewPassword'] as const;
type TField = (typeof FIELDS)[number];

interface TChangePasswordFormProps {
  profile: TProfileResponse;
  csrfToken: string;
  /** Called once the password has changed; every session of the user has ended by then. */
  onChanged: (message: string) => void;
}

/** ID-8 "Change Password", the last section of Edit Profile (seed 003's texts). */
export function ChangePasswordForm({ profile, csrfToken, onChanged }: TChangePasswordFormProps) {
  const idPrefix = useId();
  const form = useForm(FIELDS);

  const parse = (values: Record<TField, string>): TParsed<TChangePasswordRequest, TField> => {
    const parsed = ZChangePasswordRequest.safeParse(values);
    const errors = parsed.success ? {} : errorsFromIssues(FIELDS, parsed.error.issues);
    const problems = checkPassword(profile.passwordProfile.id, values.newPassword, profile.username);
    if (!errors.newPassword && problems.length > 0) errors.newPassword = problems.join(' ');
    if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, data: parsed.data };
  };

  const send = async (request: TChangePasswordRequest) => {
    try {
      const answer = await changePassword(csrfToken, request);
      onChanged(answer.message);
    } catch (failure) {
      // Never leave passwords in the form after a refusal.
      for (const name of FIELDS) form.setValue(name, '');
      throw failure;
    }
  };

  return (
    <section className="panel profile-section" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        Change Password
      </h2>
      <p>{'Click "Update Password" to save the new password.'}</p>
      <p>Once the password has been changed you will be required to login using your new password.</p>
      <form className="form" noValidate onSubmit={form.onSubmit(parse, send)} aria-labelledby={`${idPrefix}-title`}>
        {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
        {/* Lets password managers tie the new password to the right account. */}
        <input type="text" name="username" autoComplete="username" value={profile.username} readOnly hidden />
        <TextField
          id={`${idPrefix}-current`}
          label="Current Password"
          requiredMark
          required
          type="password"
          autoComplete="current-password"
          {...form.field('currentPassword')}
        />
        <div className="field-row">
          <TextField
            id={`${idPrefix}-new`}
            label="New Password"
            requiredMark
            required
            type="password"
            autoComplete="new-password"
            hint={profile.passwordProfile.description}
            {...form.field('newPassword')}
          />
          <TextField
            id={`${idPrefix}-confirm`}
            label="Confirm New Password"
            requiredMark
            required
            type="password"
            autoComplete="new-password"
            {...form.field('confirmNewPassword')}
          />
        </div>
        <RequiredNote />
        <SubmitButton submitting={form.submitting} label="Update Password" />
      </form>
    </section>
  );
}
