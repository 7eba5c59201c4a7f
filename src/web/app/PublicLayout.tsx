import type { ReactNode } from 'react';
import { MAIN_ID, SkipLink } from '../ui/SkipLink.tsx';
import { Link } from 'react-router';
import { paths } from './routes.ts';

/** The frame of every page before sign-in: the Portico header and the page's main content. */
export function PublicLayout({ wide, children }: { wide?: boolean; children: ReactNode }) {
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={paths.landing()} className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            Portico
          </Link>
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={wide ? 'page page-medium' : 'page page-narrow'}>
        {children}
      </main>
    </>
  );
}
