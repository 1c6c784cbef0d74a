import { createContext, useContext } from 'react';
import type { AddOutcome, CartLine, PriceUpdate } from './cartLines';

export interface CartApi {
  lines: readonly CartLine[];
  /** Units across all lines, as the header shows them. */
  count: number;
  /** Indicative: from the prices the shop showed. */
  subtotal: number;
  add: (line: CartLine) => AddOutcome;
  setQuantity: (productId: string, quantity: number) => void;
  remove: (productId: string) => void;
  clear: () => void;
  applyPrices: (updates: readonly PriceUpdate[]) => void;
}

export const CartContext = createContext<CartApi | null>(null);

export function useCart(): CartApi {
  const cart = useContext(CartContext);
  if (!cart) throw new Error('useCart must be used inside <CartProvider>');
  return cart;
}
