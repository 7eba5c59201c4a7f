import { useEffect } from 'react';

/** Sets the browser tab title: "Page | Portico", or "Portico" alone. */
export function useDocumentTitle(...parts: string[]): void {
  const title = [...parts, 'Portico'].join(' | ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
