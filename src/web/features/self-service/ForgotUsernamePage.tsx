import { useId, useState } from 'react';
import type { TPortalId } from '../../../shared/portals.ts';
import { ZForgotUsernameRequest, type TForgotUsernameRequest } from '../../../shared/self-service-schemas.ts';
import { navigate } from '../../app/router.tsx';
import { paths } from '../../app/routes.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorsFromIssues, useForm, type TParsed } from '../../ui/useForm.ts';
import { requestUsername } from './self-service-api.ts';
import { SelfServiceLayout } from './SelfServiceLayout.tsx';

const FIELDS = ['agentUniqueId', 'email'] as const;
type TField = (typeof FIELDS)[number];

/** Retail asks for the Agent Unique ID as well; the other portals find user names by e-mail alone. */
const ZRetailRequest = ZForgotUsernameRequest.required({ agentUniqueId: true });

/** ID-6: the answer is the same whether or not anything matched (no user enumeration). */
export function ForgotUsernamePage({ portalId }: { portalId: TPortalId }) {
  const idPrefix = useId();
  const form = useForm(FIELDS);
  const [sentMessage, setSentMessage] = useState<string | null>(null);
  const withAgentId = portalId === 'retail';

  const parse = (values: Record<TField, string>): TParsed<TForgotUsernameRequest, TField> => {
    const parsed = withAgentId ? ZRetailRequest.safeParse(values) : ZForgotUsernameRequest.safeParse({ email: values.email });
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: errorsFromIssues(FIELDS, parsed.error.issues) };
  };

  const send = async (request: TForgotUsernameRequest) => {
    const answer = await requestUsername(portalId, request);
    setSentMessage(answer.message);
  };

  return (
    <SelfServiceLayout portalId={portalId} title="Forgot User Name?" withAssistance>
      {sentMessage !== null ? (
        <ConfirmationPanel title="Request Submitted" actionLabel="OK" onAction={() => navigate(paths.login(portalId))}>
          <p>{sentMessage}</p>
        </ConfirmationPanel>
      ) : (
        <form className="panel form" noValidate onSubmit={form.onSubmit(parse, send)} aria-label="Forgot User Name?">
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
          <SubmitButton submitting={form.submitting} />
        </form>
      )}
    </SelfServiceLayout>
  );
}
