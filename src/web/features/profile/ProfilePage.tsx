import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import type { TSessionResponse } from '../../../shared/identity-schemas.ts';
import type { TPortalId } from '../../../shared/portals.ts';
import { isApiError } from '../../api.ts';
import { ConfirmationPanel } from '../../ui/ConfirmationPanel.tsx';
import { ErrorAlert, StatusMessage } from '../../ui/Messages.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { SignedInPage } from '../identity/SignedInPage.tsx';
import { forgetAccount } from '../identity/session-query.ts';
import { ChallengeQuestionForm } from './ChallengeQuestionForm.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { PROFILE_QUERY_KEY, fetchProfile } from './profile-api.ts';

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
  const queryClient = useQueryClient();
  const [passwordMessage, setPasswordMessage] = useState<string | null>(null);

  const backToProfile = () => {
    // The server has ended every session: nothing of the account stays in the tab, and
    // forgetting the session sends the user through the login page back to this one.
    forgetAccount(queryClient);
  };

  return (
    <>
      <PageHeading>Edit Profile</PageHeading>
      {passwordMessage !== null ? (
        <ConfirmationPanel title="Password Update" actionLabel="Back to Profile Page" onAction={backToProfile}>
          <p>{passwordMessage}</p>
        </ConfirmationPanel>
      ) : (
        // Unmounted once the password has changed, so the profile is not read again (the session is gone).
        <ProfileDetails session={session} onPasswordChanged={setPasswordMessage} />
      )}
    </>
  );
}

interface TProfileDetailsProps {
  session: TSessionResponse;
  onPasswordChanged: (message: string) => void;
}

function ProfileDetails({ session, onPasswordChanged }: TProfileDetailsProps) {
  const { data: profile, error } = useQuery({ queryKey: PROFILE_QUERY_KEY, queryFn: fetchProfile });
  const { hash } = useLocation();
  const loaded = profile !== undefined;
  // A link to a section (#change-password) lands there once the sections exist.
  useEffect(() => {
    if (loaded && hash) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [loaded, hash]);
  // A 401 means the session ended meanwhile: the query client forgets it and the page leaves for the login.
  const loadError =
    error === null || (isApiError(error) && error.status === 401)
      ? null
      : isApiError(error)
        ? error.message
        : 'Your profile could not be loaded. Please try again.';

  const mustChangePassword = session.mustChangePassword || profile?.mustChangePassword === true;
  return (
    <>
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
          {/* Stable anchors: Request Assistance (SR-2) links to these two sections. */}
          <div id="challenge-question">
            <ChallengeQuestionForm current={profile.challengeQuestion} available={!mustChangePassword} />
          </div>
          <div id="change-password">
            <ChangePasswordForm profile={profile} onChanged={onPasswordChanged} />
          </div>
        </>
      ) : loadError || error ? null : (
        <p role="status" className="loading">
          Loading your profile…
        </p>
      )}
    </>
  );
}
