import { ZEoCoverage } from '../../../../shared/service-request-types.ts';
import { TextField } from '../../../ui/TextField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { RequestFormShell, fieldId, requiredAttachments, type TRequestFormProps } from './form-kit.tsx';

const schema = ZEoCoverage.safeExtend({ attachments: requiredAttachments('eo-coverage') });

/** The producer's errors-and-omissions policy, with its declarations page. */
export function EoCoverageForm({ settings, onFiled }: TRequestFormProps) {
  const form = useZodForm(schema, {
    type: 'eo-coverage',
    carrier: '',
    policyNumber: '',
    effectiveDate: '',
    expirationDate: '',
    perClaimLimit: '',
    aggregateLimit: '',
    attachments: [],
  });

  return (
    <RequestFormShell form={form} type="eo-coverage" settings={settings} onFiled={onFiled}>
      <div className="field-row">
        <TextField id={fieldId('carrier')} label="Carrier:" autoComplete="off" required requiredMark {...form.field('carrier')} />
        <TextField id={fieldId('policyNumber')} label="Policy Number:" autoComplete="off" required requiredMark {...form.field('policyNumber')} />
      </div>
      <div className="field-row">
        <TextField id={fieldId('effectiveDate')} type="date" label="Effective Date:" required requiredMark {...form.field('effectiveDate')} />
        <TextField id={fieldId('expirationDate')} type="date" label="Expiration Date:" required requiredMark {...form.field('expirationDate')} />
      </div>
      <div className="field-row">
        <TextField
          id={fieldId('perClaimLimit')}
          label="Per-Claim Limit:"
          hint="In dollars, e.g. 1,000,000."
          inputMode="decimal"
          autoComplete="off"
          required
          requiredMark
          {...form.field('perClaimLimit')}
        />
        <TextField
          id={fieldId('aggregateLimit')}
          label="Aggregate Limit:"
          hint="In dollars, at least the per-claim limit."
          inputMode="decimal"
          autoComplete="off"
          required
          requiredMark
          {...form.field('aggregateLimit')}
        />
      </div>
    </RequestFormShell>
  );
}
