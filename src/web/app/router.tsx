// The app's pages under React Router, one route per address of routes.ts. The login page is in
// the first download; every other page loads on demand inside DataLayout (which brings TanStack
// Query), which keeps the login page's JavaScript small (the build checks its budget).
import { Fragment, useEffect, type ComponentType } from 'react';
import { NavigationType, createBrowserRouter, useLocation, useNavigationType, useOutlet, useParams, useSearchParams, type RouteObject } from 'react-router';
import { LoginPage } from '../features/identity/LoginPage.tsx';
import { markNavigated } from './navigation.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import {
  CLIENT_ADDRESS,
  COURSE_ADDRESSES,
  GROUP_ADDRESS,
  STATEMENT_ADDRESSES,
  PAGE_ADDRESSES,
  STAFF_BOOK_ADDRESSES,
  TICKET_ADDRESSES,
  safeNext,
  type TRoute,
} from './routes.ts';

/** What a page may carry to the next one, e.g. the "You have been logged out." notice. */
export interface TNavigationState {
  notice?: string;
}

function noticeOf(state: unknown): string | undefined {
  return typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string' ? state.notice : undefined;
}

function LoginRoute({ portalId }: { portalId: Extract<TRoute, { kind: 'login' }>['portalId'] }) {
  const [params] = useSearchParams();
  const location = useLocation();
  return <LoginPage portalId={portalId} next={safeNext(portalId, params.get('next'))} notice={noticeOf(location.state)} />;
}

