import { useEffect, useState } from 'react';
import { isApiError } from '../../api/client';
import type { VendorDecisionResult } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextAreaField } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { useFormErrors } from '../../hooks/useFormErrors';
import { REJECT_REASON_MAX, shortOrderId } from '../../lib/orders';

interface RejectOrderDialogProps {
  /** The order being rejected; null keeps the dialog closed. */
  orderId: string | null;
  onRejected: (result: VendorDecisionResult) => void;
  /** The order changed under us (already answered, cancelled, gone): the list should be loaded again. */
  onStale: () => void;
  onCancel: () => void;
}

/** Asks the dairy why it cannot take an order; the reason is shown to the customer and the order fails. */
export function RejectOrderDialog({ orderId, onRejected, onStale, onCancel }: RejectOrderDialogProps) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  const form = useFormErrors(['reason']);
  const { clearErrors } = form;
  const length = reason.trim().length;

  useEffect(() => {
    if (!orderId) return;
    setReason('');
    setLocalError(undefined);
    clearErrors();
  }, [orderId, clearErrors]);

  const onConfirm = async () => {
    if (!orderId) return;
    clearErrors();
    if (length === 0) {
      setLocalError('Tell the customer why you cannot take this order.');
      return;
    }
    if (length > REJECT_REASON_MAX) {
      setLocalError(`Keep the reason to ${REJECT_REASON_MAX} characters or fewer.`);
      return;
    }
    setLocalError(undefined);
    setBusy(true);
    try {
      onRejected(await vendorApi.rejectOrder(orderId, reason.trim()));
    } catch (failure) {
      form.showError(failure);
      if (isApiError(failure, 'AlreadyDecided') || isApiError(failure, 'CannotDecide') || isApiError(failure, 'NotFound')) {
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  const reasonError = localError ?? form.fieldError('reason');

  return (
    <ConfirmDialog
      open={orderId !== null}
      title={orderId ? `Reject order ${shortOrderId(orderId)}?` : 'Reject order?'}
      confirmLabel="Reject order"
      cancelLabel="Keep the order"
      danger
      busy={busy}
      confirmTestId="confirm-reject"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <div className="reject-form">
        <p>The whole order is called off and the customer sees your reason, so please be clear and kind.</p>
        <FormError message={form.formError} details={form.otherErrors} />
        <TextAreaField
          label="Reason for the customer"
          name="reason"
          value={reason}
          onValue={(value) => {
            setReason(value);
            if (localError) setLocalError(undefined);
          }}
          error={reasonError}
          hint={`${length}/${REJECT_REASON_MAX} characters`}
          placeholder="Our delivery van is off the road tomorrow."
          rows={3}
          required
          disabled={busy}
          data-testid="reject-reason"
        />
      </div>
    </ConfirmDialog>
  );
}
