/**
 * The shapes the API sends and accepts, named as the UI speaks of them. Every shape is taken from
 * `docs/openapi.yaml` through `generated/openapi.ts`, which `npm run gen:api` writes before each type check and
 * build: a change to the API's description changes these types, and a screen that no longer fits fails to compile.
 */
import type { components, operations } from './generated/openapi';

type Schemas = components['schemas'];

/** The query parameters of a list operation as a filter form holds them: `''` is "any" and is not sent. */
type Filter<Operation extends { parameters: { query?: object } }> = {
  [K in Exclude<keyof NonNullable<Operation['parameters']['query']>, 'limit' | 'nextToken'>]?:
    | NonNullable<Operation['parameters']['query']>[K]
    | '';
};

/** Every value of a string union once, checked by the compiler: a value the API adds and the list lacks fails it. */
function everyValueOf<T extends string>() {
  return <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : never)): readonly T[] =>
    values;
}

export type Role = Schemas['Role'];

export const ROLES = everyValueOf<Role>()(['Customer', 'Vendor', 'Manager', 'Admin', 'DeliveryAgent']);

/** An ISO-8601 instant or date-time with offset, as the API writes every moment. */
export type Timestamp = string;

/** One page of a list; `nextToken` asks for the next one and is absent on the last. */
export type Page<T> = Omit<Schemas['ProductList'], 'items'> & { items: T[] };

export type FieldError = Schemas['FieldError'];
export type ErrorBody = Schemas['Error'];
export type MessageResponse = Schemas['Message'];

export type SessionUser = Schemas['SignedInUser'];
export type LoginResponse = Schemas['Session'];
export type RefreshResponse = Schemas['Tokens'];
export type RegisterRequest = Schemas['RegisterRequest'];
export type RegisterResponse = Schemas['Registration'];

export type Address = Schemas['Address'];
export type AddressInput = Schemas['AddressInput'];

export type UserProfile = Schemas['User'];
export type ProfileUpdate = Schemas['ProfileUpdate'];

/** A user as the admin list shows it. */
export type AdminUser = Schemas['AdminUser'];

export type Notification = Schemas['Notification'];
/** A message in the development mailbox: a notification with its recipient. */
export type MailboxItem = Schemas['MailboxMessage'];

export type CategoryId = Schemas['CategoryId'];
export type Category = Schemas['Category'];

/** A product as the shop lists it. */
export type Product = Schemas['Product'];
/** A product as its dairy and the back office see it: with stock on hand and reserved. */
export type ProductWithStock = Schemas['ProductWithStock'];
export type ProductQuery = Filter<operations['ListProducts']>;
export type ProductInput = Schemas['ProductInput'];
export type ProductUpdate = Schemas['ProductUpdate'];
export type StockLevel = Schemas['StockLevel'];

export type VendorStatus = Schemas['VendorStatus'];

export const VENDOR_STATUSES = everyValueOf<VendorStatus>()(['Pending', 'Approved', 'Disabled']);

/** A dairy as customers see it. */
export type Vendor = Schemas['Vendor'];
/** A dairy as its owner and the back office see it: with its owner and dates. */
export type VendorBackOffice = Schemas['VendorBackOffice'];
export type VendorProfileInput = Schemas['VendorInput'];

export type OrderStatus = Schemas['OrderStatus'];

export const ORDER_STATUSES = everyValueOf<OrderStatus>()([
  'PaymentPending',
  'Pending',
  'Confirmed',
  'Processing',
  'OutForDelivery',
  'Delivered',
  'Cancelled',
  'Failed',
]);

export type PaymentMethod = Schemas['PaymentMethod'];

export type OrderItemInput = Schemas['OrderRequestItem'];
/** The body of `POST /orders` and `POST /orders/quote`. */
export type OrderRequest = Schemas['OrderRequest'];

export type OrderItem = Schemas['OrderLine'];
export type PriceBreakdown = Schemas['PriceBreakdown'];
export type OrderQuote = Schemas['Quote'];
/** What a quote and an order share: the lines and what they cost (an order has every field of a quote). */
export type PricedOrder = OrderQuote;
export type DeliveryAddress = Schemas['DeliveryAddress'];

/**
 * One step of an order's history. `what` is one of `Placed`, `VendorsNotified`, `Confirmed`, `CustomerNotified`,
 * `VendorAccepted`, `VendorRejected`, `Cancelled`, `Failed`, or a newer one the UI spells out from its name.
 */
export type OrderTimelineEntry = Schemas['OrderEvent'];
/** Who made a timeline entry happen; `workflow` and `system` are MilkRun itself. */
export type TimelineActorKind = OrderTimelineEntry['byKind'];

/** A dairy's answer to an order that contains its products. */
export type VendorDecision = Schemas['VendorDecision'];
export type VendorDecisionValue = VendorDecision['decision'];

/** An order as lists show it. */
export type Order = Schemas['Order'];
/** The answer of `POST /orders`: the order and a sentence for the customer. */
export type PlacedOrder = Schemas['PlacedOrder'];
/** The answer of `GET /orders/{orderId}`: the order with its timeline and the dairies' decisions. */
export type OrderDetails = Schemas['OrderDetails'];

/** One line of `InsufficientStock`'s `unavailableItems`. */
export type UnavailableItem = Schemas['UnavailableItem'];

/** One product of one order, as a dairy sees it in `GET /vendor/orders`. */
export type VendorOrderLine = Schemas['VendorOrderLine'];
/** The answer of `POST /vendor/orders/{orderId}/accept` and `/reject`. */
export type VendorDecisionResult = Schemas['VendorDecisionResult'];

export type VendorOrderFilter = Filter<operations['ListVendorOrders']>;
export type AdminOrderFilter = Filter<operations['ListAllOrders']>;

export type WorkflowRunStatus = Schemas['WorkflowRunStatus'];

export const WORKFLOW_RUN_STATUSES = everyValueOf<WorkflowRunStatus>()(['Running', 'Succeeded', 'Failed', 'Aborted']);

/** One run of a background workflow (such as the one that confirms an order), as `GET /admin/workflow/runs` lists it. */
export type WorkflowRun = Schemas['WorkflowRun'];

/** The event types the engine writes today; the API leaves `type` open, so a newer one is shown as it is. */
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

export type WorkflowRunEvent = Schemas['RunEvent'];
export type WorkflowRunDetail = Schemas['WorkflowRunDetails'];
export type WorkflowRunFilter = Filter<operations['ListWorkflowRuns']>;

export type EmailStatus = Schemas['EmailStatus'];

export const EMAIL_STATUSES = everyValueOf<EmailStatus>()(['Dead', 'Pending', 'Sent']);

/** One email on its way out; `Dead` ones ran out of attempts and wait for an admin to retry them. */
export type OutboundEmail = Schemas['OutboundEmail'];
