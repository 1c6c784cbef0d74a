import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useAuth } from '../auth/authContext';
import { CartContext, type CartApi } from './cartContext';
import {
  EMPTY_CART,
  addLine,
  applyPrices,
  cartSubtotal,
  cartUnits,
  removeLine,
  setLineQuantity,
  type AddOutcome,
} from './cartLines';
import { cartKey, mergeAnonymousCart, readCart, subscribeCart, updateCart, writeCart } from './cartStorage';

/** The cart of whoever is signed in (or of the visitor), kept in localStorage and shared between tabs. */
export function CartProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const userId = user?.userId ?? null;
  const key = cartKey(userId);
  const lines = useSyncExternalStore(
    subscribeCart,
    () => readCart(key),
    () => EMPTY_CART,
  );

  useEffect(() => {
    if (userId) mergeAnonymousCart(userId);
  }, [userId]);

  const api = useMemo<CartApi>(
    () => ({
      lines,
      count: cartUnits(lines),
      subtotal: cartSubtotal(lines),
      add: (line) => {
        let outcome: AddOutcome = 'added';
        updateCart(key, (current) => {
          const result = addLine(current, line);
          outcome = result.outcome;
          return result.lines;
        });
        return outcome;
      },
      setQuantity: (productId, quantity) => updateCart(key, (current) => setLineQuantity(current, productId, quantity)),
      remove: (productId) => updateCart(key, (current) => removeLine(current, productId)),
      clear: () => writeCart(key, EMPTY_CART),
      applyPrices: (updates) => updateCart(key, (current) => applyPrices(current, updates)),
    }),
    [lines, key],
  );

  return <CartContext.Provider value={api}>{children}</CartContext.Provider>;
}
