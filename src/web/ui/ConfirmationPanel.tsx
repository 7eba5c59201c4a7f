import { useEffect, useId, useRef, type ReactNode } from 'react';

interface TConfirmationPanelProps {
  title: string;
  /** The one button that closes the panel, e.g. "OK" or "Back to Profile Page". */
  actionLabel: string;
  onAction: () => void;
  children: ReactNode;
}

/**
 * What a form turns into once it has been sent (the seed's "Request Submitted" and
 * "Password Update" boxes). It takes focus so the result is read at once and the button is one Tab away.
 */
export function ConfirmationPanel({ title, actionLabel, onAction, children }: TConfirmationPanelProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel confirmation" aria-labelledby={titleId}>
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="panel-title confirmation-title">
        {title}
      </h2>
      <div className="confirmation-body">{children}</div>
      <button type="button" className="button button-primary" onClick={onAction}>
        {actionLabel}
      </button>
    </section>
  );
}
