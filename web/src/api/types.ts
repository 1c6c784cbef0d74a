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
  /** Absent when the refresh token was asked for in the HttpOnly cookie (as the web UI does). */
  refreshToken?: string;
  expiresIn: number;
  tokenType: string;
  user: SessionUser;
}

export interface RefreshResponse {
  accessToken: string;
  idToken: string;
  /** Absent when the refresh token came from, and went back to, the HttpOnly cookie. */
  refreshToken?: string;
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
  /** Points worth ₹1 each at checkout; not in every answer, so absent means none. */
  loyaltyPoints?: number | null;
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

export type OrderStatus =
  | 'PaymentPending'
  | 'Pending'
  | 'Confirmed'
  | 'Processing'
  | 'OutForDelivery'
  | 'Delivered'
  | 'Cancelled'
  | 'Failed';

export const ORDER_STATUSES: readonly OrderStatus[] = [
  'PaymentPending',
  'Pending',
  'Confirmed',
  'Processing',
  'OutForDelivery',
  'Delivered',
  'Cancelled',
  'Failed',
];

export type PaymentMethod = 'CashOnDelivery';

export interface OrderItemInput {
  productId: string;
  vendorId: string;
  quantity: number;
}

/** The body of `POST /orders` and `POST /orders/quote`. */
export interface OrderRequest {
  items: OrderItemInput[];
  deliveryDate: string;
  addressId: string;
  paymentMethod?: PaymentMethod;
  redeemPoints?: boolean;
}

export interface OrderItem {
  productId: string;
  vendorId: string;
  vendorName?: string | null;
  productName: string;
  unit?: string | null;
  quantity: number;
  unitPrice: number;
  totalPrice: number;
}

export interface PriceBreakdown {
  itemsTotal?: number | null;
  taxBreakdown?: { cgst: number; sgst: number } | null;
  deliveryDetails?: { baseCharge: number; multiVendorSurcharge: number } | null;
  discountDetails?: { firstOrder: number; loyaltyPoints: number } | null;
}

/** What a quote and an order share: the lines and what they cost. */
export interface PricedOrder {
  items: OrderItem[];
  subtotal: number;
  tax: number;
  deliveryCharge: number;
  discount: number;
  totalAmount: number;
  breakdown?: PriceBreakdown | null;
  deliveryDate: string;
  estimatedDelivery?: string | null;
}

export type OrderQuote = PricedOrder;

export interface DeliveryAddress {
  addressId?: string;
  label?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  state: string;
  zipCode: string;
}

/** Who made a timeline entry happen; `workflow` and `system` are MilkRun itself. */
export type TimelineActorKind = 'customer' | 'vendor' | 'manager' | 'admin' | 'workflow' | 'system';

/**
 * One step of an order's history. `what` is one of `Placed`, `VendorsNotified`, `Confirmed`, `CustomerNotified`,
 * `VendorAccepted`, `VendorRejected`, `Cancelled`, `Failed`, or a newer one the UI spells out from its name.
 */
export interface OrderTimelineEntry {
  seq: number;
  what: string;
  /** The order's status after this step. */
  status: string;
  byKind: TimelineActorKind;
  by: string;
  note: string;
  at: Timestamp;
}

export type VendorDecisionValue = 'Accepted' | 'Rejected';

/** A dairy's answer to an order that contains its products. */
export interface VendorDecision {
  vendorId: string;
  vendorName: string;
  decision: VendorDecisionValue;
  reason: string;
  at: Timestamp;
}

export interface Order extends PricedOrder {
  orderId: string;
  userId?: string;
  status: OrderStatus;
  deliveryAddress?: DeliveryAddress | null;
  paymentMethod?: string | null;
  canCancel?: boolean;
  cancelBefore?: string | null;
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
  message?: string;
  /** What happened to the order, oldest first; only in `GET /orders/{orderId}`. */
  timeline?: OrderTimelineEntry[] | null;
  vendorDecisions?: VendorDecision[] | null;
  /** Why a `Failed` order failed, such as a dairy's reason for rejecting it. */
  failureReason?: string | null;
}

/** One line of `InsufficientStock`'s `unavailableItems`. */
export interface UnavailableItem {
  productId: string;
  vendorId?: string;
  productName?: string;
  availableQuantity: number;
  requestedQuantity?: number;
}

/** One product of one order, as a dairy sees it in `GET /vendor/orders`. */
export interface VendorOrderLine {
  orderId: string;
  productId: string;
  productName: string;
  unit?: string | null;
  quantity: number;
  unitPrice?: number | null;
  totalPrice: number;
  status: OrderStatus;
  deliveryDate: string;
  city?: string | null;
  zipCode?: string | null;
  createdAt?: Timestamp;
  /** The dairy's answer to the whole order; null until it accepts or rejects. */
  decision?: VendorDecisionValue | null;
}

/** The answer of `POST /vendor/orders/{orderId}/accept` and `/reject`. */
export interface VendorDecisionResult {
  orderId: string;
  vendorId: string;
  decision: VendorDecisionValue;
  reason: string;
  at: Timestamp;
  orderStatus: OrderStatus;
}

export interface VendorOrderFilter {
  deliveryDate?: string;
  status?: OrderStatus | '';
}

export interface AdminOrderFilter extends VendorOrderFilter {
  vendorId?: string;
  pincode?: string;
}

export type WorkflowRunStatus = 'Running' | 'Succeeded' | 'Failed' | 'Aborted';

export const WORKFLOW_RUN_STATUSES: readonly WorkflowRunStatus[] = ['Running', 'Succeeded', 'Failed', 'Aborted'];

/** One run of a background workflow (such as the one that confirms an order), as `GET /admin/workflow/runs` lists it. */
export interface WorkflowRun {
  runId: string;
  workflow: string;
  orderId?: string | null;
  status: WorkflowRunStatus;
  currentState?: string | null;
  attempt: number;
  nextAttemptAt?: Timestamp | null;
  error?: string | null;
  cause?: string | null;
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
  /** Whether `POST /admin/workflow/runs/{runId}/retry` would start it again. */
  retryable: boolean;
}

export type WorkflowEventType =
  | 'RunStarted'
  | 'StateEntered'
  | 'TaskSucceeded'
  | 'TaskFailed'
  | 'RetryScheduled'
  | 'ErrorCaught'
  | 'WaitStarted'
  | 'RunSucceeded'
  | 'RunFailed'
  | 'RunAborted'
  | 'RunRedriven';

export interface WorkflowRunEvent {
  seq: number;
  /** A {@link WorkflowEventType}, or a newer type, shown as it is. */
  type: string;
  state?: string | null;
  detail: Record<string, unknown> | null;
  at: Timestamp;
}

export interface WorkflowRunDetail extends WorkflowRun {
  events: WorkflowRunEvent[];
}

export interface WorkflowRunFilter {
  status?: WorkflowRunStatus | '';
  orderId?: string;
}

export type EmailDeliveryStatus = 'Dead' | 'Pending' | 'Sent';

export const EMAIL_DELIVERY_STATUSES: readonly EmailDeliveryStatus[] = ['Dead', 'Pending', 'Sent'];

/** One email on its way out; `Dead` ones ran out of attempts and wait for an admin to retry them. */
export interface EmailDelivery {
  notificationId: string;
  userId?: string | null;
  to: string;
  subject: string;
  status: EmailDeliveryStatus;
  attempts: number;
  nextAttemptAt?: Timestamp | null;
  lastError?: string | null;
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
}
