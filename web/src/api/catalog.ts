import { apiList, apiRequest } from './client';
import type { Category, Product, ProductQuery, Vendor } from './types';

export const catalogApi = {
  products: (query: ProductQuery, nextToken?: string) =>
    apiList<Product>('/products', { query: { ...query, limit: 24, nextToken } }),
  product: (productId: string) => apiRequest<Product>(`/products/${encodeURIComponent(productId)}`),
  categories: () => apiList<Category>('/categories'),
  vendors: (pincode?: string, nextToken?: string) =>
    apiList<Vendor>('/vendors', { query: { pincode, limit: 100, nextToken } }),
  vendor: (vendorId: string) => apiRequest<Vendor>(`/vendors/${encodeURIComponent(vendorId)}`),
};
