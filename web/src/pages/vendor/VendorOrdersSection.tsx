import { useState } from 'react';
import type { OrderStatus, VendorDecisionResult } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { LoadMore } from '../../components/LoadMore';
import { DeliveryDateSelect, OrderStatusSelect } from '../../components/OrderFilterFields';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useToast } from '../../components/toastContext';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDay, istTomorrow } from '../../lib/businessTime';
import { groupByOrder } from '../../lib/grouping';
import { shortOrderId } from '../../lib/orders';
import { RejectOrderDialog } from './RejectOrderDialog';
import { VendorOrderGroup } from './VendorOrderGroup';

const COLUMNS = ['Order', 'Delivery', 'Product', 'Quantity', 'Line total', 'Status', 'Area'];

export function VendorOrdersSection() {
  const { notify } = useToast();
  const [deliveryDate, setDeliveryDate] = useState(() => istTomorrow());
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [rejecting, setRejecting] = useState<string | null>(null);
  const lines = usePagedList(
    (nextToken) => vendorApi.orders({ deliveryDate, status }, nextToken),
    [deliveryDate, status],
  );

  /** Shows the answer on every line of the order at once, then loads the list again to catch up with the server. */
  const onDecided = (result: VendorDecisionResult) => {
    lines.updateItems((line) =>
      line.orderId === result.orderId ? { ...line, decision: result.decision, status: result.orderStatus ?? line.status } : line,
    );
    lines.refresh();
  };

  const onRejected = (result: VendorDecisionResult) => {
    setRejecting(null);
    onDecided(result);
    notify(`Order ${shortOrderId(result.orderId)} rejected. The customer will see your reason.`, 'info');
  };

  return (
    <section className="panel" aria-labelledby="vendor-orders-title">
      <div className="panel__head">
        <h2 id="vendor-orders-title" className="section-title">
          Incoming orders
        </h2>
        <button type="button" className="button button--ghost button--small" onClick={lines.reload}>
          Refresh
        </button>
      </div>
      <form
        className="filters filters--inline"
        aria-label="Filter incoming orders"
        data-testid="vendor-orders-filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <DeliveryDateSelect value={deliveryDate} onValue={setDeliveryDate} />
        <OrderStatusSelect value={status} onValue={setStatus} />
      </form>

      {lines.loading ? (
        <Spinner label="Loading orders…" />
      ) : lines.error ? (
        <ErrorState error={lines.error} title="We could not load your orders" onRetry={lines.reload} />
      ) : lines.items.length === 0 ? (
        <EmptyState title={deliveryDate ? `No orders for ${formatDay(deliveryDate)} yet` : 'No orders yet'}>
          <p>Orders for your products show up here as customers place them.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table--cards vendor-orders">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            {groupByOrder(lines.items).map((group) => (
              <VendorOrderGroup
                key={group.orderId}
                orderId={group.orderId}
                lines={group.items}
                columns={COLUMNS.length}
                onDecided={onDecided}
                onReject={setRejecting}
                onStale={lines.refresh}
              />
            ))}
          </table>
        </div>
      )}
      <LoadMore hasMore={lines.hasMore} loading={lines.loadingMore} error={lines.loadMoreError} onLoadMore={lines.loadMore} />
      <RejectOrderDialog orderId={rejecting} onRejected={onRejected} onStale={lines.refresh} onCancel={() => setRejecting(null)} />
    </section>
  );
}
