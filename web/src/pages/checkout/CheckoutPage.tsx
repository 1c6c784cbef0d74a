import { Link } from 'react-router-dom';
import { usersApi } from '../../api/users';
import { useCart } from '../../cart/cartContext';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { CheckoutForm } from './CheckoutForm';

export function CheckoutPage() {
  useDocumentTitle('Checkout');
  const { lines } = useCart();
  const profile = useAsync(() => usersApi.me(), []);
  const addresses = useAsync(() => usersApi.addresses(), []);

  let body;
  if (lines.length === 0) {
    body = (
      <EmptyState title="Your cart is empty" icon="/images/milk.svg">
        <p>Add something from the shop, then come back to check out.</p>
        <Link className="button button--primary" to="/">
          Browse the shop
        </Link>
      </EmptyState>
    );
  } else if ((profile.loading && !profile.data) || (addresses.loading && !addresses.data)) {
    body = <Spinner label="Loading your details…" />;
  } else if (!profile.data || !addresses.data) {
    const retry = () => {
      profile.reload();
      addresses.reload();
    };
    body = <ErrorState error={profile.error ?? addresses.error} title="We could not load your details" onRetry={retry} />;
  } else {
    body = <CheckoutForm profile={profile.data} addresses={addresses.data.items} />;
  }

  return (
    <div className="page">
      <PageHeader
        title="Checkout"
        lead="Choose where and when, and we bring it fresh in the morning."
        actions={
          lines.length > 0 && (
            <Link className="button button--ghost button--small" to="/cart">
              Back to cart
            </Link>
          )
        }
      />
      {body}
    </div>
  );
}
