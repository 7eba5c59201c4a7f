import type { MouseEvent } from 'react';

export const MAIN_ID = 'main';

/** First stop for keyboard users: jumps past the header to the page's content. */
export function SkipLink() {
  // Focus the landmark directly: a #main fragment would add a history entry to every page.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a className="skip-link" href={`#${MAIN_ID}`} onClick={skip}>
      Skip to main content
    </a>
  );
}
