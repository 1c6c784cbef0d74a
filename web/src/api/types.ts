export type Role = 'Customer' | 'Vendor' | 'Manager' | 'Admin' | 'DeliveryAgent';

export const ROLES: readonly Role[] = ['Customer', 'Vendor', 'Manager', 'Admin', 'DeliveryAgent'];

export type Timestamp = string | number;

export interface Page<T> {
  items: T[];
  count: number;
  nextToken?: string | null;
}

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export interface ErrorBody {
  error: string;
  message: string;
  errors?: FieldError[];
}

export interface MessageResponse {
  message: string;
}

export interface SessionUser {
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface LoginResponse {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: string;
  user: SessionUser;
}

export interface RefreshResponse {
  accessToken: string;
  idToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: string;
}

export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
  phone?: string;
}

export interface RegisterResponse {
  userId: string;
  email: string;
  message: string;
  emailVerificationRequired: boolean;
}

export interface Address {
  addressId: string;
  label?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  zipCode: string;
  isDefault: boolean;
}

export type AddressInput = Omit<Address, 'addressId' | 'isDefault'> & { isDefault?: boolean };

export interface UserProfile {
  userId: string;
  email: string;
  name: string;
  phone?: string | null;
  role: Role;
  emailVerified: boolean;
  isProfileComplete: boolean;
  missingFields: string[];
  addresses: Address[];
  vendorId?: string | null;
  createdAt?: Timestamp;
}

export interface ProfileUpdate {
  name?: string;
  phone?: string;
}

/** A user as the admin list shows it; how "disabled" is spelled is tolerated in several forms. */
export interface AdminUser {
  userId: string;
  email: string;
  name: string;
  phone?: string | null;
  role: Role;
  emailVerified?: boolean;
  disabled?: boolean;
  enabled?: boolean;
  status?: string;
  createdAt?: Timestamp;
}

export interface Notification {
  notificationId: string;
  kind: string;
  subject: string;
  body: string;
  createdAt: Timestamp;
}

export interface MailboxItem extends Notification {
  to: string;
}

export interface Category {
  id: string;
  name: string;
}

export interface Product {
  productId: string;
  vendorId: string;
  vendorName?: string | null;
  name: string;
  category: string;
  unit: string;
  price: number;
  description?: string | null;
  imageUrl?: string | null;
  active: boolean;
  available?: number | null;
  inStock?: boolean | null;
  stock?: number | null;
  reserved?: number | null;
}

export interface ProductQuery {
  q?: string;
  category?: string;
  vendorId?: string;
  pincode?: string;
}

export interface ProductInput {
  name: string;
  category: string;
  unit: string;
  price: number | undefined;
  description?: string;
  imageUrl?: string;
  stock?: number;
}

export type ProductUpdate = Partial<Omit<ProductInput, 'stock'>> & { active?: boolean };

export interface StockLevel {
  vendorId: string;
  productId: string;
  stock: number;
  reserved: number;
  available: number;
}

export type VendorStatus = 'Pending' | 'Approved' | 'Disabled';

export const VENDOR_STATUSES: readonly VendorStatus[] = ['Pending', 'Approved', 'Disabled'];

export interface Vendor {
  vendorId: string;
  name: string;
  description?: string | null;
  contactEmail: string;
  contactPhone: string;
  pincodes: string[];
  status: VendorStatus;
  ownerUserId?: string;
}

export interface VendorProfileInput {
  name: string;
  description?: string;
  contactEmail: string;
  contactPhone: string;
  pincodes: string[];
}
