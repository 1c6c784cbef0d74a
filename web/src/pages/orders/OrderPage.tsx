import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { ordersApi } from '../../api/orders';
import { useAuth } from '../../auth/authContext';
import { OrderStatusBadge } from '../../components/Badge';
import { PriceBreakdown } from '../../components/PriceBreakdown';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useRefreshWhile } from '../../hooks/useRefreshWhile';
import { itemCount, pluralItems, shortOrderId } from '../../lib/orders';
import { CancelOrder } from './CancelOrder';
import { OrderDelivery } from './OrderDelivery';
import { OrderItems } from './OrderItems';
import { OrderProgress } from './OrderProgress';
import { OrderTimeline } from './OrderTimeline';

/** A placed order is `Pending` until the order workflow confirms it, usually within a second. */
const PENDING_REFRESH_MS = 1000;
const PENDING_REFRESH_MAX_MS = 30_000;

export function OrderPage() {
  const { orderId = '' } = useParams();
  const { user, hasRole } = useAuth();
  const order = useAsync(() => ordersApi.get(orderId), [orderId]);
  const data = order.data?.orderId === orderId ? order.data : undefined;
  const { setData } = order;
  const live = useRefreshWhile(
    (signal) => ordersApi.get(orderId, signal).then(setData),
    orderId,
    data?.status === 'Pending',
    PENDING_REFRESH_MS,
    PENDING_REFRESH_MAX_MS,
  );
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
  const failureReason = data.status === 'Failed' ? data.failureReason?.trim() : undefined;

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
          {hasRole('Admin') && (
            <p className="order-head__id">
              <Link to={`/admin?tab=runs&orderId=${encodeURIComponent(data.orderId)}`} data-testid="order-runs-link">
                Workflow runs for this order
              </Link>
            </p>
          )}
        </div>
        <OrderStatusBadge status={data.status} />
      </header>

      <section className="panel order-status" aria-label="Order status">
        <OrderProgress status={data.status} />
        {failureReason && (
          <div className="failure-reason" role="alert">
            <p className="failure-reason__label">Why it failed</p>
            <p className="failure-reason__text" data-testid="order-failure-reason">
              {failureReason}
            </p>
          </div>
        )}
        {live.polling && (
          <p className="order-live" role="status" data-testid="order-live">
            <span className="live-dot" aria-hidden="true" />
            Waiting for the order to be confirmed… this page updates by itself.
          </p>
        )}
        {live.gaveUp && (
          <p className="order-live" role="status">
            <span className="live-dot live-dot--paused" aria-hidden="true" />
            Still waiting for the confirmation. It can take a little longer at busy times.
            <button type="button" className="button button--ghost button--small" onClick={live.restart}>
              Check again
            </button>
          </p>
        )}
      </section>

      <div className="order-grid">
        <section className="panel" aria-labelledby="order-items-title">
          <h2 id="order-items-title" className="section-title">
            {pluralItems(itemCount(data.items))}
          </h2>
          <OrderItems items={data.items} decisions={data.vendorDecisions} />
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

      {data.timeline && (
        <section className="panel" aria-labelledby="order-history-title">
          <h2 id="order-history-title" className="section-title order-history__title">
            What happened
          </h2>
          <OrderTimeline entries={data.timeline} />
        </section>
      )}
    </article>
  );
}
