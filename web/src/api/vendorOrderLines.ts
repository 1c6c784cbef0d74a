import type { OrderStatus, Timestamp, VendorDecisionValue, VendorOrderLine } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function amount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function decision(value: unknown): VendorDecisionValue | null {
  return value === 'Accepted' || value === 'Rejected' ? value : null;
}

function line(order: Json, item: Json): VendorOrderLine {
  const address = isObject(order.deliveryAddress) ? order.deliveryAddress : {};
  const quantity = amount(item.quantity) ?? 0;
  const unitPrice = amount(item.unitPrice);
  return {
    orderId: text(item.orderId) ?? text(order.orderId) ?? '',
    productId: text(item.productId) ?? '',
    productName: text(item.productName) ?? text(item.name) ?? text(item.productId) ?? '',
    unit: text(item.unit),
    quantity,
    unitPrice,
    totalPrice: amount(item.totalPrice) ?? amount(item.lineTotal) ?? (unitPrice ?? 0) * quantity,
    status: (text(item.status) ?? text(order.status) ?? 'Pending') as OrderStatus,
    deliveryDate: text(item.deliveryDate) ?? text(order.deliveryDate) ?? '',
    city: text(item.city) ?? text(order.city) ?? text(address.city),
    zipCode:
      text(item.zipCode) ?? text(item.pincode) ?? text(order.zipCode) ?? text(order.pincode) ?? text(address.zipCode),
    createdAt: (item.createdAt ?? order.createdAt) as Timestamp | undefined,
    decision: decision(item.decision) ?? decision(order.decision),
  };
}

/**
 * `GET /vendor/orders` lists order lines; an entry shaped as an order with `items` is accepted too and gives one line
 * per item. The customer's area may come as `city`/`zipCode` or inside `deliveryAddress`.
 */
export function toVendorOrderLines(entry: unknown): VendorOrderLine[] {
  if (!isObject(entry)) return [];
  if (Array.isArray(entry.items)) return entry.items.filter(isObject).map((item) => line(entry, item));
  return [line(entry, entry)];
}
