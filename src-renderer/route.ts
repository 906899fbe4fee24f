import { useEffect, useState } from 'react';

/** Hash routes (`#/customers/12`): work the same from file:// (Electron) and http:// (headless). */
export interface Route {
  page: string;
  param: string | null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  return { page: parts[0] ?? '', param: parts[1] ? decodeURIComponent(parts[1]) : null };
}

export function navigate(path: string): void {
  window.location.hash = path.startsWith('#') ? path : `#${path}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
