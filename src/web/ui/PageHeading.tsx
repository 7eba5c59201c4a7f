import { useEffect, useRef, type ReactNode } from 'react';
import { hasNavigated } from '../app/navigation.ts';

/**
 * The page's one h1. After an in-app navigation it takes focus, so screen-reader users hear
 * the new page and keyboard users start from its top (a browser page load does this by itself).
 */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (hasNavigated()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h1>
  );
}
