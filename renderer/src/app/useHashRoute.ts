import { useSyncExternalStore } from 'react';

/** The current hash route ("#/about" → "about"); empty string for the home page. */
function read(): string {
  return window.location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): string {
  return useSyncExternalStore(subscribe, read, read);
}

/** Opens a route, with optional parameters ("valuation", { enterprise: id } → "#/valuation?enterprise=…"). */
export function navigate(route: string, params: Record<string, string> = {}): void {
  const query = new URLSearchParams(params).toString();
  window.location.hash = `#/${route}${query ? `?${query}` : ''}`;
}

/** A parameter of the current route, or null. */
export function routeParam(name: string): string | null {
  const query = window.location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get(name) : null;
}
