import { useState } from 'react';
import type { ProductWithStock, StockLevel } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { LoadMore } from '../../components/LoadMore';
import { EmptyState, ErrorState, Spinner } from '../../components/States';
import { useToast } from '../../components/toastContext';
import { useCategories } from '../../hooks/useCategories';
import { usePagedList } from '../../hooks/usePagedList';
import { VendorProductForm } from './VendorProductForm';
import { VendorProductRow } from './VendorProductRow';

const COLUMNS = ['Product', 'Category', 'Unit', 'Price', 'Stock', 'Reserved', 'Available', 'Active', ''];

export function VendorProductsSection() {
  const { notify } = useToast();
  const categories = useCategories();
  const products = usePagedList((nextToken) => vendorApi.products(nextToken), []);
  const [editing, setEditing] = useState<ProductWithStock | null>(null);
  const [formKey, setFormKey] = useState(0);
  const sameProduct = (id: string) => (item: ProductWithStock) => item.productId === id;

  const onSaved = (saved: ProductWithStock) => {
    if (editing) {
      products.replaceItem(sameProduct(saved.productId), { ...editing, ...saved });
      notify(`Saved ${saved.name}.`);
    } else {
      products.prependItem(saved);
      notify(`Added ${saved.name}.`);
    }
    setEditing(null);
    setFormKey((key) => key + 1);
  };

  const onStockSaved = (product: ProductWithStock, level: StockLevel) => {
    products.replaceItem(sameProduct(product.productId), { ...product, ...level });
    notify(`Stock for ${product.name} is now ${level.stock}.`);
  };

  const onEdit = (product: ProductWithStock) => {
    setEditing(product);
    setFormKey((key) => key + 1);
    window.requestAnimationFrame(() => document.getElementById('vendor-product-editor')?.scrollIntoView({ behavior: 'smooth' }));
  };

  return (
    <div className="vendor-products">
      <section className="panel" id="vendor-product-editor" aria-label={editing ? 'Edit product' : 'Add product'}>
        <VendorProductForm
          key={formKey}
          categories={categories}
          product={editing ?? undefined}
          onSaved={onSaved}
          onCancel={
            editing
              ? () => {
                  setEditing(null);
                  setFormKey((key) => key + 1);
                }
              : undefined
          }
        />
      </section>

      <section className="panel" aria-labelledby="vendor-products-title">
        <div className="panel__head">
          <h2 id="vendor-products-title" className="section-title">
            Your products
          </h2>
          <button type="button" className="button button--ghost button--small" onClick={products.reload}>
            Refresh
          </button>
        </div>
        {products.loading ? (
          <Spinner label="Loading your products…" />
        ) : products.error ? (
          <ErrorState error={products.error} title="We could not load your products" onRetry={products.reload} />
        ) : products.items.length === 0 ? (
          <EmptyState title="No products yet">
            <p>Add your first product with the form above.</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table--cards">
              <thead>
                <tr>
                  {COLUMNS.map((column, index) => (
                    <th key={column || index} scope="col">
                      {column || <span className="visually-hidden">Actions</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {products.items.map((product) => (
                  <VendorProductRow
                    key={product.productId}
                    product={product}
                    categories={categories}
                    onChanged={(saved) => products.replaceItem(sameProduct(saved.productId), { ...product, ...saved })}
                    onStockSaved={onStockSaved}
                    onEdit={() => onEdit(product)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore hasMore={products.hasMore} loading={products.loadingMore} error={products.loadMoreError} onLoadMore={products.loadMore} />
      </section>
    </div>
  );
}
