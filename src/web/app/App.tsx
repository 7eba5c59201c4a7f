import { ComingSoonPage } from '../features/identity/ComingSoonPage.tsx';
import { HomePage } from '../features/identity/HomePage.tsx';
import { LoginPage } from '../features/identity/LoginPage.tsx';
import { SessionProvider } from '../features/identity/session-context.tsx';
import { LandingPage } from '../portals/LandingPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { useLocation, type TNavigationState } from './router.tsx';
import { matchRoute, type TRoute } from './routes.ts';

export function App() {
  const location = useLocation();
  return (
    <SessionProvider>
      {/* Keyed by address: each page starts fresh (form state, focus on its heading). */}
      <Page key={location.pathname} route={matchRoute(location.pathname)} state={location.state} />
    </SessionProvider>
  );
}

function Page({ route, state }: { route: TRoute; state: TNavigationState }) {
  switch (route.kind) {
    case 'landing':
      return <LandingPage />;
    case 'login':
      return <LoginPage portalId={route.portalId} notice={state.notice} />;
    case 'home':
      return <HomePage portalId={route.portalId} />;
    case 'coming-soon':
      return <ComingSoonPage portalId={route.portalId} page={route.page} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
