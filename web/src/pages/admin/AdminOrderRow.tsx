import { Link } from 'react-router-dom';
import type { Order } from '../../api/types';
import { OrderStatusBadge } from '../../components/Badge';
import { formatDay } from '../../lib/businessTime';
import { formatDateTime, formatPrice, isoString } from '../../lib/format';
import { groupByVendor } from '../../lib/grouping';
import { itemCount, shortOrderId } from '../../lib/orders';

export function AdminOrderRow({ order, vendorNames }: { order: Order; vendorNames: ReadonlyMap<string, string> }) {
  const dairies = groupByVendor(order.items ?? []).map((group) => group.vendorName || vendorNames.get(group.vendorId) || group.vendorId);
  const address = order.deliveryAddress;
  return (
    <tr data-testid="admin-order-row" data-order-id={order.orderId} data-status={order.status}>
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
      <td data-label="Customer" className="cell-mono cell-wrap">
        {order.userId || '—'}
      </td>
      <td data-label="Area">{address ? `${address.city} ${address.zipCode}` : '—'}</td>
      <td data-label="Dairies" className="cell-wrap">
        {dairies.join(', ') || '—'}
      </td>
      <td data-label="Items" className="cell-number">
        {itemCount(order.items)}
      </td>
      <td data-label="Total" className="cell-number">
        {formatPrice(order.totalAmount)}
      </td>
      <td data-label="Status">
        <OrderStatusBadge status={order.status} />
      </td>
    </tr>
  );
}