/** A page loaded on demand: its module's component, given the route's portal. */
function lazyPage(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

function pageOf(route: TRoute): Pick<RouteObject, 'element' | 'lazy'> {
  switch (route.kind) {
    case 'landing':
      return lazyPage(async () => (await import('../portals/LandingPage.tsx')).LandingPage);
    case 'producer-services':
      return lazyPage(async () => (await import('../features/help/ProducerServicesPage.tsx')).ProducerServicesPage);
    case 'login':
      return { element: <LoginRoute portalId={route.portalId} /> };
    case 'not-found':
      return { element: <NotFoundPage /> };
    case 'home':
      return lazyPage(async () => {
        const { HomePage } = await import('../features/identity/HomePage.tsx');
        return () => <HomePage portalId={route.portalId} />;
      });
    case 'profile':
      return lazyPage(async () => {
        const { ProfilePage } = await import('../features/profile/ProfilePage.tsx');
        return () => <ProfilePage portalId={route.portalId} />;
      });
    case 'register':
      return lazyPage(async () => {
        const { RegisterPage } = await import('../features/self-service/RegisterPage.tsx');
        return () => <RegisterPage portalId={route.portalId} />;
      });
    case 'register-confirm':
      return lazyPage(async () => {
        const { RegisterConfirmPage } = await import('../features/self-service/RegisterConfirmPage.tsx');
        return function RegisterConfirmRoute() {
          const [params] = useSearchParams();
          return <RegisterConfirmPage portalId={route.portalId} token={params.get('token') ?? ''} />;
        };
      });
    case 'forgot-username':
      return lazyPage(async () => {
        const { ForgotUsernamePage } = await import('../features/self-service/ForgotUsernamePage.tsx');
        return () => <ForgotUsernamePage portalId={route.portalId} />;
      });
    case 'reset-password':
      return lazyPage(async () => {
        const { ResetPasswordPage } = await import('../features/self-service/ResetPasswordPage.tsx');
        return () => <ResetPasswordPage portalId={route.portalId} />;
      });
    case 'password-manager':
      return lazyPage(async () => (await import('../features/user-admin/PasswordManagerPage.tsx')).PasswordManagerPage);
    case 'security-manager':
      return lazyPage(async () => (await import('../features/user-admin/SecurityManagerPage.tsx')).SecurityManagerPage);
    case 'staff-users':
      return lazyPage(async () => (await import('../features/staff-console/StaffUsersPage.tsx')).StaffUsersPage);
    case 'staff-audit':
      return lazyPage(async () => (await import('../features/staff-console/AuditLogPage.tsx')).AuditLogPage);
    case 'staff-lifecycle':
      return lazyPage(async () => (await import('../features/staff-console/LifecycleReportPage.tsx')).LifecycleReportPage);
    case 'staff-settings':
      return lazyPage(async () => (await import('../features/staff-console/PortalSettingsPage.tsx')).PortalSettingsPage);
    case 'staff-feed-runs':
      return lazyPage(async () => (await import('../features/staff-console/FeedRunsPage.tsx')).FeedRunsPage);
    case 'services-home':
      return lazyPage(async () => (await import('../features/producer-services/ServicesHomePage.tsx')).ServicesHomePage);
    case 'request-assistance':
      return lazyPage(async () => (await import('../features/producer-services/RequestAssistancePage.tsx')).RequestAssistancePage);
    case 'request-form':
      return lazyPage(async () => {
        const { RequestFormPage } = await import('../features/producer-services/RequestFormPage.tsx');
        return () => <RequestFormPage requestType={route.requestType} />;
      });
    case 'book-state':
      return lazyPage(async () => (await import('../features/book/ChooseStatePage.tsx')).ChooseStatePage);
    case 'book-clients':
      return lazyPage(async () => (await import('../features/book/ClientSearchPage.tsx')).ClientSearchPage);
    case 'book-applications':
      return lazyPage(async () => (await import('../features/book/ApplicationsPage.tsx')).ApplicationsPage);
    case 'group-book':
      return lazyPage(async () => (await import('../features/book/GroupBookPage.tsx')).GroupBookPage);
    case 'staff-book':
      return lazyPage(async () => (await import('../features/staff-console/StaffBookPage.tsx')).StaffBookPage);
    case 'ticket':
    case 'staff-ticket':
    case 'book-client':
    case 'group-book-group':
    case 'staff-book-view':
      // Routes with a parameter in the address; see ticketRoutes and bookItemRoutes.
      return { element: <NotFoundPage /> };
    case 'staff-service-requests':
      return lazyPage(async () => (await import('../features/service-queue/ServiceRequestsPage.tsx')).ServiceRequestsPage);
    case 'retail-forms':
    case 'producer-forms': {
      const tool = route.kind;
      return lazyPage(async () => {
        const { FormsPage } = await import('../features/resources/FormsPage.tsx');
        return () => <FormsPage tool={tool} />;
      });
    }
    case 'retail-training':
    case 'producer-training': {
      const tool = route.kind;
      return lazyPage(async () => {
        const { TrainingPage } = await import('../features/resources/TrainingPage.tsx');
        return () => <TrainingPage tool={tool} portalId={tool === 'retail-training' ? 'retail' : 'producers'} />;
      });
    }
    case 'course':
      // Its address carries the course id; see courseRoutes.
      return { element: <NotFoundPage /> };
    case 'staff-resources':
      return lazyPage(async () => (await import('../features/resources/StaffResourcesPage.tsx')).StaffResourcesPage);
    case 'producer-commissions':
    case 'retail-commissions': {
      const tool = route.kind;
      return lazyPage(async () => {
        const { StatementsPage } = await import('../features/commissions/StatementsPage.tsx');
        return () => <StatementsPage tool={tool} portalId={tool === 'retail-commissions' ? 'retail' : 'producers'} />;
      });
    }
    case 'producer-commission-report':
    case 'retail-commission-report': {
      const tool = route.kind;
      return lazyPage(async () => {
        const { ReportPage } = await import('../features/commissions/ReportPage.tsx');
        return () => <ReportPage tool={tool} />;
      });
    }
    case 'commission-statement':
      // Its address carries the month; see statementRoutes.
      return { element: <NotFoundPage /> };
  }
}

/** The ticket pages, whose address carries the ticket number (TICKET_ADDRESSES). */
function ticketRoutes(): RouteObject[] {
  return TICKET_ADDRESSES.map(({ path, kind }) => ({
    path,
    caseSensitive: true,
    lazy: async () => {
      const Page =
        kind === 'ticket'
          ? (await import('../features/producer-services/TicketPage.tsx')).TicketPage
          : (await import('../features/service-queue/StaffTicketPage.tsx')).StaffTicketPage;
      return {
        Component: function TicketRoute() {
          const { number = '' } = useParams();
          return <Page number={number} />;
        },
      };
    },
  }));
}

/** A client's page and a group's page, whose addresses carry the client id or account number. */
function bookItemRoutes(): RouteObject[] {
  return [
    {
      path: CLIENT_ADDRESS,
      caseSensitive: true,
      lazy: async () => {
        const { ClientPage } = await import('../features/book/ClientPage.tsx');
        return {
          Component: function ClientRoute() {
            const { clientId = '' } = useParams();
            return <ClientPage clientId={clientId} />;
          },
        };
      },
    },
    {
      path: GROUP_ADDRESS,
      caseSensitive: true,
      lazy: async () => {
        const { GroupPage } = await import('../features/book/GroupPage.tsx');
        return {
          Component: function GroupRoute() {
            const { accountNumber = '' } = useParams();
            return <GroupPage accountNumber={accountNumber} />;
          },
        };
      },
    },
  ];
}

/** A commission statement's page in either producer portal, whose address carries the month. */
function statementRoutes(): RouteObject[] {
  return STATEMENT_ADDRESSES.map(({ path, portalId }) => ({
    path,
    caseSensitive: true,
    lazy: async () => {
      const { StatementPage } = await import('../features/commissions/StatementPage.tsx');
      return {
        Component: function StatementRoute() {
          const { period = '' } = useParams();
          return <StatementPage tool={portalId === 'retail' ? 'retail-commissions' : 'producer-commissions'} portalId={portalId} period={period} />;
        },
      };
    },
  }));
}

/** A training course's page in either producer portal, whose address carries the course id. */
function courseRoutes(): RouteObject[] {
  return COURSE_ADDRESSES.map(({ path, portalId }) => ({
    path,
    caseSensitive: true,
    lazy: async () => {
      const { CoursePage } = await import('../features/resources/CoursePage.tsx');
      return {
        Component: function CourseRoute() {
          const { courseId = '' } = useParams();
          return <CoursePage tool={portalId === 'retail' ? 'retail-training' : 'producer-training'} portalId={portalId} courseId={courseId} />;
        },
      };
    },
  }));
}

/** A producer's book in the staff console: whose, which state and which client or group from the address. */
function staffBookRoutes(): RouteObject[] {
  return STAFF_BOOK_ADDRESSES.map(({ path, view }) => ({
    path,
    caseSensitive: true,
    lazy: async () => {
      const { StaffBookView } = await import('../features/staff-console/StaffBookView.tsx');
      return {
        Component: function StaffBookRoute() {
          const { agentId = '', state, id } = useParams();
          return <StaffBookView view={view} agentId={agentId} state={state} id={id} />;
        },
      };
    },
  }));
}

/**
 * Keyed by address: each page starts fresh (form state, focus on its heading); a list's own query
 * changes keep it. A new page starts at its top; Back and Forward leave the browser's own restoring alone.
 */
function RootLayout() {
  const outlet = useOutlet();
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  useEffect(() => {
    if (navigationType !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [pathname, navigationType]);
  return <Fragment key={pathname}>{outlet}</Fragment>;
}

export function createAppRouter() {
  const router = createBrowserRouter([
    {
      element: <RootLayout />,
      children: [
        ...PAGE_ADDRESSES.filter(({ route }) => route.kind === 'login').map(({ path, route }): RouteObject => ({
          path,
          caseSensitive: true,
          ...pageOf(route),
        })),
        {
          lazy: async () => ({ Component: (await import('./DataLayout.tsx')).DataLayout }),
          children: [
            ...PAGE_ADDRESSES.filter(({ route }) => route.kind !== 'login').map(({ path, route }): RouteObject => ({
              path,
              caseSensitive: true,
              ...pageOf(route),
            })),
            ...ticketRoutes(),
            ...bookItemRoutes(),
            ...staffBookRoutes(),
            ...courseRoutes(),
            ...statementRoutes(),
          ],
        },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
  const loadedAt = router.state.location.key;
  router.subscribe((state) => {
    if (state.location.key !== loadedAt) markNavigated();
  });
  return router;
}
