import { useId } from 'react';
import { ZBookTransfer } from '../../../../shared/service-request-types.ts';
import { TextAreaField } from '../../../ui/TextAreaField.tsx';
import { FieldError, TextField } from '../../../ui/TextField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { RequestFormShell, fieldId, requiredAttachments, type TRequestFormProps } from './form-kit.tsx';

const schema = ZBookTransfer.safeExtend({ attachments: requiredAttachments('book-transfer') });

/** A book of business moving to another producer on the roster, all of it or the accounts listed. */
export function BookTransferForm({ settings, onFiled }: TRequestFormProps) {
  const legendId = useId();
  const form = useZodForm(schema, { type: 'book-transfer', receivingAgentId: '', effectiveDate: '', scope: 'all', accountNumbers: '', attachments: [] });
  const scope = form.watch('scope');
  const scopeError = form.field('scope').error;

  return (
    <RequestFormShell form={form} type="book-transfer" settings={settings} onFiled={onFiled}>
      <div className="field-row">
        <TextField
          id={fieldId('receivingAgentId')}
          label="Receiving Producer's Agent Unique ID:"
          hint="9 digits."
          inputMode="numeric"
          autoComplete="off"
          maxLength={9}
          required
          requiredMark
          {...form.field('receivingAgentId')}
        />
        <TextField
          id={fieldId('effectiveDate')}
          type="date"
          label="Effective Date:"
          hint="The first of a month, not in the past."
          required
          requiredMark
          {...form.field('effectiveDate')}
        />
      </div>
      <fieldset className="fieldset" aria-describedby={scopeError ? `${legendId}-error` : undefined}>
        <legend>
          Accounts to Transfer:
          <span className="required-mark" aria-hidden="true">
            {' *'}
          </span>
        </legend>
        <div className="checkbox-group">
          <label className="checkbox">
            <input type="radio" value="all" {...form.register('scope')} />
            All accounts
          </label>
          <label className="checkbox">
            <input type="radio" value="accounts" {...form.register('scope')} />
            These accounts
          </label>
        </div>
        <FieldError id={`${legendId}-error`} error={scopeError} />
        {scope === 'accounts' ? (
          <TextAreaField
            id={fieldId('accountNumbers')}
            label="Account Numbers:"
            rows={4}
            required
            requiredMark
            placeholder="Separated by commas, spaces or lines"
            {...form.field('accountNumbers')}
          />
        ) : null}
      </fieldset>
    </RequestFormShell>
  );
}
