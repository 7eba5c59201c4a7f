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
