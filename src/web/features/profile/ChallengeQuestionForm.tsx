import { useId, useState } from 'react';
import { CHALLENGE_QUESTIONS, ZChallengeQuestionRequest, type TChallengeQuestionRequest } from '../../../shared/self-service-schemas.ts';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorsFromIssues, useForm, type TParsed } from '../../ui/useForm.ts';
import { updateChallengeQuestion } from './profile-api.ts';

const FIELDS = ['question', 'answer'] as const;
type TField = (typeof FIELDS)[number];

interface TChallengeQuestionFormProps {
  csrfToken: string;
  current: string | null;
  /** Off while a temporary password must be changed first (the server refuses until then). */
  available: boolean;
  onUpdated: (question: string) => void;
}

/** ID-9: one security question; the answer is stored hashed and never shown again. */
export function ChallengeQuestionForm({ csrfToken, current, available, onUpdated }: TChallengeQuestionFormProps) {
  const idPrefix = useId();
  const form = useForm(FIELDS, { question: current ?? '' });
  const [saved, setSaved] = useState<string | null>(null);

  const parse = (values: Record<TField, string>): TParsed<TChallengeQuestionRequest, TField> => {
    const parsed = ZChallengeQuestionRequest.safeParse(values);
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: errorsFromIssues(FIELDS, parsed.error.issues) };
  };

  const send = async (request: TChallengeQuestionRequest) => {
    setSaved(null);
    const answer = await updateChallengeQuestion(csrfToken, request);
    form.setValue('answer', '');
    setSaved(answer.message);
    onUpdated(request.question);
  };

  return (
    <section className="panel profile-section" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        Challenge Question
      </h2>
      <p>The help desk may ask you this question to confirm who you are when you call.</p>
      <p>
        <span className="summary-label">Current question:</span> {current ?? 'You have not chosen a challenge question yet.'}
      </p>
      {available ? (
        <form className="form" noValidate onSubmit={form.onSubmit(parse, send)} aria-labelledby={`${idPrefix}-title`}>
          {/* Always present, so the confirmation is announced when it appears. */}
          <LiveStatus>{saved}</LiveStatus>
          {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
          <SelectField
            id={`${idPrefix}-question`}
            label="Question"
            requiredMark
            required
            options={CHALLENGE_QUESTIONS}
            placeholder="Choose a question"
            {...form.field('question')}
          />
          <TextField id={`${idPrefix}-answer`} label="Answer" requiredMark required autoComplete="off" {...form.field('answer')} />
          <RequiredNote />
          <SubmitButton submitting={form.submitting} label="Update Challenge Question" />
        </form>
      ) : (
        <p>You can set your challenge question once you have changed your temporary password.</p>
      )}
    </section>
  );
}
