import { useSearchParams } from 'react-router';
import { ZCommissionDispute } from '../../../../shared/service-request-types.ts';
import { TextAreaField } from '../../../ui/TextAreaField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { RequestFormShell, fieldId, type TRequestFormProps } from './form-kit.tsx';

/** The fields a link may fill in (the Discrepancies view's "File a Commission Dispute"): the producer still reviews and submits. */
const PREFILLED = ['statementMonth', 'accountNumber', 'amountExpected', 'amountPaid', 'explanation'] as const;

/** A commission paid differently from what was expected; the supporting document is optional. */
export function CommissionDisputeForm({ settings, onFiled }: TRequestFormProps) {
  const [params] = useSearchParams();
  const prefilled = Object.fromEntries(PREFILLED.map((name) => [name, (params.get(name) ?? '').slice(0, 2000)])) as Record<(typeof PREFILLED)[number], string>;
  const form = useZodForm(ZCommissionDispute, {
    type: 'commission-dispute',
    ...prefilled,
    attachments: [],
  });

  return (
    <RequestFormShell form={form} type="commission-dispute" settings={settings} onFiled={onFiled}>
      <div className="field-row">
        <TextField
          id={fieldId('statementMonth')}
          type="month"
          label="Statement Month:"
          hint="The month of the commission statement (YYYY-MM)."
          required
          requiredMark
          {...form.field('statementMonth')}
        />
        <TextField id={fieldId('accountNumber')} label="Account or Policy Number:" autoComplete="off" required requiredMark {...form.field('accountNumber')} />
      </div>
      <div className="field-row">
        <TextField
          id={fieldId('amountExpected')}
          label="Amount Expected:"
          inputMode="decimal"
          hint="In dollars, e.g. 1,234.56."
          autoComplete="off"
          required
          requiredMark
          {...form.field('amountExpected')}
        />
        <TextField
          id={fieldId('amountPaid')}
          label="Amount Paid:"
          inputMode="decimal"
          hint="In dollars, e.g. 1,000.00."
          autoComplete="off"
          required
          requiredMark
          {...form.field('amountPaid')}
        />
      </div>
      <TextAreaField id={fieldId('explanation')} label="Explanation:" rows={5} required requiredMark {...form.field('explanation')} />
    </RequestFormShell>
  );
}
