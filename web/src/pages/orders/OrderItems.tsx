import type { OrderItem, VendorDecision } from '../../api/types';
import { DecisionBadge } from '../../components/Badge';
import { formatPrice } from '../../lib/format';
import { groupByVendor } from '../../lib/grouping';

interface OrderItemsProps {
  items: readonly OrderItem[];
  /** Each dairy's answer, shown beside its name once it has answered. */
  decisions?: readonly VendorDecision[] | null;
}

/** The order's lines, under the name of the dairy each comes from. */
export function OrderItems({ items, decisions }: OrderItemsProps) {
  const byVendor = new Map((decisions ?? []).map((decision) => [decision.vendorId, decision]));
  return (
    <div className="order-items">
      {groupByVendor(items).map((group) => {
        const decision = byVendor.get(group.vendorId);
        const name = group.vendorName || decision?.vendorName || 'Local dairy';
        return (
          <section key={group.vendorId} className="order-items__group" aria-label={name}>
            <div className="order-items__head">
              <h3 className="cart-group__title">{name}</h3>
              {decision && (
                <span className="order-items__decision" data-testid="order-vendor-decision" data-vendor-id={group.vendorId}>
                  <DecisionBadge decision={decision.decision} />
                </span>
              )}
            </div>
            {decision?.decision === 'Rejected' && decision.reason && (
              <p className="order-items__reason">“{decision.reason}”</p>
            )}
            <ul className="order-lines">
              {group.items.map((item) => (
                <li key={item.productId} className="order-line" data-testid="order-item" data-product-id={item.productId}>
                  <span className="order-line__name">
                    {item.productName}
                    {item.unit && <span className="order-line__unit"> · {item.unit}</span>}
                  </span>
                  <span className="order-line__quantity">
                    {item.quantity} × {formatPrice(item.unitPrice)}
                  </span>
                  <span className="order-line__total">{formatPrice(item.totalPrice)}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
