import { useCallback, useEffect, useState } from 'react';
import { ordersApi } from '../../api/orders';
import type { OrderQuote, OrderRequest } from '../../api/types';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { describeOrderError, type OrderProblem } from './orderProblem';

export interface QuoteState {
  /** The latest quote; while a newer one loads, the previous one (see `stale`). */
  quote: OrderQuote | undefined;
  stale: boolean;
  loading: boolean;
  /** Why the current body cannot be priced (it could not be ordered either). */
  problem: OrderProblem | undefined;
  retry: () => void;
}

interface Result {
  key: string;
  quote?: OrderQuote;
  problem?: OrderProblem;
}

/** Asks `POST /orders/quote` whenever the body changes (debounced); answers for superseded bodies are dropped. */
export function useQuote(body: OrderRequest | null): QuoteState {
  const key = body ? JSON.stringify(body) : '';
  const requestKey = useDebouncedValue(key, 300);
  const [result, setResult] = useState<Result>({ key: '' });
  const [lastQuote, setLastQuote] = useState<OrderQuote | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!requestKey) return;
    const request = JSON.parse(requestKey) as OrderRequest;
    const controller = new AbortController();
    ordersApi.quote(request, controller.signal).then(
      (quote) => {
        if (controller.signal.aborted) return;
        setResult({ key: requestKey, quote });
        setLastQuote(quote);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResult({ key: requestKey, problem: describeOrderError(error, request.items) });
      },
    );
    return () => controller.abort();
  }, [requestKey, attempt]);

  const retry = useCallback(() => {
    setResult({ key: '' });
    setAttempt((n) => n + 1);
  }, []);

  const current = key !== '' && result.key === key;
  return {
    quote: current && result.quote ? result.quote : lastQuote,
    stale: !current || !result.quote,
    loading: key !== '' && !current,
    problem: current ? result.problem : undefined,
    retry,
  };
}
