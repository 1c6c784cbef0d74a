import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ordersApi } from '../../api/orders';
import type { OrderRequest } from '../../api/types';
import { useCart } from '../../cart/cartContext';
import { useToast } from '../../components/toastContext';
import { formatDay, formatIstTime } from '../../lib/businessTime';
import { forgetAttempt, idempotencyKeyFor } from './checkoutAttempt';
import { describeOrderError, isDefinitiveRejection, type OrderProblem } from './orderProblem';

interface Failure {
  /** The form state the problem belongs to; once the customer changes something it no longer applies. */
  formKey: string;
  problem: OrderProblem;
}

export function usePlaceOrder() {
  const { clear } = useCart();
  const navigate = useNavigate();
  const { notify } = useToast();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const inFlight = useRef(false);

  const reject = useCallback((formKey: string, problem: OrderProblem) => setFailure({ formKey, problem }), []);

  const place = useCallback(
    async (body: OrderRequest, formKey: string) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSubmitting(true);
      setFailure(null);
      try {
        const order = await ordersApi.place(body, idempotencyKeyFor(body));
        forgetAttempt();
        navigate(order.orderId ? `/orders/${encodeURIComponent(order.orderId)}` : '/orders', { replace: true });
        clear();
        const by = formatIstTime(order.estimatedDelivery) || '8:00 AM';
        notify(`Order placed! It arrives by ${by} on ${formatDay(order.deliveryDate || body.deliveryDate)}.`);
      } catch (error) {
        if (isDefinitiveRejection(error)) forgetAttempt();
        const problem = describeOrderError(error, body.items);
        if (problem.retryable) problem.details.push('Trying again is safe: the same order cannot be placed twice.');
        setFailure({ formKey, problem });
      } finally {
        inFlight.current = false;
        setSubmitting(false);
      }
    },
    [clear, navigate, notify],
  );

  return { submitting, failure, place, reject };
}
