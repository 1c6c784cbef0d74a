import { apiList, apiRequest } from './client';
import type { Address, AddressInput, Notification, ProfileUpdate, UserProfile } from './types';

const auth = true;

export const usersApi = {
  me: () => apiRequest<UserProfile>('/users/me', { auth }),
  updateMe: (body: ProfileUpdate) => apiRequest<UserProfile>('/users/me', { method: 'PUT', body, auth }),
  addresses: (nextToken?: string) =>
    apiList<Address>('/users/me/addresses', { query: { limit: 50, nextToken }, auth }),
  addAddress: (body: AddressInput) =>
    apiRequest<Address>('/users/me/addresses', { method: 'POST', body, auth }),
  updateAddress: (addressId: string, body: AddressInput) =>
    apiRequest<Address>(`/users/me/addresses/${encodeURIComponent(addressId)}`, {
      method: 'PUT',
      body,
      auth,
    }),
  deleteAddress: (addressId: string) =>
    apiRequest<void>(`/users/me/addresses/${encodeURIComponent(addressId)}`, {
      method: 'DELETE',
      auth,
    }),
  notifications: (nextToken?: string) =>
    apiList<Notification>('/users/me/notifications', {
      query: { limit: 20, nextToken },
      auth,
    }),
};
