import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth/authContext';
import { useCart } from '../../cart/cartContext';
import { useToast } from '../../components/toastContext';
import { formatPrice } from '../../lib/format';
import { pluralItems } from '../../lib/orders';
import { MinimumOrderHint } from './MinimumOrderHint';

export function CartSummary() {
  const { count, subtotal } = useCart();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { notify } = useToast();

  const onCheckout = () => {
    if (!user) notify('Sign in to check out. Your cart is kept.', 'info');
    navigate('/checkout');
  };

  return (
    <aside className="panel summary" aria-labelledby="cart-summary-title">
      <h2 id="cart-summary-title" className="section-title">
        Summary
      </h2>
      <dl className="breakdown">
        <div className="breakdown__row breakdown__row--total">
          <dt>Subtotal ({pluralItems(count)})</dt>
          <dd data-testid="cart-subtotal">{formatPrice(subtotal)}</dd>
        </div>
      </dl>
      <MinimumOrderHint subtotal={subtotal} />
      <p className="summary__note">
        Prices here are indicative. Taxes, delivery and discounts are worked out at checkout, where the final price is
        confirmed.
      </p>
      <button type="button" className="button button--primary button--block" onClick={onCheckout} data-testid="checkout-button">
        Checkout
      </button>
      <Link className="summary__link" to="/">
        Continue shopping
      </Link>
    </aside>
  );
}
