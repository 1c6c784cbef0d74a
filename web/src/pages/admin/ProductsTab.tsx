import { useState } from 'react';
import { Link } from 'react-router-dom';
import { adminApi } from '../../api/admin';
import { Badge } from '../../components/Badge';
import { SelectField, TextField } from '../../components/Field';
import { EmptyState } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { useCategories } from '../../hooks/useCategories';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { usePagedList } from '../../hooks/usePagedList';
import { categoryName } from '../../lib/categories';
import { formatPrice } from '../../lib/format';
import { AdminTable } from './AdminTable';

export function ProductsTab() {
  const categories = useCategories();
  const [vendorId, setVendorId] = useState('');
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 350);
  const vendors = useAsync(() => adminApi.vendors('', undefined, 100), []);
  const products = usePagedList((nextToken) => adminApi.products({ vendorId, q: query }, nextToken), [vendorId, query]);
  const vendorNames = new Map((vendors.data?.items ?? []).map((vendor) => [vendor.vendorId, vendor.name]));

  return (
    <div className="admin-section">
      <form className="filters filters--inline" role="search" aria-label="Find products" onSubmit={(event) => event.preventDefault()}>
        <TextField label="Search products" name="q" type="search" value={q} onValue={setQ} placeholder="Product name" autoComplete="off" />
        <SelectField
          label="Dairy"
          name="vendorId"
          value={vendorId}
          onValue={setVendorId}
          hint={vendors.error ? 'Could not load the dairies list.' : undefined}
        >
          <option value="">All dairies</option>
          {(vendors.data?.items ?? []).map((vendor) => (
            <option key={vendor.vendorId} value={vendor.vendorId}>
              {vendor.name} ({vendor.status})
            </option>
          ))}
        </SelectField>
      </form>

      <AdminTable
        list={products}
        noun="products"
        empty={<EmptyState title="No products match" />}
        columns={['Product', 'Dairy', 'Category', 'Unit', 'Price', 'Stock', 'Reserved', 'Available', 'Listed']}
        row={(product) => (
          <tr key={product.productId} data-testid="admin-product-row" data-product-id={product.productId}>
            <td data-label="Product" className="cell-strong">
              <Link to={`/products/${encodeURIComponent(product.productId)}`}>{product.name}</Link>
            </td>
            <td data-label="Dairy">{product.vendorName ?? vendorNames.get(product.vendorId) ?? product.vendorId}</td>
            <td data-label="Category">{categoryName(categories, product.category)}</td>
            <td data-label="Unit">{product.unit}</td>
            <td data-label="Price" className="cell-number">
              {formatPrice(product.price)}
            </td>
            <td data-label="Stock" className="cell-number">
              {product.stock ?? '—'}
            </td>
            <td data-label="Reserved" className="cell-number">
              {product.reserved ?? '—'}
            </td>
            <td data-label="Available" className="cell-number">
              {product.available ?? '—'}
            </td>
            <td data-label="Listed">{product.active ? <Badge tone="success">Active</Badge> : <Badge>Hidden</Badge>}</td>
          </tr>
        )}
      />
    </div>
  );
}
