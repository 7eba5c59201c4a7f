import { useId, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { checkPassword, PASSWORD_PROFILES } from '../../../shared/password-profiles.ts';
import { PORTAL_DEFINITIONS, type TPortalId } from '../../../shared/portals.ts';
import { SELF_SERVICE_TEXTS, ZRegistrationRequest, type TRegistrationRequest } from '../../../shared/self-service-schemas.ts';
import { paths } from '../../app/routes.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { register } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

/** ID-5: a contracted producer registers with the Agent Unique ID and e-mail address on file. */
export function RegisterPage({ portalId }: { portalId: TPortalId }) {
  const idPrefix = useId();
  const navigate = useNavigate();
  const profile = PASSWORD_PROFILES[PORTAL_DEFINITIONS[portalId].policy.passwordProfile];
  // The portal's password profile, checked here as the server will check it (ID-4).
  const schema = useMemo(
    () =>
      ZRegistrationRequest.superRefine((request, ctx) => {
        const problems = checkPassword(profile.id, request.password, request.username);
        if (problems.length > 0) ctx.addIssue({ code: 'custom', path: ['password'], message: problems.join(' ') });
      }),
    [profile.id],
  );
  const form = useZodForm(schema, { agentUniqueId: '', email: '', username: '', password: '', confirmPassword: '' });
  const [sent, setSent] = useState(false);

  const send = async (request: TRegistrationRequest) => {
    await register(portalId, request);
    setSent(true);
  };

  return (
    <SelfServiceLayout portalId={portalId} title="Register">
      {sent ? (
        <ConfirmationPanel title="Registration Submitted" actionLabel="OK" onAction={() => void navigate(paths.login(portalId))}>
          <p>{SELF_SERVICE_TEXTS.registrationSent}</p>
        </ConfirmationPanel>
      ) : (
        <form className="panel form" noValidate onSubmit={form.submitWith(send)} aria-labelledby={`${idPrefix}-title`}>
          <h2 id={`${idPrefix}-title`} className="panel-title">
            Register for an account
          </h2>
          <p>
            Use the nine-digit Agent Unique ID from your &ldquo;Welcome&rdquo; e-mail and the e-mail address we have on file for you. We will send you an e-mail
            to confirm your registration.
          </p>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
          <TextField
            id={`${idPrefix}-agent`}
            label="Agent Unique ID"
            requiredMark
            required
            inputMode="numeric"
            autoComplete="off"
            maxLength={9}
            {...form.field('agentUniqueId')}
          />
          <TextField id={`${idPrefix}-email`} label="E-mail Address" requiredMark required type="email" autoComplete="email" {...form.field('email')} />
          <TextField
            id={`${idPrefix}-username`}
            label="User Name"
            requiredMark
            required
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            {...form.field('username')}
          />
          <TextField
            id={`${idPrefix}-password`}
            label="Password"
            requiredMark
            required
            type="password"
            autoComplete="new-password"
            hint={profile.description}
            {...form.field('password')}
          />
          <TextField
            id={`${idPrefix}-confirm`}
            label="Confirm Password"
            requiredMark
            required
            type="password"
            autoComplete="new-password"
            {...form.field('confirmPassword')}
          />
          <RequiredNote />
          <SubmitButton submitting={form.formState.isSubmitting} />
        </form>
      )}
    </SelfServiceLayout>
  );
}
