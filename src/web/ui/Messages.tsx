import type { ReactNode } from 'react';

/** An error the user must notice: announced at once by screen readers. */
export function ErrorAlert({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="message message-error">
      {children}
    </div>
  );
}

/** A polite notice such as "You have been logged out." */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="message message-info">
      {children}
    </div>
  );
}

/** A polite live region that stays in the page, so a message put into it later is announced. */
export function LiveStatus({ children }: { children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <div role="status" className={empty ? undefined : 'message message-info'}>
      {children}
    </div>
  );
}
