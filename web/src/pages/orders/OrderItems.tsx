import type { OrderItem } from '../../api/types';
import { formatPrice } from '../../lib/format';
import { groupByVendor } from '../../lib/grouping';

/** The order's lines, under the name of the dairy each comes from. */
export function OrderItems({ items }: { items: readonly OrderItem[] }) {
  return (
    <div className="order-items">
      {groupByVendor(items).map((group) => (
        <section key={group.vendorId} className="order-items__group" aria-label={group.vendorName || 'Dairy'}>
          <h3 className="cart-group__title">{group.vendorName || 'Local dairy'}</h3>
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
      ))}
    </div>
  );
}
