import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/client';
import type { Category, ProductWithStock, StockLevel } from '../../api/types';
import { vendorApi } from '../../api/vendor';
import { categoryName } from '../../lib/categories';
import { formatPrice } from '../../lib/format';
import { StockEditor } from './StockEditor';

interface VendorProductRowProps {
  product: ProductWithStock;
  categories: readonly Category[];
  onChanged: (product: ProductWithStock) => void;
  onStockSaved: (product: ProductWithStock, level: StockLevel) => void;
  onEdit: () => void;
}

export function VendorProductRow({ product, categories, onChanged, onStockSaved, onEdit }: VendorProductRowProps) {
  const [toggling, setToggling] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  const toggleActive = async () => {
    setToggling(true);
    setError(undefined);
    try {
      onChanged(await vendorApi.updateProduct(product.productId, { active: !product.active }));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setToggling(false);
    }
  };

  return (
    <tr data-testid="vendor-product-row" data-product-id={product.productId}>
      <td data-label="Product" className="cell-strong">
        <Link to={`/products/${encodeURIComponent(product.productId)}`}>{product.name}</Link>
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </td>
      <td data-label="Category">{categoryName(categories, product.category)}</td>
      <td data-label="Unit">{product.unit}</td>
      <td data-label="Price" className="cell-number">
        {formatPrice(product.price)}
      </td>
      <td data-label="Stock" className="cell-stock">
        <StockEditor product={product} onSaved={(level) => onStockSaved(product, level)} />
      </td>
      <td data-label="Reserved" className="cell-number">
        {product.reserved ?? 0}
      </td>
      <td data-label="Available" className="cell-number" data-testid="available">
        {product.available ?? 0}
      </td>
      <td data-label="Active">
        <button
          type="button"
          role="switch"
          aria-checked={product.active}
          aria-label={`${product.name} listed in the shop`}
          className={`switch${product.active ? ' switch--on' : ''}`}
          onClick={toggleActive}
          disabled={toggling}
          data-testid="active-toggle"
        >
          <span className="switch__thumb" aria-hidden="true" />
          <span className="switch__text">{product.active ? 'Active' : 'Hidden'}</span>
        </button>
      </td>
      <td data-label="">
        <button type="button" className="button button--small button--ghost" onClick={onEdit}>
          Edit
        </button>
      </td>
    </tr>
  );
}
