import { useState } from 'react';
import type { OrderStatus } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { LoadMore } from '../../components/LoadMore';
import { DeliveryDateSelect, OrderStatusSelect } from '../../components/OrderFilterFields';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { usePagedList } from '../../hooks/usePagedList';
import { formatDay, istTomorrow } from '../../lib/businessTime';
import { VendorOrderRow } from './VendorOrderRow';

const COLUMNS = ['Order', 'Delivery', 'Product', 'Quantity', 'Line total', 'Status', 'Area'];

export function VendorOrdersSection() {
  const [deliveryDate, setDeliveryDate] = useState(() => istTomorrow());
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const lines = usePagedList(
    (nextToken) => vendorApi.orders({ deliveryDate, status }, nextToken),
    [deliveryDate, status],
  );

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
          <table className="table table--cards">
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.items.map((line) => (
                <VendorOrderRow key={`${line.orderId}:${line.productId}`} line={line} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore hasMore={lines.hasMore} loading={lines.loadingMore} error={lines.loadMoreError} onLoadMore={lines.loadMore} />
    </section>
  );
}
