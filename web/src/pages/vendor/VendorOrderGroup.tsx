import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import type { VendorDecisionResult, VendorOrderLine } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { DecisionBadge } from '../../components/Badge';
import { useToast } from '../../components/toastContext';
import { canDecide, shortOrderId } from '../../lib/orders';
import { VendorOrderRow } from './VendorOrderRow';

interface VendorOrderGroupProps {
  orderId: string;
  lines: readonly VendorOrderLine[];
  columns: number;
  onDecided: (result: VendorDecisionResult) => void;
  onReject: (orderId: string) => void;
  /** The order changed under us (already answered, cancelled, gone): the list should be loaded again. */
  onStale: () => void;
}

/** One order's lines under a head row that shows the dairy's answer, or offers to accept or reject the order. */
export function VendorOrderGroup({ orderId, lines, columns, onDecided, onReject, onStale }: VendorOrderGroupProps) {
  const { notify } = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const first = lines[0];
  const decision = lines.find((line) => line.decision)?.decision ?? null;
  const decidable = canDecide(first.status, decision);
  const label = shortOrderId(orderId);

  const onAccept = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await vendorApi.acceptOrder(orderId);
      onDecided(result);
      notify(`Order ${label} accepted.`);
    } catch (failure) {
      setError(errorMessage(failure));
      if (isApiError(failure, 'AlreadyDecided') || isApiError(failure, 'CannotDecide') || isApiError(failure, 'NotFound')) {
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <tbody className="vendor-order-group" data-testid="vendor-order-group" data-order-id={orderId} data-decision={decision ?? ''}>
      <tr className="vendor-order-group__head">
        <th scope="rowgroup" colSpan={columns}>
          <div className="vendor-order-head">
            <span className="vendor-order-head__title" title={orderId}>
              Order {label}
            </span>
            <span className="vendor-order-head__meta">
              {lines.length === 1 ? '1 product' : `${lines.length} products`}
            </span>
            <span className="vendor-order-head__actions">
              {decision ? (
                <DecisionBadge decision={decision} testId={`decision-${orderId}`} />
              ) : decidable ? (
                <>
                  <button
                    type="button"
                    className="button button--small button--primary"
                    disabled={busy}
                    aria-busy={busy || undefined}
                    aria-label={`Accept order ${label}`}
                    onClick={onAccept}
                    data-testid={`accept-order-${orderId}`}
                  >
                    {busy ? 'Accepting…' : 'Accept'}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-ghost"
                    disabled={busy}
                    aria-label={`Reject order ${label}`}
                    onClick={() => {
                      setError(undefined);
                      onReject(orderId);
                    }}
                    data-testid={`reject-order-${orderId}`}
                  >
                    Reject
                  </button>
                </>
              ) : (
                <span className="muted">No answer needed</span>
              )}
            </span>
          </div>
          {error && (
            <p className="cell-error" role="alert">
              {error}
            </p>
          )}
        </th>
      </tr>
      {lines.map((line) => (
        <VendorOrderRow key={`${line.orderId}:${line.productId}`} line={line} />
      ))}
    </tbody>
  );
}
