import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Page } from '../api/types';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMoreError: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Loads the first page again while the current items stay on screen; a failure keeps them. */
  refresh: () => void;
  replaceItem: (matches: (item: T) => boolean, next: T) => void;
  prependItem: (item: T) => void;
  /** Rewrites every loaded item, such as all the lines of one order at once. */
  updateItems: (update: (item: T) => T) => void;
  removeItem: (matches: (item: T) => boolean) => void;
}

/** A `limit`/`nextToken` list: the first page loads when `deps` change, later pages on "Load more". */
export function usePagedList<T>(
  fetchPage: (nextToken?: string) => Promise<Page<T>>,
  deps: DependencyList,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextToken, setNextToken] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);
  const runId = useRef(0);
  const fetchRef = useRef(fetchPage);
  const itemsRef = useRef(items);

  useEffect(() => {
    fetchRef.current = fetchPage;
    itemsRef.current = items;
  });

  useEffect(() => {
    const id = ++runId.current;
    setLoading(true);
    setError(undefined);
    setLoadMoreError(undefined);
    fetchRef.current().then(
      (page) => {
        if (id !== runId.current) return;
        setItems(page.items ?? []);
        setNextToken(page.nextToken ?? undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (id !== runId.current) return;
        setItems([]);
        setNextToken(undefined);
        setError(failure);
        setLoading(false);
      },
    );
  }, [...deps, attempt]);

  const loadMore = useCallback(() => {
    if (!nextToken || loadingMore) return;
    const id = runId.current;
    setLoadingMore(true);
    setLoadMoreError(undefined);
    fetchRef.current(nextToken).then(
      (page) => {
        if (id !== runId.current) return;
        setItems((current) => [...current, ...(page.items ?? [])]);
        setNextToken(page.nextToken ?? undefined);
        setLoadingMore(false);
      },
      (failure: unknown) => {
        if (id !== runId.current) return;
        setLoadMoreError(failure);
        setLoadingMore(false);
      },
    );
  }, [nextToken, loadingMore]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const refresh = useCallback(() => {
    const id = ++runId.current;
    setLoadingMore(false);
    fetchRef.current().then(
      (page) => {
        if (id !== runId.current) return;
        setItems(page.items ?? []);
        setNextToken(page.nextToken ?? undefined);
        setError(undefined);
        setLoadMoreError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (id !== runId.current) return;
        if (itemsRef.current.length === 0) setError(failure);
        setLoading(false);
      },
    );
  }, []);

  const replaceItem = useCallback((matches: (item: T) => boolean, next: T) => {
    setItems((current) => current.map((item) => (matches(item) ? next : item)));
  }, []);

  const prependItem = useCallback((item: T) => setItems((current) => [item, ...current]), []);

  const updateItems = useCallback((update: (item: T) => T) => setItems((current) => current.map(update)), []);

  const removeItem = useCallback((matches: (item: T) => boolean) => {
    setItems((current) => current.filter((item) => !matches(item)));
  }, []);

  return {
    items,
    loading,
    loadingMore,
    error,
    loadMoreError,
    hasMore: Boolean(nextToken),
    loadMore,
    reload,
    refresh,
    replaceItem,
    prependItem,
    updateItems,
    removeItem,
  };
}
