import { errorMessage, isApiError, type ApiError } from '../../api/client';
import type { OrderItemInput, UnavailableItem } from '../../api/types';
import { formatPrice } from '../../lib/format';
import { roundRupees } from '../../lib/money';
import { missingFieldLabel } from '../../lib/profile';
import type { LineProblem } from '../cart/LineError';

export type CheckoutField = 'addressId' | 'deliveryDate' | 'paymentMethod' | 'redeemPoints';

const CHECKOUT_FIELDS: readonly string[] = ['addressId', 'deliveryDate', 'paymentMethod', 'redeemPoints'];

/** An order error taken apart for the checkout page: what goes beside which field or cart line. */
export interface OrderProblem {
  error: string;
  message: string;
  /** Problems with no field or line to show them beside. */
  details: string[];
  fields: Partial<Record<CheckoutField, string>>;
  /** By productId. */
  lines: Record<string, LineProblem>;
  /** `ProfileIncomplete`: what the profile still needs (`phone`, `email`, `address`). */
  missingFields: string[];
  /** The placing may have reached the server; trying again with the same key is safe. */
  retryable: boolean;
}

function emptyProblem(error: string, message: string): OrderProblem {
  return { error, message, details: [], fields: {}, lines: {}, missingFields: [], retryable: false };
}

/** `items[2].quantity` and `items.2.quantity` name the third line of the body sent. */
const ITEM_FIELD = /^items(?:\[(\d+)\]|\.(\d+))/;

function addLineProblem(problem: OrderProblem, productId: string, message: string, extra: Partial<LineProblem> = {}): void {
  const existing = problem.lines[productId];
  problem.lines[productId] = existing
    ? { ...existing, ...extra, message: `${existing.message} ${message}` }
    : { message, ...extra };
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function unavailableItems(error: ApiError): UnavailableItem[] {
  const listed = error.body.unavailableItems;
  return Array.isArray(listed) ? (listed as UnavailableItem[]) : [];
}

function fieldErrors(problem: OrderProblem, error: ApiError, items: readonly OrderItemInput[]): void {
  for (const item of error.fieldErrors) {
    const field = item.field ?? '';
    const line = ITEM_FIELD.exec(field);
    const productId = line ? items[Number(line[1] ?? line[2])]?.productId : undefined;
    if (productId) {
      addLineProblem(problem, productId, item.message);
    } else if (CHECKOUT_FIELDS.includes(field)) {
      const key = field as CheckoutField;
      problem.fields[key] = problem.fields[key] ? `${problem.fields[key]} ${item.message}` : item.message;
    } else {
      problem.details.push(item.message);
    }
  }
}

function insufficientStock(problem: OrderProblem, error: ApiError, items: readonly OrderItemInput[]): void {
  for (const item of unavailableItems(error)) {
    const available = Math.max(0, Math.floor(number(item.availableQuantity) ?? 0));
    const inCart = items.some((line) => line.productId === item.productId);
    if (!inCart) {
      problem.details.push(`${item.productName ?? item.productId}: only ${available} left.`);
    } else if (available > 0) {
      addLineProblem(problem, item.productId, `Only ${available} left.`, { reduceTo: available });
    } else {
      addLineProblem(problem, item.productId, 'Only 0 left: sold out for now.', { removable: true });
    }
  }
}

function minimumOrder(problem: OrderProblem, error: ApiError): void {
  const minimum = number(error.body.minimumRequired) ?? 100;
  const current = number(error.body.currentTotal);
  if (current === undefined) return;
  problem.message = `Add ${formatPrice(roundRupees(minimum - current))} more (minimum ${formatPrice(minimum)}).`;
}

function productNotFound(problem: OrderProblem, error: ApiError, items: readonly OrderItemInput[]): void {
  const productId = text(error.body.productId);
  if (productId && items.some((line) => line.productId === productId)) {
    addLineProblem(problem, productId, 'No longer available.', { removable: true });
  } else {
    problem.details.push('One of the products is no longer available.');
  }
}

function profileIncomplete(problem: OrderProblem, error: ApiError): void {
  const missing = error.body.missingFields;
  problem.missingFields = Array.isArray(missing) ? missing.filter((field): field is string => typeof field === 'string') : [];
  problem.details.push(...problem.missingFields.map((field) => `Add ${missingFieldLabel(field)}.`));
}

/**
 * Reads an error of `POST /orders` or `POST /orders/quote`. `items` is the body that was sent: `items[i]` in a field
 * path means the line at that index of it, whatever the cart looks like now.
 */
export function describeOrderError(error: unknown, items: readonly OrderItemInput[]): OrderProblem {
  if (!isApiError(error)) return { ...emptyProblem('Error', errorMessage(error)), retryable: true };
  const problem = emptyProblem(error.error, errorMessage(error));
  fieldErrors(problem, error, items);

  switch (error.error) {
    case 'InsufficientStock':
      insufficientStock(problem, error, items);
      break;
    case 'MinimumOrderValue':
      minimumOrder(problem, error);
      break;
    case 'ProductNotFound':
      productNotFound(problem, error, items);
      break;
    case 'ProfileIncomplete':
      profileIncomplete(problem, error);
      break;
    case 'NotFound':
      problem.fields.addressId = problem.message;
      break;
  }
  problem.retryable = error.status === 0 || error.status >= 500;
  return problem;
}

/** Problems found before anything is sent. */
export function checkoutFieldProblem(fields: Partial<Record<CheckoutField, string>>): OrderProblem {
  return { ...emptyProblem('ValidationError', 'Please check the highlighted fields.'), fields };
}

/**
 * Whether the server has definitely turned the order down, so no order exists and a fresh Idempotency-Key is right for
 * the next try. Anything else (no answer, 5xx, another 409) might have placed it: the next try reuses the key.
 */
export function isDefinitiveRejection(error: unknown): boolean {
  if (!isApiError(error)) return false;
  if (error.status === 400 || error.status === 404 || error.status === 422) return true;
  return error.status === 409 && error.error === 'ProfileIncomplete';
}
