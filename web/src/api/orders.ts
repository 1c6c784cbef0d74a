import { apiList, apiRequest } from './client';
import type { Order, OrderQuote, OrderRequest } from './types';

const auth = true;

function orderPath(orderId: string, action?: string): string {
  const path = `/orders/${encodeURIComponent(orderId)}`;
  return action ? `${path}/${action}` : path;
}

/** `POST /orders` answers the order with a `message`; an answer wrapped as `{order, message}` is accepted too. */
function unwrapOrder(answer: Order | { order: Order; message?: string }): Order {
  if ('order' in answer && answer.order && typeof answer.order === 'object') {
    return { ...answer.order, message: answer.message ?? answer.order.message };
  }
  return answer as Order;
}

export const ordersApi = {
  quote: (body: OrderRequest, signal?: AbortSignal) =>
    apiRequest<OrderQuote>('/orders/quote', { method: 'POST', body, auth, signal }),
  /** The same key with the same body answers the same order again, so retries cannot order twice. */
  place: async (body: OrderRequest, idempotencyKey: string) =>
    unwrapOrder(
      await apiRequest<Order | { order: Order; message?: string }>('/orders', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
        auth,
      }),
    ),
  list: (nextToken?: string) => apiList<Order>('/orders', { query: { limit: 20, nextToken }, auth }),
  get: (orderId: string, signal?: AbortSignal) => apiRequest<Order>(orderPath(orderId), { auth, signal }),
  cancel: (orderId: string) => apiRequest<Order>(orderPath(orderId, 'cancel'), { method: 'POST', body: {}, auth }),
};
