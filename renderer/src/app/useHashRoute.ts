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

export function navigate(route: string): void {
  window.location.hash = `#/${route}`;
}
