import type { OrderItem, OrderStatus, VendorDecisionValue } from '../api/types';

/** The order statuses a delivery goes through, in order; `Cancelled` and `Failed` leave this path. */
export const ORDER_STEPS: readonly OrderStatus[] = ['Pending', 'Confirmed', 'Processing', 'OutForDelivery', 'Delivered'];

const STATUS_LABELS: Record<string, string> = {
  PaymentPending: 'Awaiting payment',
  OutForDelivery: 'Out for delivery',
};

/** "Out for delivery" for `OutForDelivery`. */
export function orderStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/** The last 8 characters of an order id, which stay distinct whether ids start with a time or not. */
export function shortOrderId(orderId: string): string {
  const bare = orderId.replace(/^order[-_]/i, '');
  return `#${bare.slice(-8).toUpperCase()}`;
}

/** Units across the lines: 2 × milk and 1 × curd make 3 items. */
export function itemCount(items: readonly Pick<OrderItem, 'quantity'>[] | null | undefined): number {
  return (items ?? []).reduce((sum, item) => sum + (Number.isFinite(item.quantity) ? item.quantity : 0), 0);
}

export function pluralItems(count: number): string {
  return `${count} ${count === 1 ? 'item' : 'items'}`;
}

/** A dairy can accept or reject an order until it is out for delivery, delivered, cancelled or failed. */
const DECIDABLE_STATUSES: readonly OrderStatus[] = ['Pending', 'Confirmed', 'Processing'];

export function canDecide(status: OrderStatus, decision: VendorDecisionValue | null | undefined): boolean {
  return !decision && DECIDABLE_STATUSES.includes(status);
}

/** The most characters a dairy's reason for rejecting an order may have. */
export const REJECT_REASON_MAX = 500;
