import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { ordersApi } from '../../api/orders';
import type { Order } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormError } from '../../components/FormError';
import { useToast } from '../../components/toastContext';
import { formatDay, formatIstDateTime } from '../../lib/businessTime';

interface CancelOrderProps {
  order: Order;
  /** Called after an attempt either way, so the page shows the order as it now is. */
  onSettled: () => void;
}

export function CancelOrder({ order, onSettled }: CancelOrderProps) {
  const { notify } = useToast();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const deadline = formatIstDateTime(order.cancelBefore);

  const onConfirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await ordersApi.cancel(order.orderId);
      notify('Your order is cancelled.');
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
      setOpen(false);
      onSettled();
    }
  };

  return (
    <div className="cancel-order">
      <FormError message={error} />
      {order.canCancel && (
        <>
          <button
            type="button"
            className="button button--danger-ghost"
            onClick={() => {
              setError(undefined);
              setOpen(true);
            }}
            data-testid="cancel-order"
          >
            Cancel order
          </button>
          {deadline && <p className="field__hint">You can cancel until {deadline} (India time).</p>}
        </>
      )}
      <ConfirmDialog
        open={open}
        title="Cancel this order?"
        confirmLabel="Yes, cancel it"
        cancelLabel="Keep my order"
        danger
        busy={busy}
        confirmTestId="confirm-cancel"
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      >
        <p>The delivery for {formatDay(order.deliveryDate)} will not come. You can order again at any time.</p>
      </ConfirmDialog>
    </div>
  );
}
