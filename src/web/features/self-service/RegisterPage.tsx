import { useId, useState } from 'react';
import { checkPassword, PASSWORD_PROFILES } from '../../../shared/password-profiles.ts';
import { PORTAL_DEFINITIONS, type TPortalId } from '../../../shared/portals.ts';
import { SELF_SERVICE_TEXTS, ZRegistrationRequest, type TRegistrationRequest } from '../../../shared/self-service-schemas.ts';
import { navigate } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorsFromIssues, useForm, type TParsed } from '../../ui/useForm.ts';
import { register } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

const FIELDS = ['agentUniqueId', 'email', 'username', 'password', 'confirmPassword'] as const;
type TField = (typeof FIELDS)[number];

/** ID-5: a contracted producer registers with the Agent Unique ID and e-mail address on file. */
export function RegisterPage({ portalId }: { portalId: TPortalId }) {
  const idPrefix = useId();
  const form = useForm(FIELDS);
  const [sent, setSent] = useState(false);
  const profile = PASSWORD_PROFILES[PORTAL_DEFINITIONS[portalId].policy.passwordProfile];

  const parse = (values: Record<TField, string>): TParsed<TRegistrationRequest, TField> => {
    const parsed = ZRegistrationRequest.safeParse(values);
    const errors = parsed.success ? {} : errorsFromIssues(FIELDS, parsed.error.issues);
    const problems = checkPassword(profile.id, values.password, values.username);
    if (!errors.password && problems.length > 0) errors.password = problems.join(' ');
    if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, data: parsed.data };
  };

  const send = async (request: TRegistrationRequest) => {
    await register(portalId, request);
    setSent(true);
  };

  return (
    <SelfServiceLayout portalId={portalId} title="Register">
      {sent ? (
        <ConfirmationPanel title="Registration Submitted" actionLabel="OK" onAction={() => navigate(paths.login(portalId))}>
          <p>{SELF_SERVICE_TEXTS.registrationSent}</p>
        </ConfirmationPanel>
      ) : (
        <form className="panel form" noValidate onSubmit={form.onSubmit(parse, send)} aria-labelledby={`${idPrefix}-title`}>
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
          <SubmitButton submitting={form.submitting} />
        </form>
      )}
    </SelfServiceLayout>
  );
}
