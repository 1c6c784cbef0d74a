import { Link } from 'react-router-dom';
import { ordersApi } from '../../api/orders';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { usePagedList } from '../../hooks/usePagedList';
import { OrderRow } from './OrderRow';

export function OrdersPage() {
  useDocumentTitle('My orders');
  const orders = usePagedList((nextToken) => ordersApi.list(nextToken), []);

  return (
    <div className="page">
      <PageHeader
        title="My orders"
        lead="Everything you have ordered, newest first."
        actions={
          <button type="button" className="button button--ghost button--small" onClick={orders.reload}>
            Refresh
          </button>
        }
      />
      <section className="panel" aria-label="Orders">
        {orders.loading ? (
          <Spinner label="Loading your orders…" />
        ) : orders.error ? (
          <ErrorState error={orders.error} title="We could not load your orders" onRetry={orders.reload} />
        ) : orders.items.length === 0 ? (
          <EmptyState title="No orders yet" icon="/images/milk.svg">
            <p>Order tonight and wake up to fresh milk at your door.</p>
            <Link className="button button--primary" to="/">
              Start shopping
            </Link>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Placed</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Items</th>
                  <th scope="col">Total</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {orders.items.map((order) => (
                  <OrderRow key={order.orderId} order={order} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={orders.hasMore} loading={orders.loadingMore} error={orders.loadMoreError} onLoadMore={orders.loadMore} />
      </section>
    </div>
  );
}
