import { useEffect, useId, useRef, useState, type FocusEvent, type ReactNode } from 'react';

interface TDisclosureMenuProps {
  label: string;
  /** The panel's list items (<li>), e.g. a Logout button. */
  children: ReactNode;
}

/**
 * A button that shows and hides a small panel of actions (the WAI-ARIA disclosure pattern,
 * so Tab moves through the items as usual). Escape, a click outside or leaving it closes it.
 */
export function DisclosureMenu({ label, children }: TDisclosureMenuProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  const closeWhenFocusLeaves = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div className="menu" ref={rootRef} onBlur={closeWhenFocusLeaves}>
      <button ref={buttonRef} type="button" className="menu-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((wasOpen) => !wasOpen)}>
        {label}
        <span className="menu-caret" aria-hidden="true" />
      </button>
      <div id={panelId} className="menu-panel" hidden={!open}>
        <ul className="menu-list">{children}</ul>
      </div>
    </div>
  );
}
