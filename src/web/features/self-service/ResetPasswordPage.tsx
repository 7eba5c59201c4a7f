import { useId, useState } from 'react';
import type { TPortalId } from '../../../shared/portals.ts';
import { ZPasswordResetRequest, type TPasswordResetRequest } from '../../../shared/self-service-schemas.ts';
import { navigate } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorsFromIssues, useForm, type TErrors, type TParsed } from '../../ui/useForm.ts';
import { requestPasswordReset } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

const FIELDS = ['username', 'email', 'agentUniqueId'] as const;
type TField = (typeof FIELDS)[number];

/** Seed 003's instruction on the retail page. */
export const RETAIL_RESET_INSTRUCTION = 'Please enter the User Name AND one of these: 1) Email Address OR 2) Agent Unique ID linked to your account.';

/** ID-7: retail takes the User Name and the E-mail Address OR the Agent Unique ID; elsewhere User Name and E-mail Address. */
export function ResetPasswordPage({ portalId }: { portalId: TPortalId }) {
  const idPrefix = useId();
  const form = useForm(FIELDS);
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const retail = portalId === 'retail';
  const instructionId = `${idPrefix}-instruction`;

  const parse = (values: Record<TField, string>): TParsed<TPasswordResetRequest, TField> => {
    const input = retail ? values : { username: values.username, email: values.email };
    const parsed = ZPasswordResetRequest.safeParse(input);
    const errors: TErrors<TField> = parsed.success ? {} : errorsFromIssues(FIELDS, parsed.error.issues);
    // Outside retail the e-mail address is the one way to prove the account is yours.
    if (!retail && !values.email.trim()) errors.email = 'Enter your E-mail Address.';
    if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, data: parsed.data };
  };

  const send = async (request: TPasswordResetRequest) => {
    const answer = await requestPasswordReset(portalId, request);
    setSentMessage(answer.message);
  };

  return (
    <SelfServiceLayout portalId={portalId} title="Reset Password?" withAssistance>
      {sentMessage !== null ? (
        <ConfirmationPanel title="Request Submitted" actionLabel="OK" onAction={() => navigate(paths.login(portalId))}>
          <p>{sentMessage}</p>
        </ConfirmationPanel>
      ) : (
        <form className="panel form" noValidate onSubmit={form.onSubmit(parse, send)} aria-label="Reset Password?" aria-describedby={instructionId}>
          <p id={instructionId}>
            {retail
              ? RETAIL_RESET_INSTRUCTION
              : 'Please enter your User Name and the E-mail Address linked to your account. We will e-mail you a temporary password.'}
          </p>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
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
            id={`${idPrefix}-email`}
            label="E-mail Address"
            requiredMark={!retail}
            required={!retail}
            type="email"
            autoComplete="email"
            {...form.field('email')}
          />
          {retail ? (
            <TextField id={`${idPrefix}-agent`} label="Agent Unique ID" inputMode="numeric" autoComplete="off" maxLength={9} {...form.field('agentUniqueId')} />
          ) : null}
          <RequiredNote />
          <SubmitButton submitting={form.submitting} />
        </form>
      )}
    </SelfServiceLayout>
  );
}
