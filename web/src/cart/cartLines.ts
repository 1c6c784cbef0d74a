import type { Product } from '../api/types';
import { roundRupees } from '../lib/money';

/** One product in the cart. Prices are what the shop showed; the server's quote is what counts. */
export interface CartLine {
  productId: string;
  vendorId: string;
  productName: string;
  vendorName: string;
  unit: string;
  unitPrice: number;
  quantity: number;
  imageUrl: string | null;
  category: string;
}

export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 100;
/** An order takes at most 50 lines (`TOO_MANY_ITEMS`). */
export const MAX_CART_LINES = 50;
/** The smallest subtotal an order may have, in rupees. */
export const MINIMUM_ORDER = 100;

export const EMPTY_CART: readonly CartLine[] = Object.freeze([]);

export type AddOutcome = 'added' | 'capped' | 'full';

export function clampQuantity(quantity: number): number {
  if (!Number.isFinite(quantity)) return MIN_QUANTITY;
  return Math.min(MAX_QUANTITY, Math.max(MIN_QUANTITY, Math.round(quantity)));
}

export function productToLine(product: Product, quantity: number): CartLine {
  return {
    productId: product.productId,
    vendorId: product.vendorId,
    productName: product.name,
    vendorName: product.vendorName ?? '',
    unit: product.unit,
    unitPrice: product.price,
    quantity: clampQuantity(quantity),
    imageUrl: product.imageUrl ?? null,
    category: product.category,
  };
}

/** Adds to the quantity already in the cart, up to 100; a new product needs a free line. */
export function addLine(lines: readonly CartLine[], line: CartLine): { lines: readonly CartLine[]; outcome: AddOutcome } {
  const existing = lines.find((item) => item.productId === line.productId);
  if (!existing) {
    if (lines.length >= MAX_CART_LINES) return { lines, outcome: 'full' };
    return { lines: [...lines, { ...line, quantity: clampQuantity(line.quantity) }], outcome: 'added' };
  }
  const wanted = existing.quantity + line.quantity;
  const quantity = clampQuantity(wanted);
  const next = lines.map((item) => (item.productId === line.productId ? { ...item, ...line, quantity } : item));
  return { lines: next, outcome: quantity < wanted ? 'capped' : 'added' };
}

export function setLineQuantity(lines: readonly CartLine[], productId: string, quantity: number): readonly CartLine[] {
  const next = clampQuantity(quantity);
  if (!lines.some((line) => line.productId === productId && line.quantity !== next)) return lines;
  return lines.map((line) => (line.productId === productId ? { ...line, quantity: next } : line));
}

export function removeLine(lines: readonly CartLine[], productId: string): readonly CartLine[] {
  return lines.some((line) => line.productId === productId) ? lines.filter((line) => line.productId !== productId) : lines;
}

/** Adds `incoming` into `target` as if each line were added again; lines beyond the limit are dropped. */
export function mergeLines(target: readonly CartLine[], incoming: readonly CartLine[]): readonly CartLine[] {
  return incoming.reduce((lines, line) => addLine(lines, line).lines, target);
}

export interface PriceUpdate {
  productId: string;
  unitPrice: number;
  productName?: string;
  vendorName?: string | null;
}

/** Takes the server's prices and names for the lines it priced; the same array when nothing changed. */
export function applyPrices(lines: readonly CartLine[], updates: readonly PriceUpdate[]): readonly CartLine[] {
  const byId = new Map(updates.map((update) => [update.productId, update]));
  let changed = false;
  const next = lines.map((line) => {
    const update = byId.get(line.productId);
    if (!update || !Number.isFinite(update.unitPrice)) return line;
    const productName = update.productName || line.productName;
    const vendorName = update.vendorName || line.vendorName;
    if (update.unitPrice === line.unitPrice && productName === line.productName && vendorName === line.vendorName) {
      return line;
    }
    changed = true;
    return { ...line, unitPrice: update.unitPrice, productName, vendorName };
  });
  return changed ? next : lines;
}

export function lineTotal(line: Pick<CartLine, 'unitPrice' | 'quantity'>): number {
  return roundRupees(line.unitPrice * line.quantity);
}

export function cartSubtotal(lines: readonly CartLine[]): number {
  return roundRupees(lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0));
}

export function cartUnits(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function toLine(value: unknown): CartLine | null {
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (!isText(raw.productId) || !raw.productId || !isText(raw.vendorId) || !raw.vendorId) return null;
  const unitPrice = typeof raw.unitPrice === 'number' && Number.isFinite(raw.unitPrice) ? raw.unitPrice : 0;
  return {
    productId: raw.productId,
    vendorId: raw.vendorId,
    productName: isText(raw.productName) ? raw.productName : raw.productId,
    vendorName: isText(raw.vendorName) ? raw.vendorName : '',
    unit: isText(raw.unit) ? raw.unit : '',
    unitPrice,
    quantity: clampQuantity(typeof raw.quantity === 'number' ? raw.quantity : MIN_QUANTITY),
    imageUrl: isText(raw.imageUrl) ? raw.imageUrl : null,
    category: isText(raw.category) ? raw.category : 'other',
  };
}

/** Reads a stored cart defensively: unreadable lines are dropped, quantities brought into 1–100, no duplicates. */
export function parseLines(value: unknown): readonly CartLine[] {
  if (!Array.isArray(value)) return EMPTY_CART;
  const lines = value.map(toLine).filter((line): line is CartLine => line !== null);
  const unique = lines.filter((line, index) => lines.findIndex((other) => other.productId === line.productId) === index);
  return unique.length ? unique.slice(0, MAX_CART_LINES) : EMPTY_CART;
}
