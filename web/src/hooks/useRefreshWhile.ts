import { useCallback, useEffect, useRef, useState } from 'react';

export interface RefreshWhile {
  /** True while the refreshes are running. */
  polling: boolean;
  /** True when `active` is still true but `maxMs` has passed, so refreshing stopped. */
  gaveUp: boolean;
  /** Starts refreshing again for another `maxMs`. */
  restart: () => void;
}

/**
 * Calls `refresh` every `intervalMs` while `active`, for at most `maxMs` after it became active (or `key` changed).
 * Each call gets a signal that aborts when the next one starts, so a slow answer cannot overwrite a newer one.
 */
export function useRefreshWhile(
  refresh: (signal: AbortSignal) => Promise<unknown>,
  key: string,
  active: boolean,
  intervalMs: number,
  maxMs: number,
): RefreshWhile {
  const refreshRef = useRef(refresh);
  const [round, setRound] = useState(0);
  const [stopped, setStopped] = useState<string | null>(null);
  const roundKey = `${key}#${round}`;

  useEffect(() => {
    refreshRef.current = refresh;
  });

  useEffect(() => {
    if (!active) return;
    setStopped(null);
    const started = Date.now();
    let controller: AbortController | undefined;
    const timer = window.setInterval(() => {
      if (Date.now() - started >= maxMs) {
        window.clearInterval(timer);
        setStopped(roundKey);
        return;
      }
      controller?.abort();
      controller = new AbortController();
      refreshRef.current(controller.signal).catch(() => undefined);
    }, intervalMs);
    return () => {
      window.clearInterval(timer);
      controller?.abort();
    };
  }, [roundKey, active, intervalMs, maxMs]);

  const restart = useCallback(() => setRound((n) => n + 1), []);
  const gaveUp = active && stopped === roundKey;
  return { polling: active && !gaveUp, gaveUp, restart };
}
