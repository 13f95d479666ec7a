import { useEffect, useState } from 'react';
import type { Page } from '../../../../shared/types/records';

export const PAGE_SIZE = 100;

/**
 * Loads one page of a server-side list whenever the query changes (and when `version`
 * bumps after an edit). Stale answers from an older query are dropped.
 */
export function usePagedList<Q, T>(fetch: (q: Q) => Promise<Page<T>>, query: Q, version: number) {
  const [state, setState] = useState<{ page: Page<T>; loading: boolean; error: string | null }>({
    page: { rows: [], total: 0 },
    loading: true,
    error: null,
  });
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    fetch(JSON.parse(key) as Q).then(
      (page) => live && setState({ page, loading: false, error: null }),
      (err: unknown) => live && setState((s) => ({ ...s, loading: false, error: err instanceof Error ? err.message : String(err) })),
    );
    return () => {
      live = false;
    };
  }, [fetch, key, version]);
  return state;
}
