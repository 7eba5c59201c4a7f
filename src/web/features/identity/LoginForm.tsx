import { useId } from 'react';
import { ZLoginRequest, type TSessionResponse } from '../../../shared/identity-schemas.ts';
import { TEXTS, type TPortalId } from '../../../shared/portals.ts';
import { CLIENT_ERROR_CODES, isApiError } from '../../api.ts';
import { ErrorAlert } from '../../ui/Messages.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { showServerFailure, useZodForm } from '../../ui/useZodForm.ts';
import { logIn } from './identity-api.ts';

/** What to show when the server's own answer could not be read. */
function failureMessage(error: unknown, fallback: string | null): string | null {
  // ID-3: the portals say "connection cannot be established" when the server is unreachable.
  if (!isApiError(error) || error.code === CLIENT_ERROR_CODES.network || error.code === CLIENT_ERROR_CODES.badResponse) return TEXTS.loginFailed;
  return fallback;
}

interface TLoginFormProps {
  portalId: TPortalId;
  onLoggedIn: (session: TSessionResponse) => void;
}

/** "Please Sign-In" (ID-1): validated with the server's own schema before it is sent. */
export function LoginForm({ portalId, onLoggedIn }: TLoginFormProps) {
  const idPrefix = useId();
  const form = useZodForm(ZLoginRequest, { username: '', password: '' });

  const send = async (credentials: { username: string; password: string }) => {
    try {
      onLoggedIn(await logIn(portalId, credentials));
    } catch (error) {
      // The password never stays in the form after a refusal; the user types it again.
      form.resetField('password');
      form.setFormError(failureMessage(error, showServerFailure(form, error)));
      if (!form.getFieldState('username').error) form.setFocus('password');
    }
  };

  return (
    <form className="login-form" noValidate onSubmit={form.submitWith(send)} aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="panel-title">
        Please Sign-In
      </h2>
      {form.formError ? <ErrorAlert>{form.formError}</ErrorAlert> : null}
      <TextField
        id={`${idPrefix}-username`}
        label="User Name"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        {...form.field('username')}
      />
      <TextField id={`${idPrefix}-password`} type="password" label="Password" autoComplete="current-password" required {...form.field('password')} />
      <button type="submit" className="button button-primary" disabled={form.formState.isSubmitting}>
        Login
      </button>
      {form.formState.isSubmitting ? (
        <span className="visually-hidden" role="status">
          Signing in…
        </span>
      ) : null}
    </form>
  );
}
