// A tiny client-side router over the History API: the current location as React state,
// navigate(), and a Link that keeps ordinary link behaviour (new tab, copy address).
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

/** What a page may carry to the next one, e.g. the "You have been logged out." notice. */
export interface TNavigationState {
  notice?: string;
}

export interface TLocation {
  pathname: string;
  /** The query string, with its leading "?" (or empty), e.g. a confirmation token or ?next=. */
  search: string;
  state: TNavigationState;
}

const listeners = new Set<() => void>();
let navigated = false;
let current: TLocation = readLocation();

function readLocation(): TLocation {
  const state: unknown = window.history.state;
  const notice = typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string' ? state.notice : undefined;
  return { pathname: window.location.pathname, search: window.location.search, state: notice === undefined ? {} : { notice } };
}

function update(): void {
  navigated = true;
  const next = readLocation();
  // Fragment-only changes (a #hash) are not a new page.
  if (next.pathname === current.pathname && next.search === current.search && next.state.notice === current.state.notice) return;
  current = next;
  for (const listener of listeners) listener();
}

/** False on the page the browser loaded; true after any in-app or back/forward navigation. */
export function hasNavigated(): boolean {
  return navigated;
}

window.addEventListener('popstate', update);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLocation(): TLocation {
  return useSyncExternalStore(subscribe, () => current);
}

export function navigate(to: string, options: { replace?: boolean; state?: TNavigationState } = {}): void {
  const state = options.state ?? {};
  if (options.replace) window.history.replaceState(state, '', to);
  else window.history.pushState(state, '', to);
  update();
  window.scrollTo(0, 0);
}

type TLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

export function Link({ to, onClick, children, ...rest }: TLinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const plainClick = event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
    if (event.defaultPrevented || !plainClick || rest.target === '_blank') return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handleClick} {...rest}>
      {children}
    </a>
  );
}
