import { useState } from 'react';
import { catalogApi } from '../../api/catalog';
import { ProductCard } from '../../components/ProductCard';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { LoadMore } from '../../components/LoadMore';
import { useCategories } from '../../hooks/useCategories';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { usePagedList } from '../../hooks/usePagedList';
import { isPincode } from '../../lib/validation';
import { CategoryChips } from './CategoryChips';
import { ShopFilters } from './ShopFilters';
import { useShopFilters } from './useShopFilters';

export function ShopPage() {
  useDocumentTitle('');
  const categories = useCategories();
  const { filters, setFilter, clearFilters, active } = useShopFilters();
  const [filtersKey, setFiltersKey] = useState(0);
  const { q, category, vendorId } = filters;
  const pincode = isPincode(filters.pincode) ? filters.pincode : '';

  const products = usePagedList(
    (nextToken) => catalogApi.products({ q, category, vendorId, pincode }, nextToken),
    [q, category, vendorId, pincode],
  );

  const onClear = () => {
    clearFilters();
    setFiltersKey((key) => key + 1);
  };

  return (
    <div className="shop">
      <section className="hero">
        <div className="hero__text">
          <h1 className="hero__title">Fresh dairy at your door, tomorrow morning</h1>
          <p className="hero__lead">Milk, curd, paneer and more from dairies near you. Order tonight, wake up to it.</p>
        </div>
        <img className="hero__art" src="/images/milk.svg" alt="" width="240" height="180" />
      </section>

      <ShopFilters key={filtersKey} filters={filters} onChange={setFilter} />
      <CategoryChips categories={categories} selected={category} onSelect={(id) => setFilter('category', id)} />

      <section aria-labelledby="results-title" className="results">
        <div className="results__head">
          <h2 id="results-title" className="results__title">
            {category ? categories.find((c) => c.id === category)?.name ?? 'Products' : 'All products'}
          </h2>
          {active && (
            <button type="button" className="button button--ghost button--small" onClick={onClear}>
              Clear filters
            </button>
          )}
        </div>

        {products.loading ? (
          <Spinner label="Loading products…" />
        ) : products.error ? (
          <ErrorState error={products.error} title="We could not load the products" onRetry={products.reload} />
        ) : products.items.length === 0 ? (
          <EmptyState title="No products match" icon={category ? `/images/${category}.svg` : undefined}>
            <p>Try another search, category or pincode.</p>
            {active && (
              <button type="button" className="button" onClick={onClear}>
                Show all products
              </button>
            )}
          </EmptyState>
        ) : (
          <>
            <div className="product-grid">
              {products.items.map((product) => (
                <ProductCard key={product.productId} product={product} />
              ))}
            </div>
            <LoadMore
              hasMore={products.hasMore}
              loading={products.loadingMore}
              error={products.loadMoreError}
              onLoadMore={products.loadMore}
            />
          </>
        )}
      </section>
    </div>
  );
}
