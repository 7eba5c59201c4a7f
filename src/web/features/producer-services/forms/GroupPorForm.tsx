import { GROUP_LINES, LINE_LABELS, ZGroupPorChange } from '../../../../shared/service-request-types.ts';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { GROUP_POR_FORM_URL } from '../tickets-api.ts';
import { RequestFormShell, fieldId, requiredAttachments, type TRequestFormProps } from './form-kit.tsx';

const schema = ZGroupPorChange.safeExtend({ attachments: requiredAttachments('group-por') });
const LINE_OPTIONS = GROUP_LINES.map((value) => ({ value, label: LINE_LABELS[value] }));

/** SR-3 as the seed shows it: the notice, the form to download, the group, and the signed form. */
export function GroupPorForm({ settings, onFiled }: TRequestFormProps) {
  const form = useZodForm(schema, { type: 'group-por', accountNumber: '', accountName: '', attachments: [] });

  return (
    <RequestFormShell
      form={form}
      type="group-por"
      settings={settings}
      onFiled={onFiled}
      notice={
        <p className="request-notice">
          {settings.porNotice} Download the <a href={GROUP_POR_FORM_URL}>Group POR Transfer Form</a>.
        </p>
      }
    >
      <SelectField
        id={fieldId('lineOfBusiness')}
        label="Line of Business:"
        placeholder="Select the line of business"
        options={LINE_OPTIONS}
        required
        requiredMark
        {...form.field('lineOfBusiness')}
      />
      <div className="field-row">
        <TextField id={fieldId('accountNumber')} label="Account Number:" autoComplete="off" required requiredMark {...form.field('accountNumber')} />
        <TextField id={fieldId('accountName')} label="Account Name:" autoComplete="off" required requiredMark {...form.field('accountName')} />
      </div>
      <p>Submit the Group POR Transfer Form.</p>
    </RequestFormShell>
  );
}
