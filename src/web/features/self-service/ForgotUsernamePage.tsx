import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import type { TPortalId } from '../../../shared/portals.ts';
import { ZForgotUsernameRequest, type TForgotUsernameRequest } from '../../../shared/self-service-schemas.ts';
import { paths } from '../../app/routes.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { requestUsername } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

type TForgotUsernameSchema = z.ZodType<TForgotUsernameRequest, z.input<typeof ZForgotUsernameRequest>>;

/** Retail asks for the Agent Unique ID as well; the other portals find user names by e-mail alone. */
const ZRetailRequest: TForgotUsernameSchema = ZForgotUsernameRequest.required({ agentUniqueId: true });

/** ID-6: the answer is the same whether or not anything matched (no user enumeration). */
export function ForgotUsernamePage({ portalId }: { portalId: TPortalId }) {
  const idPrefix = useId();
  const navigate = useNavigate();
  const withAgentId = portalId === 'retail';
  // Outside retail the form has no Agent Unique ID at all, so none is sent.
  const form = useZodForm<TForgotUsernameSchema>(
    withAgentId ? ZRetailRequest : ZForgotUsernameRequest,
    withAgentId ? { agentUniqueId: '', email: '' } : { email: '' },
  );
  const [sentMessage, setSentMessage] = useState<string | null>(null);

  const send = async (request: TForgotUsernameRequest) => {
    const answer = await requestUsername(portalId, request);
    setSentMessage(answer.message);
  };

  return (
    <SelfServiceLayout portalId={portalId} title="Forgot User Name?" withAssistance>
      {sentMessage !== null ? (
        <ConfirmationPanel title="Request Submitted" actionLabel="OK" onAction={() => void navigate(paths.login(portalId))}>
          <p>{sentMessage}</p>
        </ConfirmationPanel>
      ) : (
        <form className="panel form" noValidate onSubmit={form.submitWith(send)} aria-label="Forgot User Name?">
          <p>
            {withAgentId
              ? 'Enter your Agent Unique ID (your nine-digit producer number) and the e-mail address on your account. We will e-mail your User Name to the address on file.'
              : 'Enter the e-mail address on your account. We will e-mail your User Name to the address on file.'}
          </p>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
          {withAgentId ? (
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
          ) : null}
          <TextField id={`${idPrefix}-email`} label="E-mail Address" requiredMark required type="email" autoComplete="email" {...form.field('email')} />
          <RequiredNote />
          <SubmitButton submitting={form.formState.isSubmitting} />
        </form>
      )}
    </SelfServiceLayout>
  );
}
