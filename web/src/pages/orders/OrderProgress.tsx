import type { OrderStatus } from '../../api/types';
import { ORDER_STEPS, orderStatusLabel } from '../../lib/orders';

const OFF_PATH: Partial<Record<OrderStatus, { tone: string; text: string }>> = {
  Cancelled: { tone: 'neutral', text: 'This order was cancelled. Nothing will be delivered and nothing is due.' },
  Failed: { tone: 'danger', text: 'This order could not be completed. Nothing is due; please order again.' },
};

/** Pending → Confirmed → Processing → Out for delivery → Delivered; a cancelled or failed order says so instead. */
export function OrderProgress({ status }: { status: OrderStatus }) {
  const offPath = OFF_PATH[status];
  if (offPath) {
    return (
      <p className={`banner banner--${offPath.tone}`} data-testid="order-progress">
        {offPath.text}
      </p>
    );
  }

  const reached = status === 'Delivered' ? ORDER_STEPS.length : ORDER_STEPS.indexOf(status);
  return (
    <>
      {status === 'PaymentPending' && <p className="banner banner--warning">We are waiting for the payment to be confirmed.</p>}
      <ol className="progress" aria-label="Order progress" data-testid="order-progress">
        {ORDER_STEPS.map((step, index) => {
          const state = index < reached ? 'done' : index === reached ? 'current' : 'todo';
          return (
            <li key={step} className={`progress__step progress__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="progress__dot" aria-hidden="true">
                {state === 'done' ? '✓' : index + 1}
              </span>
              <span className="progress__label">{orderStatusLabel(step)}</span>
              <span className="visually-hidden">{state === 'done' ? ' (done)' : state === 'current' ? ' (now)' : ''}</span>
            </li>
          );
        })}
      </ol>
    </>
  );
}
