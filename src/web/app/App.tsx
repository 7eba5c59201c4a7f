import { ProducerServicesPage } from '../features/help/ProducerServicesPage.tsx';
import { HomePage } from '../features/identity/HomePage.tsx';
import { LoginPage } from '../features/identity/LoginPage.tsx';
import { SessionProvider } from '../features/identity/session-context.tsx';
import { ProfilePage } from '../features/profile/ProfilePage.tsx';
import { ForgotUsernamePage } from '../features/self-service/ForgotUsernamePage.tsx';
import { RegisterConfirmPage } from '../features/self-service/RegisterConfirmPage.tsx';
import { RegisterPage } from '../features/self-service/RegisterPage.tsx';
import { ResetPasswordPage } from '../features/self-service/ResetPasswordPage.tsx';
import { AuditLogPage } from '../features/staff-console/AuditLogPage.tsx';
import { LifecycleReportPage } from '../features/staff-console/LifecycleReportPage.tsx';
import { PortalSettingsPage } from '../features/staff-console/PortalSettingsPage.tsx';
import { StaffUsersPage } from '../features/staff-console/StaffUsersPage.tsx';
import { PasswordManagerPage } from '../features/user-admin/PasswordManagerPage.tsx';
import { SecurityManagerPage } from '../features/user-admin/SecurityManagerPage.tsx';
import { LandingPage } from '../portals/LandingPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { useLocation, type TNavigationState } from './router.tsx';
import { matchRoute, type TRoute } from './routes.ts';

export function App() {
  const location = useLocation();
  return (
    <SessionProvider>
      {/* Keyed by address: each page starts fresh (form state, focus on its heading). */}
      <Page key={location.pathname} route={matchRoute(location.pathname, location.search)} state={location.state} />
    </SessionProvider>
  );
}

function Page({ route, state }: { route: TRoute; state: TNavigationState }) {
  switch (route.kind) {
    case 'landing':
      return <LandingPage />;
    case 'producer-services':
      return <ProducerServicesPage />;
    case 'login':
      return <LoginPage portalId={route.portalId} next={route.next} notice={state.notice} />;
    case 'home':
      return <HomePage portalId={route.portalId} />;
    case 'profile':
      return <ProfilePage portalId={route.portalId} />;
    case 'register':
      return <RegisterPage portalId={route.portalId} />;
    case 'register-confirm':
      return <RegisterConfirmPage portalId={route.portalId} token={route.token} />;
    case 'forgot-username':
      return <ForgotUsernamePage portalId={route.portalId} />;
    case 'reset-password':
      return <ResetPasswordPage portalId={route.portalId} />;
    case 'password-manager':
      return <PasswordManagerPage />;
    case 'security-manager':
      return <SecurityManagerPage />;
    case 'staff-users':
      return <StaffUsersPage />;
    case 'staff-audit':
      return <AuditLogPage />;
    case 'staff-lifecycle':
      return <LifecycleReportPage />;
    case 'staff-settings':
      return <PortalSettingsPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
