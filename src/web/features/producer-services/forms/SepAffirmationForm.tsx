import { SEP_AFFIRMATION_STATEMENT, ZSepAffirmation } from '../../../../shared/service-request-types.ts';
import { CheckboxField } from '../../../ui/CheckboxField.tsx';
import { SelectField } from '../../../ui/SelectField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { RequestFormShell, fieldId, type TRequestFormProps } from './form-kit.tsx';

/**
 * Each user affirms under their own login, once a plan year: a second affirmation is refused
 * (409 sep.already_affirmed) with a message naming the ticket already on file.
 */
export function SepAffirmationForm({ settings, onFiled }: TRequestFormProps) {
  const years = settings.sepPlanYears;
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
