import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TSepTraining } from '../../../../shared/resource-schemas.ts';
import { SEP_AFFIRMATION_STATEMENT, ZSepAffirmation } from '../../../../shared/service-request-types.ts';
import { paths } from '../../../app/routes.ts';
import { CheckboxField } from '../../../ui/CheckboxField.tsx';
import { ErrorAlert } from '../../../ui/Messages.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { fetchSepTraining, resourceKeys } from '../../resources/resources-api.ts';
import { RequestFormShell, fieldId, type TRequestFormProps } from './form-kit.tsx';

/**
 * BK-6: one affirms the SEP training one has taken. A plan year whose SEP course the user has not
 * completed is not offered; the page links to its course instead (the server refuses it too).
 */
export function SepAffirmationForm(props: TRequestFormProps) {
  const training = useQuery({ queryKey: resourceKeys.sepTraining, queryFn: fetchSepTraining });
  if (training.error) return <ErrorAlert>{training.error.message}</ErrorAlert>;
  if (!training.data) {
    return (
      <p role="status" className="loading">
        Checking your SEP training…
      </p>
    );
  }
  const completed = training.data.filter((year) => year.completedAt !== null).map((year) => year.planYear);
  const pending = training.data.filter((year) => year.completedAt === null);
  return (
    <>
      {pending.map((year) => (
        <TrainingFirst key={year.planYear} year={year} />
      ))}
      {completed.length > 0 ? <Affirmation {...props} years={completed} /> : null}
    </>
  );
}

function TrainingFirst({ year }: { year: TSepTraining[number] }) {
  return (
    <p className="message message-info">
      To affirm the SEP training for plan year {year.planYear}, first complete its course
      {year.course ? (
        <>
          : <Link to={paths.course('producers', year.course.id)}>{year.course.title}</Link>.
        </>
      ) : (
        <>
          . The carrier has not published it yet; it will be listed under <Link to={paths.training('producers')}>Training materials</Link>.
        </>
      )}
    </p>
  );
}

/**
 * Each user affirms under their own login, once a plan year: a second affirmation is refused
 * (409 sep.already_affirmed) with a message naming the ticket already on file.
 */
function Affirmation({ settings, onFiled, years }: TRequestFormProps & { years: readonly number[] }) {
  const form = useZodForm(ZSepAffirmation, {
    type: 'sep-affirmation',
    // One plan year to choose from: chosen already.
    planYear: years.length === 1 ? String(years[0]) : '',
    attachments: [],
  });

  return (
    <RequestFormShell form={form} type="sep-affirmation" settings={settings} onFiled={onFiled}>
      <SelectField
        id={fieldId('planYear')}
        label="Plan Year:"
        placeholder="Select the plan year"
        options={years.map(String)}
        required
        requiredMark
        {...form.field('planYear')}
      />
      <p className="request-statement">{SEP_AFFIRMATION_STATEMENT}</p>
      <CheckboxField id={fieldId('affirmed')} label="I affirm the statement above." required {...form.field('affirmed')} />
    </RequestFormShell>
  );
}
