import { useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  updatedAt: number | null;
}

/** Loads now and then every `intervalMs` while `enabled`; keeps the last good answer between loads. */
export function usePolling<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  intervalMs: number,
  enabled: boolean,
): Polled<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const loadRef = useRef(load);

  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    setData(undefined);
    setLoading(true);
  }, [key]);

  useEffect(() => {
    if (!enabled) return;
    let controller = new AbortController();
    let live = true;

    const tick = () => {
      controller.abort();
      controller = new AbortController();
      loadRef.current(controller.signal).then(
        (value) => {
          if (!live) return;
          setData(value);
          setError(undefined);
          setLoading(false);
          setUpdatedAt(Date.now());
        },
        (failure: unknown) => {
          if (!live || (failure instanceof DOMException && failure.name === 'AbortError')) return;
          setError(failure);
          setLoading(false);
        },
      );
    };

    tick();
    const timer = window.setInterval(tick, intervalMs);
    return () => {
      live = false;
      controller.abort();
      window.clearInterval(timer);
    };
  }, [key, intervalMs, enabled]);

  return { data, error, loading, updatedAt };
}
