import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { ordersApi } from '../../api/orders';
import { useAuth } from '../../auth/authContext';
import { OrderStatusBadge } from '../../components/Badge';
import { PriceBreakdown } from '../../components/PriceBreakdown';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { itemCount, pluralItems, shortOrderId } from '../../lib/orders';
import { CancelOrder } from './CancelOrder';
import { OrderDelivery } from './OrderDelivery';
import { OrderItems } from './OrderItems';
import { OrderProgress } from './OrderProgress';

export function OrderPage() {
  const { orderId = '' } = useParams();
  const { user, hasRole } = useAuth();
  const order = useAsync(() => ordersApi.get(orderId), [orderId]);
  const data = order.data?.orderId === orderId ? order.data : undefined;
  useDocumentTitle(data ? `Order ${shortOrderId(data.orderId)}` : 'Order');

  if (!data) {
    if (order.loading) return <Spinner label="Loading your order…" />;
    if (isApiError(order.error, 'NotFound')) {
      return (
        <EmptyState title="We could not find that order">
          <p>It may belong to another account, or the link is mistyped.</p>
          <Link className="button" to="/orders">
            See my orders
          </Link>
        </EmptyState>
      );
    }
    return <ErrorState error={order.error} title="We could not load this order" onRetry={order.reload} />;
  }

  const staffView = Boolean(data.userId && user && data.userId !== user.userId && hasRole('Admin', 'Manager'));

  return (
    <article className="page order-page" data-order-id={data.orderId}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        {staffView ? <Link to="/admin?tab=orders">All orders</Link> : <Link to="/orders">My orders</Link>}
        <span aria-hidden="true">/</span>
        <span aria-current="page">Order {shortOrderId(data.orderId)}</span>
      </nav>

      <header className="order-head">
        <div>
          <h1 className="page-header__title">Order {shortOrderId(data.orderId)}</h1>
          <p className="order-head__id">
            Order ID <code data-testid="order-id">{data.orderId}</code>
          </p>
        </div>
        <OrderStatusBadge status={data.status} />
      </header>

      <section className="panel" aria-label="Order status">
        <OrderProgress status={data.status} />
      </section>

      <div className="order-grid">
        <section className="panel" aria-labelledby="order-items-title">
          <h2 id="order-items-title" className="section-title">
            {pluralItems(itemCount(data.items))}
          </h2>
          <OrderItems items={data.items} />
          <PriceBreakdown priced={data} />
        </section>
        <section className="panel order-side" aria-labelledby="order-delivery-title">
          <h2 id="order-delivery-title" className="section-title">
            Delivery
          </h2>
          <OrderDelivery order={data} />
          <CancelOrder order={data} onSettled={order.reload} />
        </section>
      </div>
    </article>
  );
}
