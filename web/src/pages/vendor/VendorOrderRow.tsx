import type { VendorOrderLine } from '../../api/types';
import { OrderStatusBadge } from '../../components/Badge';
import { formatDay } from '../../lib/businessTime';
import { formatPrice } from '../../lib/format';
import { shortOrderId } from '../../lib/orders';

export function VendorOrderRow({ line }: { line: VendorOrderLine }) {
  const area = [line.city, line.zipCode].filter(Boolean).join(' ');
  return (
    <tr
      data-testid="vendor-order-row"
      data-order-id={line.orderId}
      data-product-id={line.productId}
      data-decision={line.decision ?? undefined}
    >
      <td data-label="Order" className="cell-mono" title={line.orderId}>
        {shortOrderId(line.orderId)}
      </td>
      <td data-label="Delivery">
        <time dateTime={line.deliveryDate}>{formatDay(line.deliveryDate)}</time>
      </td>
      <td data-label="Product" className="cell-strong">
        {line.productName}
        {line.unit && <p className="cell-sub">{line.unit}</p>}
      </td>
      <td data-label="Quantity" className="cell-number">
        {line.quantity}
      </td>
      <td data-label="Line total" className="cell-number">
        {formatPrice(line.totalPrice)}
      </td>
      <td data-label="Status">
        <OrderStatusBadge status={line.status} />
      </td>
      <td data-label="Area">{area || '—'}</td>
    </tr>
  );
}
