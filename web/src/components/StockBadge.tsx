import type { Product } from '../api/types';
import { Badge } from './Badge';

export const LOW_STOCK_THRESHOLD = 5;

export function isOutOfStock(product: Pick<Product, 'available' | 'inStock'>): boolean {
  if (product.inStock === false) return true;
  return typeof product.available === 'number' && product.available <= 0;
}

export function StockBadge({ product }: { product: Pick<Product, 'available' | 'inStock'> }) {
  if (isOutOfStock(product)) return <Badge tone="danger">Out of stock</Badge>;
  const available = product.available;
  if (typeof available === 'number' && available <= LOW_STOCK_THRESHOLD) {
    return <Badge tone="warning">Only {available} left</Badge>;
  }
  return null;
}
