import { useEffect, useId, useRef, type ReactNode } from 'react';

interface TConfirmDialogProps {
  title: string;
  /** The button that goes ahead, e.g. "Disable User". */
  confirmLabel: string;
  /** Red button for actions that take something away (disable, reset). */
  destructive?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * Asks before an action that changes someone's access. A modal <dialog>: the rest of the page
 * is inert, Escape cancels, and focus starts on Cancel so Enter never confirms by accident.
 */
export function ConfirmDialog({ title, confirmLabel, destructive, busy, onConfirm, onCancel, children }: TConfirmDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        <button type="button" className={destructive ? 'button button-danger' : 'button button-primary'} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" className="button button-secondary" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
