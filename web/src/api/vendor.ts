import { apiList, apiRequest } from './client';
import type {
  Page,
  Product,
  ProductInput,
  ProductUpdate,
  StockLevel,
  Vendor,
  VendorDecisionResult,
  VendorOrderFilter,
  VendorOrderLine,
  VendorProfileInput,
} from './types';
import { toVendorOrderLines } from './vendorOrderLines';

const auth = true;

function productPath(productId: string): string {
  return `/vendor/products/${encodeURIComponent(productId)}`;
}

function orderPath(orderId: string, action: 'accept' | 'reject'): string {
  return `/vendor/orders/${encodeURIComponent(orderId)}/${action}`;
}

export const vendorApi = {
  profile: () => apiRequest<Vendor>('/vendor/profile', { auth }),
  saveProfile: (body: VendorProfileInput) =>
    apiRequest<Vendor>('/vendor/profile', { method: 'PUT', body, auth }),
  products: (nextToken?: string) =>
    apiList<Product>('/vendor/products', { query: { limit: 20, nextToken }, auth }),
  createProduct: (body: ProductInput) =>
    apiRequest<Product>('/vendor/products', { method: 'POST', body, auth }),
  updateProduct: (productId: string, body: ProductUpdate) =>
    apiRequest<Product>(productPath(productId), { method: 'PUT', body, auth }),
  setStock: (productId: string, stock: number) =>
    apiRequest<StockLevel>(`${productPath(productId)}/stock`, { method: 'PUT', body: { stock }, auth }),
  orders: async (filter: VendorOrderFilter, nextToken?: string): Promise<Page<VendorOrderLine>> => {
    const page = await apiList<unknown>('/vendor/orders', { query: { ...filter, limit: 20, nextToken }, auth });
    return { ...page, items: page.items.flatMap(toVendorOrderLines) };
  },
  /** 409 `AlreadyDecided` or `CannotDecide` when the order can no longer be answered. */
  acceptOrder: (orderId: string) =>
    apiRequest<VendorDecisionResult>(orderPath(orderId, 'accept'), { method: 'POST', body: {}, auth }),
  /** Fails the order; `reason` (1–500 characters) is shown to the customer. */
  rejectOrder: (orderId: string, reason: string) =>
    apiRequest<VendorDecisionResult>(orderPath(orderId, 'reject'), { method: 'POST', body: { reason }, auth }),
};
