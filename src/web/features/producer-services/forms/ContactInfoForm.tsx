import { US_STATE_CODES } from '../../../../shared/request-fields.ts';
import type { TContactOnFile } from '../../../../shared/service-request-schemas.ts';
import { ZContactInfoUpdate } from '../../../../shared/service-request-types.ts';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { formatDate } from '../../../ui/format.ts';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { useContactOnFile } from '../request-api.ts';
import { RequestFormShell, fieldId, type TRequestFormProps } from './form-kit.tsx';

/**
 * The producer's mailing address, phone and e-mail, filled in with what the carrier has on file
 * (the last resolved contact-info request, else the roster's e-mail). The form waits for that
 * answer so the fields do not change under the user's cursor; without it, it starts from the
 * session's e-mail.
 */
export function ContactInfoForm(props: TRequestFormProps) {
  const onFile = useContactOnFile();
  if (onFile.isPending) return <p role="status">Loading your contact information…</p>;
  return <ContactInfoFields {...props} onFile={onFile.data} />;
}

function ContactInfoFields({ settings, session, onFiled, onFile }: TRequestFormProps & { onFile: TContactOnFile | undefined }) {
  const form = useZodForm(ZContactInfoUpdate, {
    type: 'contact-info',
    street: onFile?.street ?? '',
    street2: onFile?.street2 ?? '',
    city: onFile?.city ?? '',
    ...(isStateCode(onFile?.state) ? { state: onFile.state } : {}),
    zip: onFile?.zip ?? '',
    phone: onFile?.phone ?? '',
    email: onFile?.email || (session.user.email ?? ''),
    attachments: [],
  });
  const source = onFile?.fromTicket;
  const notice = source ? (
    <p className="request-notice">
      Filled in from your request {source.number}, completed {formatDate(source.resolvedAt)}. Change what is different and submit.
    </p>
  ) : null;

  return (
    <RequestFormShell form={form} type="contact-info" settings={settings} onFiled={onFiled} notice={notice}>
      <TextField id={fieldId('street')} label="Street Address:" autoComplete="address-line1" required requiredMark {...form.field('street')} />
      <TextField id={fieldId('street2')} label="Address Line 2:" autoComplete="address-line2" {...form.field('street2')} />
      <div className="field-row">
        <TextField id={fieldId('city')} label="City:" autoComplete="address-level2" required requiredMark {...form.field('city')} />
        <SelectField
          id={fieldId('state')}
          label="State:"
          placeholder="Select the state"
          options={US_STATE_CODES}
          autoComplete="address-level1"
          required
          requiredMark
          {...form.field('state')}
        />
        <TextField id={fieldId('zip')} label="ZIP Code:" inputMode="numeric" autoComplete="postal-code" required requiredMark {...form.field('zip')} />
      </div>
      <div className="field-row">
        <TextField
          id={fieldId('phone')}
          type="tel"
          label="Phone:"
          hint="10 digits, e.g. (312) 555-0100."
          autoComplete="tel-national"
          required
          requiredMark
          {...form.field('phone')}
        />
        <TextField id={fieldId('email')} type="email" label="E-mail Address:" autoComplete="email" required requiredMark {...form.field('email')} />
      </div>
    </RequestFormShell>
  );
}

function isStateCode(value: string | undefined): value is (typeof US_STATE_CODES)[number] {
  return (US_STATE_CODES as readonly string[]).includes(value ?? '');
}
