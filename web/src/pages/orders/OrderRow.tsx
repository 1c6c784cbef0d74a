import { Link } from 'react-router-dom';
import type { Order } from '../../api/types';
import { OrderStatusBadge } from '../../components/Badge';
import { formatDay } from '../../lib/businessTime';
import { formatDateTime, formatPrice, isoString } from '../../lib/format';
import { itemCount, pluralItems, shortOrderId } from '../../lib/orders';

export function OrderRow({ order }: { order: Order }) {
  return (
    <tr data-testid="order-row" data-order-id={order.orderId}>
      <td data-label="Order" className="cell-strong">
        <Link to={`/orders/${encodeURIComponent(order.orderId)}`} title={order.orderId}>
          <span className="visually-hidden">Order </span>
          {shortOrderId(order.orderId)}
        </Link>
      </td>
      <td data-label="Placed">
        <time dateTime={isoString(order.createdAt)}>{formatDateTime(order.createdAt)}</time>
      </td>
      <td data-label="Delivery">
        <time dateTime={order.deliveryDate}>{formatDay(order.deliveryDate)}</time>
      </td>
      <td data-label="Items">{pluralItems(itemCount(order.items))}</td>
      <td data-label="Total" className="cell-number">
        {formatPrice(order.totalAmount)}
      </td>
      <td data-label="Status">
        <OrderStatusBadge status={order.status} />
      </td>
    </tr>
  );
}
