import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { TPortalId } from '../../../shared/portals.ts';
import { ZPasswordResetRequest, type TPasswordResetRequest } from '../../../shared/self-service-schemas.ts';
import { paths } from '../../app/routes.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { requestPasswordReset } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

/** Seed 003's instruction on the retail page. */
export const RETAIL_RESET_INSTRUCTION = 'Please enter the User Name AND one of these: 1) Email Address OR 2) Agent Unique ID linked to your account.';

type TPasswordResetSchema = z.ZodType<TPasswordResetRequest, z.input<typeof ZPasswordResetRequest>>;

/**
 * Outside retail the e-mail address is the one way to prove the account is yours. Checked ahead
 * of the shared rule, so an empty field says what to enter rather than the retail either-or text.
 */
const ZEmailRequired: TPasswordResetSchema = z.object({ email: z.string().trim().min(1, 'Enter your E-mail Address.') }).and(ZPasswordResetRequest);

/** ID-7: retail takes the User Name and the E-mail Address OR the Agent Unique ID; elsewhere User Name and E-mail Address. */
export function ResetPasswordPage({ portalId }: { portalId: TPortalId }) {
  const idPrefix = useId();
  const navigate = useNavigate();
  const retail = portalId === 'retail';
  const form = useZodForm<TPasswordResetSchema>(
    retail ? ZPasswordResetRequest : ZEmailRequired,
    retail ? { username: '', email: '', agentUniqueId: '' } : { username: '', email: '' },
  );
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const instructionId = `${idPrefix}-instruction`;

  const send = async (request: TPasswordResetRequest) => {
    const answer = await requestPasswordReset(portalId, request);
    setSentMessage(answer.message);
  };

  return (
    <SelfServiceLayout portalId={portalId} title="Reset Password?" withAssistance>
      {sentMessage !== null ? (
        <ConfirmationPanel title="Request Submitted" actionLabel="OK" onAction={() => void navigate(paths.login(portalId))}>
          <p>{sentMessage}</p>
        </ConfirmationPanel>
      ) : (
        <form className="panel form" noValidate onSubmit={form.submitWith(send)} aria-label="Reset Password?" aria-describedby={instructionId}>
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
          <SubmitButton submitting={form.formState.isSubmitting} />
        </form>
      )}
    </SelfServiceLayout>
  );
}
