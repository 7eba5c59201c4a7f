import { useId, useRef, useState, type FormEvent } from 'react';
import { ZLoginRequest, type TLoginRequest, type TSessionResponse } from '../../../shared/identity-schemas.ts';
import { TEXTS, type TPortalId } from '../../../shared/portals.ts';
import { CLIENT_ERROR_CODES, isApiError, type TFieldErrors } from '../../api.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { logIn } from './identity-api.ts';

type TFieldName = keyof TLoginRequest;
type TErrors = Partial<Record<TFieldName, string>>;

function isFieldName(value: unknown): value is TFieldName {
  return value === 'username' || value === 'password';
}

function toFieldErrors(fields: TFieldErrors | { path: readonly PropertyKey[]; message: string }[]): TErrors {
  const errors: TErrors = {};
  for (const item of fields) {
    const name = 'field' in item ? item.field : item.path[0];
    if (isFieldName(name) && !errors[name]) errors[name] = item.message;
  }
  return errors;
}

/** What to show when the server's own answer could not be read. */
function failureMessage(error: unknown): string {
  if (!isApiError(error)) return TEXTS.loginFailed;
  // ID-3: the portals say "connection cannot be established" when the server is unreachable.
  if (error.code === CLIENT_ERROR_CODES.network || error.code === CLIENT_ERROR_CODES.badResponse) return TEXTS.loginFailed;
  return error.message;
}

interface TLoginFormProps {
  portalId: TPortalId;
  onLoggedIn: (session: TSessionResponse) => void;
}

/** "Please Sign-In" (ID-1): validated with the server's own schema before it is sent. */
export function LoginForm({ portalId, onLoggedIn }: TLoginFormProps) {
  const idPrefix = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<TErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const focusFirstInvalid = (errors: TErrors) => {
    if (errors.username) usernameRef.current?.focus();
    else if (errors.password) passwordRef.current?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting) return;
    setFormError(null);
    const parsed = ZLoginRequest.safeParse({ username, password });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues);
      setFieldErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setFieldErrors({});
    setSubmitting(true);
    try {
      const session = await logIn(portalId, parsed.data);
      onLoggedIn(session);
    } catch (error) {
      const errors = isApiError(error) ? toFieldErrors(error.fields) : {};
      setFieldErrors(errors);
      if (Object.keys(errors).length === 0) setFormError(failureMessage(error));
      setPassword('');
      setSubmitting(false);
      if (errors.username) usernameRef.current?.focus();
      else passwordRef.current?.focus();
    }
  };

  return (
    <form className="login-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        Please Sign-In
      </h2>
      {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      <TextField
        ref={usernameRef}
        id={`${idPrefix}-username`}
        name="username"
        label="User Name"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        error={fieldErrors.username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <TextField
        ref={passwordRef}
        id={`${idPrefix}-password`}
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        value={password}
        error={fieldErrors.password}
        onChange={(event) => setPassword(event.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={submitting}>
        Login
      </button>
      {submitting ? (
        <span className="visually-hidden" role="status">
          Signing in…
        </span>
      ) : null}
    </form>
  );
}
