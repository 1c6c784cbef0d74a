import { apiList, apiRequest } from './client';
import type { Order, OrderDetails, OrderQuote, OrderRequest, PlacedOrder } from './types';

const auth = true;

function orderPath(orderId: string, action?: string): string {
  const path = `/orders/${encodeURIComponent(orderId)}`;
  return action ? `${path}/${action}` : path;
}

export const ordersApi = {
  quote: (body: OrderRequest, signal?: AbortSignal) =>
    apiRequest<OrderQuote>('/orders/quote', { method: 'POST', body, auth, signal }),
  /** The same key with the same body answers the same order again, so retries cannot order twice. */
  place: (body: OrderRequest, idempotencyKey: string) =>
    apiRequest<PlacedOrder>('/orders', {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
      auth,
    }),
  list: (nextToken?: string) => apiList<Order>('/orders', { query: { limit: 20, nextToken }, auth }),
  get: (orderId: string, signal?: AbortSignal) => apiRequest<OrderDetails>(orderPath(orderId), { auth, signal }),
  cancel: (orderId: string) => apiRequest<Order>(orderPath(orderId, 'cancel'), { method: 'POST', body: {}, auth }),
};
