/**
 * The photo grid's state: pages newest first, "show more" by cursor, and a refresh that takes in
 * what is new (or gone) at the top without losing the pages already shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { listMedia, type GridItemJson, type GridPageJson } from './api.js';

/** Items in one page: a whole number of rows for 2, 3, 4 and 6 columns. */
export const gridPageSize = 48;

/** Whether `a` comes after `b` in the grid's order (newest first; the id breaks ties, as on the server). */
function isOlder(a: GridItemJson, b: GridItemJson): boolean {
  if (a.media.createdAt !== b.media.createdAt) return a.media.createdAt < b.media.createdAt;
  return a.media.id < b.media.id;
}

/**
 * Takes a fresh first page into the list: everything up to its last item is now what the page
 * says (new items appear, deleted ones go); older items already loaded stay.
 */
export function mergeFirstPage(list: GridItemJson[], page: GridPageJson): GridItemJson[] {
  const last = page.items.at(-1);
  if (!page.nextBefore || !last) return page.items;
  const fresh = new Set(page.items.map((item) => item.media.id));
  return [...page.items, ...list.filter((item) => !fresh.has(item.media.id) && isOlder(item, last))];
}

/** What the grid shows and what can be done with it. */
export interface Grid {
  items: GridItemJson[] | null;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  /** Loads the next page; resolves to its items (none after a failure, which `error` then says). */
  loadMore(): Promise<GridItemJson[]>;
  /** Refetches the first page (after an upload, a live event, a reconnect). */
  refresh(): void;
  /** Takes an item out at once (after deleting it). */
  drop(mediaId: string): void;
}

/** Loads the grid; `limit` for a short strip (Home) instead of pages. */
export function useGrid(limit = gridPageSize): Grid {
  const [items, setItems] = useState<GridItemJson[] | null>(null);
  const [nextBefore, setNextBefore] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  // One refresh at a time; a request for another while one runs makes one more afterwards.
  const refreshing = useRef<'idle' | 'running' | 'again'>('idle');
  const mounted = useRef(true);

  const refresh = useCallback(() => {
    if (refreshing.current !== 'idle') {
      refreshing.current = 'again';
      return;
    }
    refreshing.current = 'running';
    const run = async () => {
      try {
        const page = await listMedia({ limit });
        if (!mounted.current) return;
        setItems((list) => (list ? mergeFirstPage(list, page) : page.items));
        setNextBefore((current) => (current === null || !page.nextBefore ? page.nextBefore : current));
        setError(null);
      } catch (thrown) {
        if (mounted.current) setError(thrown);
      }
      if (refreshing.current === 'again') {
        refreshing.current = 'running';
        await run();
      } else refreshing.current = 'idle';
    };
    void run();
  }, [limit]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  const loadMore = useCallback(async (): Promise<GridItemJson[]> => {
    if (!nextBefore) return [];
    setLoadingMore(true);
    try {
      const page = await listMedia({ before: nextBefore, limit });
      setItems((list) => {
        const known = new Set((list ?? []).map((item) => item.media.id));
        return [...(list ?? []), ...page.items.filter((item) => !known.has(item.media.id))];
      });
      setNextBefore(page.nextBefore);
      setError(null);
      return page.items;
    } catch (thrown) {
      setError(thrown);
      return [];
    } finally {
      setLoadingMore(false);
    }
  }, [nextBefore, limit]);

  const drop = useCallback((mediaId: string) => {
    setItems((list) => list?.filter((item) => item.media.id !== mediaId) ?? null);
  }, []);

  return { items, error, hasMore: nextBefore !== null, loadingMore, loadMore, refresh, drop };
}
