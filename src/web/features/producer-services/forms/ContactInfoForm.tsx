import { US_STATE_CODES } from '../../../../shared/request-fields.ts';
import { ZContactInfoUpdate } from '../../../../shared/service-request-types.ts';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useZodForm } from '../../../ui/useZodForm.ts';
import { RequestFormShell, fieldId, type TRequestFormProps } from './form-kit.tsx';

/**
 * The producer's mailing address, phone and e-mail. Only the e-mail can be prefilled: the session
 * carries it, while the roster's address and phone are not exposed to the browser by any route.
 */
export function ContactInfoForm({ settings, session, onFiled }: TRequestFormProps) {
  const form = useZodForm(ZContactInfoUpdate, {
    type: 'contact-info',
    street: '',
    street2: '',
    city: '',
    zip: '',
    phone: '',
    email: session.user.email ?? '',
    attachments: [],
  });

  return (
    <RequestFormShell form={form} type="contact-info" settings={settings} onFiled={onFiled}>
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
