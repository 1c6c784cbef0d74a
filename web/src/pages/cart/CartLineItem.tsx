import { Link } from 'react-router-dom';
import { useCart } from '../../cart/cartContext';
import { lineTotal, type CartLine } from '../../cart/cartLines';
import { ProductImage } from '../../components/ProductImage';
import { QuantityStepper } from '../../components/QuantityStepper';
import { formatPrice } from '../../lib/format';
import { LineError, type LineProblem } from './LineError';

interface CartLineItemProps {
  line: CartLine;
  problem?: LineProblem;
  /** The line total from the server's quote, when there is one. */
  quotedTotal?: number;
}

export function CartLineItem({ line, problem, quotedTotal }: CartLineItemProps) {
  const { setQuantity, remove } = useCart();
  const errorId = `line-error-${line.productId}`;
  const total = quotedTotal ?? lineTotal(line);

  return (
    <li
      className={`cart-line${problem ? ' cart-line--invalid' : ''}`}
      data-testid="cart-line"
      data-product-id={line.productId}
    >
      <ProductImage className="cart-line__image" imageUrl={line.imageUrl} category={line.category} alt="" />
      <div className="cart-line__info">
        <Link className="cart-line__name" to={`/products/${encodeURIComponent(line.productId)}`}>
          {line.productName}
        </Link>
        <p className="cart-line__meta">
          {line.unit && <>{line.unit} · </>}
          {formatPrice(line.unitPrice)} each
        </p>
      </div>
      <p className="cart-line__total price" data-testid="line-total">
        {formatPrice(total)}
      </p>
      <div className="cart-line__controls">
        <QuantityStepper
          value={line.quantity}
          onChange={(quantity) => setQuantity(line.productId, quantity)}
          label={`Quantity of ${line.productName}`}
          invalid={Boolean(problem)}
          describedBy={errorId}
        />
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => remove(line.productId)}
          aria-label={`Remove ${line.productName} from the cart`}
          data-testid="remove-from-cart"
        >
          Remove
        </button>
      </div>
      <LineError
        id={errorId}
        problem={problem}
        onReduce={(quantity) => setQuantity(line.productId, quantity)}
        onRemove={() => remove(line.productId)}
      />
    </li>
  );
}
