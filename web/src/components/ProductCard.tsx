import { Link } from 'react-router-dom';
import type { Product } from '../api/types';
import { formatPrice } from '../lib/format';
import { AddToCart } from './AddToCart';
import { ProductImage } from './ProductImage';
import { StockBadge, isOutOfStock } from './StockBadge';

export function ProductCard({ product }: { product: Product }) {
  const soldOut = isOutOfStock(product);
  return (
    <article
      className={`product-card${soldOut ? ' product-card--sold-out' : ''}`}
      data-testid="product-card"
      data-product-id={product.productId}
    >
      <Link className="product-card__link" to={`/products/${encodeURIComponent(product.productId)}`}>
        <div className="product-card__media">
          <ProductImage className="product-card__image" imageUrl={product.imageUrl} category={product.category} alt="" />
          <div className="product-card__badge">
            <StockBadge product={product} />
          </div>
        </div>
        <div className="product-card__body">
          <h3 className="product-card__name" data-testid="product-name">
            {product.name}
          </h3>
          <p className="product-card__unit">{product.unit}</p>
          {product.vendorName && <p className="product-card__vendor">{product.vendorName}</p>}
          <p className="product-card__footer">
            <span className="price">{formatPrice(product.price)}</span>
          </p>
        </div>
      </Link>
      <div className="product-card__actions">
        <AddToCart product={product} compact />
      </div>
    </article>
  );
}
