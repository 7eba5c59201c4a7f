import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { ROLE_LABELS } from '../../../shared/portals.ts';
import {
  GROUP_CREATABLE_ROLES,
  ZCreateGroupUserRequest,
  ZCreateSubUserRequest,
  type TCreateGroupUserRequest,
  type TCreateSubUserRequest,
  type TUserActionResponse,
} from '../../../shared/user-admin-schemas.ts';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { RequiredNote } from '../../ui/RequiredNote.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useZodForm } from '../../ui/useZodForm.ts';
import { createGroupUser, createSubUser, userAdminKeys, type TUserAdminScope } from './user-admin-api.ts';

type TCreateUserFormProps =
  | { kind: 'sub-user'; title: string }
  /** `chooseRole`: a Delegated Administrator may also create Alternate Delegated Administrators. */
  | { kind: 'group-user'; title: string; chooseRole: boolean };

const EMPTY = { username: '', firstName: '', lastName: '', email: '' };

/**
 * "Create Sub-User" (LC-5) and the Security Manager's new user (LC-6): the user receives an
 * e-mail with a temporary password, which they change at their first login (ID-7).
 */
export function CreateUserForm(props: TCreateUserFormProps) {
  return props.kind === 'sub-user' ? <CreateSubUserForm title={props.title} /> : <CreateGroupUserForm title={props.title} chooseRole={props.chooseRole} />;
}

/** The creation, then the lists of that tool load again (the new user is in them). */
function useCreateUser<TRequest>(scope: TUserAdminScope, create: (request: TRequest) => Promise<TUserActionResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: create,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userAdminKeys.lists(scope) }),
  });
}

function CreateSubUserForm({ title }: { title: string }) {
  const form = useZodForm(ZCreateSubUserRequest, EMPTY);
  const creation = useCreateUser('password-manager', createSubUser);
  const [created, setCreated] = useState<string | null>(null);

  const send = async (request: TCreateSubUserRequest) => {
    setCreated(null);
    const answer = await creation.mutateAsync(request);
    form.reset(EMPTY);
    setCreated(`${answer.user.username}: ${answer.message}`);
  };

  return <CreateUserPanel title={title} form={form} onSubmit={form.submitWith(send)} created={created} />;
}

function CreateGroupUserForm({ title, chooseRole }: { title: string; chooseRole: boolean }) {
  const idPrefix = useId();
  const form = useZodForm(ZCreateGroupUserRequest, { ...EMPTY, role: 'employer-user' });
  const creation = useCreateUser('security-manager', createGroupUser);
  const [created, setCreated] = useState<string | null>(null);

  const send = async (request: TCreateGroupUserRequest) => {
    setCreated(null);
    const answer = await creation.mutateAsync(request);
    // The role stays as chosen: the next user is often of the same kind.
    form.reset({ ...EMPTY, role: request.role });
    setCreated(`${answer.user.username}: ${answer.message}`);
  };

  return (
    <CreateUserPanel title={title} form={form} onSubmit={form.submitWith(send)} created={created}>
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
    </CreateUserPanel>
  );
}

type TNewUserField = keyof typeof EMPTY;

interface TCreateUserPanelProps {
  title: string;
  /** Either form: both have the four fields of a new user (the group's adds the role, as `children`). */
  form: {
    field: (name: TNewUserField) => UseFormRegisterReturn & { error: string | undefined };
    formError: string | null;
    formState: { isSubmitting: boolean };
  };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  created: string | null;
  children?: ReactNode;
}

function CreateUserPanel({ title, form, onSubmit, created, children }: TCreateUserPanelProps) {
  const idPrefix = useId();
  return (
    <section className="panel profile-section" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        {title}
      </h2>
      <p>The new user receives an e-mail with a temporary password and chooses their own password at the first login.</p>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${idPrefix}-title`}>
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
        {children}
        <RequiredNote />
        <SubmitButton submitting={form.formState.isSubmitting} label={title} />
      </form>
    </section>
  );
}
