import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { CHALLENGE_QUESTIONS, ZChallengeQuestionRequest, type TChallengeQuestionRequest } from '../../../shared/self-service-schemas.ts';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { PROFILE_QUERY_KEY, updateChallengeQuestion } from './profile-api.ts';

interface TChallengeQuestionFormProps {
  current: string | null;
  /** Off while a temporary password must be changed first (the server refuses until then). */
  available: boolean;
}

/** ID-9: one security question; the answer is stored hashed and never shown again. */
export function ChallengeQuestionForm({ current, available }: TChallengeQuestionFormProps) {
  const idPrefix = useId();
  const queryClient = useQueryClient();
  const form = useZodForm(ZChallengeQuestionRequest, { question: CHALLENGE_QUESTIONS.find((question) => question === current), answer: '' });
  const [saved, setSaved] = useState<string | null>(null);
  // The profile is read again, so "Current question" shows what the server now holds.
  const update = useMutation({
    mutationFn: updateChallengeQuestion,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY }),
  });

  const send = async (request: TChallengeQuestionRequest) => {
    setSaved(null);
    const answer = await update.mutateAsync(request);
    form.setValue('answer', '');
    setSaved(answer.message);
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
        <form className="form" noValidate onSubmit={form.submitWith(send)} aria-labelledby={`${idPrefix}-title`}>
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
          <SubmitButton submitting={form.formState.isSubmitting} label="Update Challenge Question" />
        </form>
      ) : (
        <p>You can set your challenge question once you have changed your temporary password.</p>
      )}
    </section>
  );
}
