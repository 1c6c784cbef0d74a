import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import type { EmailDelivery } from '../../api/types';
import { workflowApi } from '../../api/workflow';
import { DeliveryStatusBadge } from '../../components/Badge';
import { useToast } from '../../components/toastContext';
import { formatPreciseDateTime, isoString } from '../../lib/format';

interface AdminDeliveryRowProps {
  delivery: EmailDelivery;
  onChanged: (delivery: EmailDelivery) => void;
  /** The delivery changed under us (someone else retried it): the list should be loaded again. */
  onStale: () => void;
}

export function AdminDeliveryRow({ delivery, onChanged, onStale }: AdminDeliveryRowProps) {
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const onRetry = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await workflowApi.retryDelivery(delivery.notificationId);
      onChanged({ ...delivery, ...saved, status: saved?.status ?? 'Pending' });
      notify(`The email to ${delivery.to} is queued again.`);
    } catch (failure) {
      setError(errorMessage(failure));
      if (isApiError(failure, 'NotDead') || isApiError(failure, 'NotFound')) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr data-testid="delivery-row" data-notification-id={delivery.notificationId} data-status={delivery.status}>
      <td data-label="Email" className="cell-strong">
        {delivery.subject || '(no subject)'}
        <p className="cell-sub cell-wrap">To {delivery.to}</p>
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td data-label="Status">
        <DeliveryStatusBadge status={delivery.status} />
      </td>
      <td data-label="Attempts" className="cell-number">
        {delivery.attempts}
      </td>
      <td data-label="Last error" className="cell-wrap">
        {delivery.lastError ? <span className="delivery-error">{delivery.lastError}</span> : '—'}
      </td>
      <td data-label="Updated">
        <time dateTime={isoString(delivery.updatedAt ?? delivery.createdAt)}>
          {formatPreciseDateTime(delivery.updatedAt ?? delivery.createdAt) || '—'}
        </time>
        {delivery.status === 'Pending' && delivery.nextAttemptAt && (
          <p className="cell-sub">Next try {formatPreciseDateTime(delivery.nextAttemptAt)}</p>
        )}
      </td>
      <td data-label="" className="cell-actions">
        {delivery.status === 'Dead' && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy}
            aria-busy={busy || undefined}
            aria-label={`Retry the email to ${delivery.to}`}
            onClick={onRetry}
            data-testid={`retry-delivery-${delivery.notificationId}`}
          >
            {busy ? 'Retrying…' : 'Retry'}
          </button>
        )}
      </td>
    </tr>
  );
}
