import { useState } from 'react';
import type { Product } from '../api/types';
import { useCart } from '../cart/cartContext';
import { MAX_CART_LINES, MAX_QUANTITY, productToLine } from '../cart/cartLines';
import { QuantityStepper } from './QuantityStepper';
import { isOutOfStock } from './StockBadge';
import { useToast } from './toastContext';

interface AddToCartProps {
  product: Product;
  /** The tighter layout of a shop card. */
  compact?: boolean;
}

export function AddToCart({ product, compact }: AddToCartProps) {
  const { add } = useCart();
  const { notify } = useToast();
  const [quantity, setQuantity] = useState(1);
  const soldOut = isOutOfStock(product);

  const onAdd = () => {
    const outcome = add(productToLine(product, quantity));
    if (outcome === 'full') {
      notify(`Your cart holds up to ${MAX_CART_LINES} different products. Check out or remove one first.`, 'error');
      return;
    }
    notify(
      outcome === 'capped'
        ? `Your cart now has the most we take of ${product.name}: ${MAX_QUANTITY}.`
        : `Added ${quantity} × ${product.name} to your cart.`,
    );
    setQuantity(1);
  };

  return (
    <div className={`add-to-cart${compact ? ' add-to-cart--compact' : ''}`}>
      <QuantityStepper value={quantity} onChange={setQuantity} label={`Quantity of ${product.name}`} disabled={soldOut} />
      <button
        type="button"
        className={`button button--primary${compact ? ' button--small' : ''}`}
        onClick={onAdd}
        disabled={soldOut}
        data-testid="add-to-cart"
      >
        {soldOut ? 'Out of stock' : 'Add to cart'}
      </button>
    </div>
  );
}
