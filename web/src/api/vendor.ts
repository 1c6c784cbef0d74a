import { apiList, apiRequest } from './client';
import type {
  ProductInput,
  ProductUpdate,
  ProductWithStock,
  StockLevel,
  VendorBackOffice,
  VendorDecisionResult,
  VendorOrderFilter,
  VendorOrderLine,
  VendorProfileInput,
} from './types';

const auth = true;

function productPath(productId: string): string {
  return `/vendor/products/${encodeURIComponent(productId)}`;
}

function orderPath(orderId: string, action: 'accept' | 'reject'): string {
  return `/vendor/orders/${encodeURIComponent(orderId)}/${action}`;
}

export const vendorApi = {
  profile: () => apiRequest<VendorBackOffice>('/vendor/profile', { auth }),
  saveProfile: (body: VendorProfileInput) =>
    apiRequest<VendorBackOffice>('/vendor/profile', { method: 'PUT', body, auth }),
  products: (nextToken?: string) =>
    apiList<ProductWithStock>('/vendor/products', { query: { limit: 20, nextToken }, auth }),
  /** The form sends what it has and the server names each missing or wrong field, so any field may be absent. */
  createProduct: (body: Partial<ProductInput>) =>
    apiRequest<ProductWithStock>('/vendor/products', { method: 'POST', body, auth }),
  updateProduct: (productId: string, body: ProductUpdate) =>
    apiRequest<ProductWithStock>(productPath(productId), { method: 'PUT', body, auth }),
  setStock: (productId: string, stock: number) =>
    apiRequest<StockLevel>(`${productPath(productId)}/stock`, { method: 'PUT', body: { stock }, auth }),
  orders: (filter: VendorOrderFilter, nextToken?: string) =>
    apiList<VendorOrderLine>('/vendor/orders', { query: { ...filter, limit: 20, nextToken }, auth }),
  /** 409 `AlreadyDecided` or `CannotDecide` when the order can no longer be answered. */
  acceptOrder: (orderId: string) =>
    apiRequest<VendorDecisionResult>(orderPath(orderId, 'accept'), { method: 'POST', body: {}, auth }),
  /** Fails the order; `reason` (1–500 characters) is shown to the customer. */
  rejectOrder: (orderId: string, reason: string) =>
    apiRequest<VendorDecisionResult>(orderPath(orderId, 'reject'), { method: 'POST', body: { reason }, auth }),
};
