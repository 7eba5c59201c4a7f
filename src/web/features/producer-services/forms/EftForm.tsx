import { ZEftUpdate } from '../../../../shared/service-request-types.ts';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { RequestFormShell, fieldId, requiredAttachments, type TRequestFormProps } from './form-kit.tsx';

const schema = ZEftUpdate.safeExtend({ attachments: requiredAttachments('eft') });
const ACCOUNT_TYPES = [
  { value: 'checking', label: 'Checking' },
  { value: 'savings', label: 'Savings' },
];

/** New bank details for commission payments; the account number is typed twice and never remembered by the browser. */
export function EftForm({ settings, onFiled }: TRequestFormProps) {
  const form = useZodForm(schema, {
    type: 'eft',
    bankName: '',
    routingNumber: '',
    accountNumber: '',
    confirmAccountNumber: '',
    effectiveDate: '',
    attachments: [],
  });

  return (
    <RequestFormShell form={form} type="eft" settings={settings} onFiled={onFiled}>
      <TextField id={fieldId('bankName')} label="Bank Name:" autoComplete="off" required requiredMark {...form.field('bankName')} />
      <TextField
        id={fieldId('routingNumber')}
        label="Routing Number:"
        hint="The 9 digits at the bottom left of a check."
        inputMode="numeric"
        autoComplete="off"
        maxLength={9}
        required
        requiredMark
        {...form.field('routingNumber')}
      />
      <div className="field-row">
        <TextField
          id={fieldId('accountNumber')}
          label="Account Number:"
          hint="4 to 17 digits."
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          required
          requiredMark
          {...form.field('accountNumber')}
        />
        <TextField
          id={fieldId('confirmAccountNumber')}
          label="Confirm Account Number:"
          hint="Type the account number again."
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          required
          requiredMark
          {...form.field('confirmAccountNumber')}
        />
      </div>
      <div className="field-row">
        <SelectField
          id={fieldId('accountType')}
          label="Account Type:"
          placeholder="Select checking or savings"
          options={ACCOUNT_TYPES}
          required
          requiredMark
          {...form.field('accountType')}
        />
        <TextField id={fieldId('effectiveDate')} type="date" label="Effective Date:" required requiredMark {...form.field('effectiveDate')} />
      </div>
    </RequestFormShell>
  );
}
