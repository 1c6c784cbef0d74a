import { apiList, apiRequest } from './client';
import type { AdminOrderFilter, AdminUser, Order, ProductWithStock, Role, VendorBackOffice, VendorStatus } from './types';

const auth = true;

function userPath(userId: string, action: string): string {
  return `/admin/users/${encodeURIComponent(userId)}/${action}`;
}

function vendorPath(vendorId: string, action: string): string {
  return `/admin/vendors/${encodeURIComponent(vendorId)}/${action}`;
}

export const adminApi = {
  users: (filter: { q?: string; role?: Role | '' }, nextToken?: string) =>
    apiList<AdminUser>('/admin/users', { query: { ...filter, limit: 20, nextToken }, auth }),
  setRole: (userId: string, role: Role) =>
    apiRequest<AdminUser>(userPath(userId, 'role'), { method: 'PUT', body: { role }, auth }),
  disableUser: (userId: string) =>
    apiRequest<AdminUser>(userPath(userId, 'disable'), { method: 'POST', body: {}, auth }),
  enableUser: (userId: string) =>
    apiRequest<AdminUser>(userPath(userId, 'enable'), { method: 'POST', body: {}, auth }),
  vendors: (status: VendorStatus | '', nextToken?: string, limit = 20) =>
    apiList<VendorBackOffice>('/admin/vendors', { query: { status, limit, nextToken }, auth }),
  approveVendor: (vendorId: string) =>
    apiRequest<VendorBackOffice>(vendorPath(vendorId, 'approve'), { method: 'POST', body: {}, auth }),
  disableVendor: (vendorId: string) =>
    apiRequest<VendorBackOffice>(vendorPath(vendorId, 'disable'), { method: 'POST', body: {}, auth }),
  products: (filter: { vendorId?: string; q?: string }, nextToken?: string) =>
    apiList<ProductWithStock>('/admin/products', { query: { ...filter, limit: 20, nextToken }, auth }),
  orders: (filter: AdminOrderFilter, nextToken?: string) =>
    apiList<Order>('/admin/orders', { query: { ...filter, limit: 20, nextToken }, auth }),
};
