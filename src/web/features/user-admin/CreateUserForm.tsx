import { useId, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/portals.ts';
import {
  GROUP_CREATABLE_ROLES,
  ZCreateGroupUserRequest,
  ZCreateSubUserRequest,
  type TCreateGroupUserRequest,
  type TCreateSubUserRequest,
} from '../../../shared/user-admin-schemas.ts';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { errorsFromIssues, useForm, type TParsed } from '../../ui/useForm.ts';
import { createGroupUser, createSubUser } from './user-admin-api.ts';

const FIELDS = ['username', 'firstName', 'lastName', 'email', 'role'] as const;
type TField = (typeof FIELDS)[number];

type TCreateUserFormProps =
  | { kind: 'sub-user'; csrfToken: string; title: string; onCreated: () => void }
  /** `chooseRole`: a Delegated Administrator may also create Alternate Delegated Administrators. */
  | { kind: 'group-user'; csrfToken: string; title: string; chooseRole: boolean; onCreated: () => void };

type TRequest = { kind: 'sub-user'; data: TCreateSubUserRequest } | { kind: 'group-user'; data: TCreateGroupUserRequest };

/**
 * "Create Sub-User" (LC-5) and the Security Manager's new user (LC-6): the user receives an
 * e-mail with a temporary password, which they change at their first login (ID-7).
 */
export function CreateUserForm(props: TCreateUserFormProps) {
  const idPrefix = useId();
  const form = useForm(FIELDS, { role: 'employer-user' });
  const [created, setCreated] = useState<string | null>(null);
  const chooseRole = props.kind === 'group-user' && props.chooseRole;

  const parse = (values: Record<TField, string>): TParsed<TRequest, TField> => {
    const { username, firstName, lastName, email, role } = values;
    if (props.kind === 'sub-user') {
      const parsed = ZCreateSubUserRequest.safeParse({ username, firstName, lastName, email });
      return parsed.success
        ? { ok: true, data: { kind: 'sub-user', data: parsed.data } }
        : { ok: false, errors: errorsFromIssues(FIELDS, parsed.error.issues) };
    }
    const parsed = ZCreateGroupUserRequest.safeParse({ username, firstName, lastName, email, ...(chooseRole ? { role } : {}) });
    return parsed.success
      ? { ok: true, data: { kind: 'group-user', data: parsed.data } }
      : { ok: false, errors: errorsFromIssues(FIELDS, parsed.error.issues) };
  };

  const send = async (request: TRequest) => {
    setCreated(null);
    const answer = request.kind === 'sub-user' ? await createSubUser(props.csrfToken, request.data) : await createGroupUser(props.csrfToken, request.data);
    for (const name of ['username', 'firstName', 'lastName', 'email'] as const) form.setValue(name, '');
    setCreated(`${answer.user.username}: ${answer.message}`);
    props.onCreated();
  };

  return (
    <section className="panel profile-section" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        {props.title}
      </h2>
      <p>The new user receives an e-mail with a temporary password and chooses their own password at the first login.</p>
      <form className="form" noValidate onSubmit={form.onSubmit(parse, send)} aria-labelledby={`${idPrefix}-title`}>
        <LiveStatus>{created}</LiveStatus>
        {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
        <TextField
          id={`${idPrefix}-username`}
          label="User Name"
          requiredMark
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          {...form.field('username')}
        />
        <div className="field-row">
          <TextField id={`${idPrefix}-first`} label="First Name" requiredMark required autoComplete="off" {...form.field('firstName')} />
          <TextField id={`${idPrefix}-last`} label="Last Name" requiredMark required autoComplete="off" {...form.field('lastName')} />
        </div>
        <TextField id={`${idPrefix}-email`} label="E-mail Address" requiredMark required type="email" autoComplete="off" {...form.field('email')} />
        {chooseRole ? (
          <SelectField
            id={`${idPrefix}-role`}
            label="Role"
            requiredMark
            required
            placeholder="Choose a role"
            options={GROUP_CREATABLE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
            {...form.field('role')}
          />
        ) : null}
        <RequiredNote />
        <SubmitButton submitting={form.submitting} label={props.title} />
      </form>
    </section>
  );
}
