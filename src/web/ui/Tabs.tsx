import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TTab<TId extends string> {
  id: TId;
  label: string;
}

interface TTabsProps<TId extends string> {
  label: string;
  tabs: readonly TTab<TId>[];
  selected: TId;
  onSelect: (id: TId) => void;
  /** The panel of the selected tab. */
  children: ReactNode;
}

/** The WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs, Tab goes to the panel. */
export function Tabs<TId extends string>({ label, tabs, selected, onSelect, children }: TTabsProps<TId>) {
  const prefix = useId();
  const buttons = useRef(new Map<TId, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const target =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : undefined;
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${prefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${prefix}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${prefix}-panel`} aria-labelledby={`${prefix}-tab-${selected}`} className="tab-panel">
        {children}
      </div>
    </div>
  );
}
