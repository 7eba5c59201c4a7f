import type { ReactNode } from 'react';
import type { TPortalId } from '../../shared/portals.ts';
import { DisclosureMenu } from '../ui/DisclosureMenu.tsx';
import { MAIN_ID, SkipLink } from '../ui/SkipLink.tsx';
import { Link, useLocation } from 'react-router';
import { paths } from './routes.ts';
import { toolsFor } from './tools.ts';

interface TAppShellProps {
  portalId: TPortalId;
  portalName: string;
  /** The signed-in user's role: the menu shows the tools of that role only. */
  role: string;
  userName: string;
  onLogout: () => void;
  loggingOut: boolean;
  children: ReactNode;
}

/** The frame of every signed-in page: portal header, navigation, Account menu, content. */
export function AppShell({ portalId, portalName, role, userName, onLogout, loggingOut, children }: TAppShellProps) {
  const { pathname } = useLocation();
  const navItems = [{ label: 'Home', to: paths.home(portalId) }, ...toolsFor(portalId, role).map((tool) => ({ label: tool.label, to: tool.to }))];
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={paths.home(portalId)} className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            {portalName}
          </Link>
          <DisclosureMenu label="Account">
            <li className="menu-caption">Signed in as {userName}</li>
            <li>
              <Link to={paths.profile(portalId)} className="menu-item" aria-current={pathname === paths.profile(portalId) ? 'page' : undefined}>
                Edit Profile
              </Link>
            </li>
            {portalId === 'retail' ? (
              <li>
                {/* BK-1: the book is shown for one state at a time. */}
                <Link to={paths.bookState()} className="menu-item" aria-current={pathname === paths.bookState() ? 'page' : undefined}>
                  Switch State
                </Link>
              </li>
            ) : null}
            <li>
              <button type="button" className="menu-item" onClick={onLogout} disabled={loggingOut}>
                Logout
              </button>
            </li>
          </DisclosureMenu>
        </div>
        <nav className="site-nav" aria-label="Main">
          <ul className="site-nav-list">
            {navItems.map((item) => (
              <li key={item.to}>
                <Link to={item.to} className="site-nav-link" aria-current={item.to === pathname ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}
