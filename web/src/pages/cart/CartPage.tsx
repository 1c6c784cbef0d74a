import { Link } from 'react-router-dom';
import { useCart } from '../../cart/cartContext';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState } from '../../components/States';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { CartSummary } from './CartSummary';
import { CartVendorGroups } from './CartVendorGroups';

export function CartPage() {
  useDocumentTitle('Your cart');
  const { lines } = useCart();
  const dairies = new Set(lines.map((line) => line.vendorId)).size;

  return (
    <div className="page">
      <PageHeader
        title="Your cart"
        lead={
          lines.length
            ? `From ${dairies} ${dairies === 1 ? 'dairy' : 'dairies'}, delivered together on the morning you choose.`
            : undefined
        }
      />
      {lines.length === 0 ? (
        <EmptyState title="Your cart is empty" icon="/images/milk.svg">
          <p>Milk, curd, paneer and more from dairies near you.</p>
          <Link className="button button--primary" to="/">
            Browse the shop
          </Link>
        </EmptyState>
      ) : (
        <div className="cart-layout">
          <CartVendorGroups lines={lines} />
          <CartSummary />
        </div>
      )}
    </div>
  );
}
