import { Link, useParams } from 'react-router-dom';
import { catalogApi } from '../../api/catalog';
import { isApiError } from '../../api/client';
import { AddToCart } from '../../components/AddToCart';
import { Badge } from '../../components/Badge';
import { ProductImage } from '../../components/ProductImage';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { LOW_STOCK_THRESHOLD, StockBadge, isOutOfStock } from '../../components/StockBadge';
import { useAsync } from '../../hooks/useAsync';
import { useCategories } from '../../hooks/useCategories';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { categoryName } from '../../lib/categories';
import { formatPrice } from '../../lib/format';
import type { Product } from '../../api/types';
import { VendorPanel } from './VendorPanel';

function Availability({ product }: { product: Product }) {
  if (isOutOfStock(product)) {
    return <p className="availability availability--out">Out of stock for tomorrow. Check back later.</p>;
  }
  const available = product.available;
  const plenty = typeof available !== 'number' || available > LOW_STOCK_THRESHOLD;
  return (
    <p className="availability availability--in">
      {plenty ? 'In stock' : 'Selling fast'}
      {typeof available === 'number' && <span className="muted"> · {available} available</span>}
    </p>
  );
}

export function ProductPage() {
  const { productId = '' } = useParams();
  const categories = useCategories();
  const product = useAsync(() => catalogApi.product(productId), [productId]);
  const data = product.data;
  useDocumentTitle(data?.name ?? 'Product');

  if (product.loading) return <Spinner label="Loading product…" />;

  if (product.error || !data) {
    if (isApiError(product.error, 'NotFound')) {
      return (
        <EmptyState title="We could not find that product">
          <p>It may have been removed or is no longer sold.</p>
          <Link className="button" to="/">
            Back to the shop
          </Link>
        </EmptyState>
      );
    }
    return <ErrorState error={product.error} title="We could not load this product" onRetry={product.reload} />;
  }

  const category = categoryName(categories, data.category);

  return (
    <article className="product-detail" data-product-id={data.productId}>
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Shop</Link>
        <span aria-hidden="true">/</span>
        <Link to={`/?category=${encodeURIComponent(data.category)}`}>{category}</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{data.name}</span>
      </nav>

      <div className="product-detail__grid">
        <div className="product-detail__media">
          <ProductImage className="product-detail__image" imageUrl={data.imageUrl} category={data.category} alt={data.name} eager />
        </div>

        <div className="product-detail__info">
          <div className="product-detail__tags">
            <Badge tone="info">{category}</Badge>
            <StockBadge product={data} />
          </div>
          <h1 className="product-detail__name">{data.name}</h1>
          <p className="product-detail__unit">{data.unit}</p>
          <p className="product-detail__price price price--large">{formatPrice(data.price)}</p>
          <Availability product={data} />
          <AddToCart product={data} />
          <p className="delivery-note">Delivered fresh tomorrow morning.</p>
          {data.description && (
            <section className="product-detail__description">
              <h2 className="section-title">About this product</h2>
              <p>{data.description}</p>
            </section>
          )}
          <VendorPanel vendorId={data.vendorId} vendorName={data.vendorName} />
        </div>
      </div>
    </article>
  );
}
