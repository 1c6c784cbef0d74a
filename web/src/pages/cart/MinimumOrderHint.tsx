import { MINIMUM_ORDER } from '../../cart/cartLines';
import { formatPrice } from '../../lib/format';
import { roundRupees } from '../../lib/money';

/** A gentle note while the indicative subtotal is under the minimum; the server has the last word. */
export function MinimumOrderHint({ subtotal }: { subtotal: number }) {
  const missing = roundRupees(MINIMUM_ORDER - subtotal);
  if (subtotal <= 0 || missing <= 0) return null;
  return (
    <p className="notice notice--warning" data-testid="minimum-order-hint">
      Add {formatPrice(missing)} more (minimum {formatPrice(MINIMUM_ORDER)}).
    </p>
  );
}
