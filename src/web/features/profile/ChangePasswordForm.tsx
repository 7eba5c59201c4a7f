import { useMutation } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { checkPassword } from '../../../shared/password-profiles.ts';
import { ZChangePasswordRequest, type TChangePasswordRequest, type TProfileResponse } from '../../../shared/self-service-schemas.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { changePassword } from './profile-api.ts';

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'confirmNewPassword'] as const;

interface TChangePasswordFormProps {
  profile: TProfileResponse;
  /** Called once the password has changed; every session of the user has ended by then. */
  onChanged: (message: string) => void;
}

/** ID-8 "Change Password", the last section of Edit Profile (seed 003's texts). */
export function ChangePasswordForm({ profile, onChanged }: TChangePasswordFormProps) {
  const idPrefix = useId();
  const { id: profileId } = profile.passwordProfile;
  // The portal's password profile, checked here as the server will check it.
  const schema = useMemo(
    () =>
      ZChangePasswordRequest.superRefine((request, ctx) => {
        const problems = checkPassword(profileId, request.newPassword, profile.username);
        if (problems.length > 0) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: problems.join(' ') });
      }),
    [profileId, profile.username],
  );
  const form = useZodForm(schema, { currentPassword: '', newPassword: '', confirmNewPassword: '' });
  // Nothing to invalidate on success: the server has ended the session, and the page moves on to the login.
  const change = useMutation({ mutationFn: changePassword });

  const send = async (request: TChangePasswordRequest) => {
    try {
      const answer = await change.mutateAsync(request);
      onChanged(answer.message);
    } catch (failure) {
      // Never leave passwords in the form after a refusal; the refusal itself is shown after this.
      for (const name of PASSWORD_FIELDS) form.resetField(name);
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
      <form className="form" noValidate onSubmit={form.submitWith(send)} aria-labelledby={`${idPrefix}-title`}>
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
        <SubmitButton submitting={form.formState.isSubmitting} label="Update Password" />
      </form>
    </section>
  );
}
