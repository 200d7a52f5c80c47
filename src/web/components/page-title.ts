import { useEffect } from 'react';

/** Sets the browser tab title for the current route. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} – Beskyt` : 'Beskyt';
  }, [title]);
}
