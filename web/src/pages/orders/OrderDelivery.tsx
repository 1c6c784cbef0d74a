import type { Order } from '../../api/types';
import { formatDay, formatIstTime } from '../../lib/businessTime';
import { formatDateTime } from '../../lib/format';

const PAYMENT_LABELS: Record<string, string> = { CashOnDelivery: 'Cash on delivery' };

export function OrderDelivery({ order }: { order: Order }) {
  const address = order.deliveryAddress;
  const by = formatIstTime(order.estimatedDelivery) || '8:00 AM';
  return (
    <dl className="facts facts--stacked">
      <div>
        <dt>Delivery</dt>
        <dd>
          <strong>{formatDay(order.deliveryDate)}</strong>, by {by}
        </dd>
      </div>
      {address && (
        <div>
          <dt>Address</dt>
          <dd>
            <address className="address-card__lines">
              {address.label && (
                <>
                  <strong>{address.label}</strong>
                  <br />
                </>
              )}
              {address.line1}
              {address.line2 && (
                <>
                  <br />
                  {address.line2}
                </>
              )}
              <br />
              {address.city}, {address.state} {address.zipCode}
            </address>
          </dd>
        </div>
      )}
      <div>
        <dt>Payment</dt>
        <dd>{PAYMENT_LABELS[order.paymentMethod ?? 'CashOnDelivery'] ?? order.paymentMethod}</dd>
      </div>
      {order.createdAt !== undefined && (
        <div>
          <dt>Placed</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
        </div>
      )}
    </dl>
  );
}
