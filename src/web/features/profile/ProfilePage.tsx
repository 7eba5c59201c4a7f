import { useEffect, useState } from 'react';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import type { TProfileResponse } from '../../../shared/self-service-schemas.ts';
import { isApiError } from '../../api.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert, StatusMessage } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { useSessionStore } from '../identity/session-context.tsx';
import { ChallengeQuestionForm } from './ChallengeQuestionForm.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { fetchProfile } from './profile-api.ts';

export const TEMPORARY_PASSWORD_NOTICE = 'Please change your temporary password before you continue.';

/** Account menu → Edit Profile (ID-8, ID-9); the one page open while a temporary password must be changed. */
export function ProfilePage({ portalId }: { portalId: TPortalId }) {
  return (
    <SignedInPage portalId={portalId} title="Edit Profile" duringPasswordChange>
      {(session) => <ProfileContent session={session} />}
    </SignedInPage>
  );
}

function ProfileContent({ session }: { session: TSessionResponse }) {
  const { setSession } = useSessionStore();
  const [profile, setProfile] = useState<TProfileResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [passwordMessage, setPasswordMessage] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchProfile().then(
      (loaded) => {
        if (!cancelled) setProfile(loaded);
      },
      (failure: unknown) => {
        if (cancelled) return;
        // The session ended meanwhile (timeout, password changed elsewhere): log in again.
        if (isApiError(failure) && failure.status === 401) setSession(null);
        else setLoadError(isApiError(failure) ? failure.message : 'Your profile could not be loaded. Please try again.');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [setSession]);

  if (passwordMessage !== null) {
    return (
      <>
        <PageHeading>Edit Profile</PageHeading>
        {/* The server has ended every session: going back to the profile leads through the login page. */}
        <ConfirmationPanel title="Password Update" actionLabel="Back to Profile Page" onAction={() => setSession(null)}>
          <p>{passwordMessage}</p>
        </ConfirmationPanel>
      </>
    );
  }

  const mustChangePassword = session.mustChangePassword || profile?.mustChangePassword === true;
  return (
    <>
      <PageHeading>Edit Profile</PageHeading>
      {mustChangePassword ? <StatusMessage>{TEMPORARY_PASSWORD_NOTICE}</StatusMessage> : null}
      {loadError ? <ErrorAlert>{loadError}</ErrorAlert> : null}
      {profile ? (
        <>
          <section className="summary" aria-label="Your account">
            <dl className="profile-facts">
              <div>
                <dt>Name</dt>
                <dd>{profile.displayName}</dd>
              </div>
              <div>
                <dt>User Name</dt>
                <dd>{profile.username}</dd>
              </div>
              <div>
                <dt>E-mail Address</dt>
                <dd>{profile.email ?? 'None on file'}</dd>
              </div>
            </dl>
          </section>
          <ChallengeQuestionForm
            csrfToken={session.csrfToken}
            current={profile.challengeQuestion}
            available={!mustChangePassword}
            onUpdated={(question) => setProfile({ ...profile, challengeQuestion: question })}
          />
          <ChangePasswordForm profile={profile} csrfToken={session.csrfToken} onChanged={setPasswordMessage} />
        </>
      ) : loadError ? null : (
        <p role="status" className="loading">
          Loading your profile…
        </p>
      )}
    </>
  );
}
