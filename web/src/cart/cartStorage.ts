import { EMPTY_CART, mergeLines, parseLines, type CartLine } from './cartLines';

const PREFIX = 'milkrun.cart.';
const ANONYMOUS = 'anonymous';

type Listener = () => void;

const listeners = new Set<Listener>();
/** Parsed carts by storage key; the same array until the cart changes, as `useSyncExternalStore` needs. */
const cache = new Map<string, readonly CartLine[]>();

/** Each signed-in user has a cart of their own; visitors share the anonymous one. */
export function cartKey(userId: string | null | undefined): string {
  return PREFIX + (userId || ANONYMOUS);
}

function load(key: string): readonly CartLine[] {
  try {
    const json = localStorage.getItem(key);
    return json ? parseLines(JSON.parse(json)) : EMPTY_CART;
  } catch {
    return EMPTY_CART;
  }
}

function emit(): void {
  listeners.forEach((listener) => listener());
}

export function readCart(key: string): readonly CartLine[] {
  let lines = cache.get(key);
  if (!lines) {
    lines = load(key);
    cache.set(key, lines);
  }
  return lines;
}

/** Saves the cart; when storage is full or blocked the cart still works for this page's lifetime. */
export function writeCart(key: string, lines: readonly CartLine[]): void {
  const next = lines.length ? lines : EMPTY_CART;
  try {
    if (next.length) localStorage.setItem(key, JSON.stringify(next));
    else localStorage.removeItem(key);
  } catch {
    // Storage may be full or disabled (private browsing); the in-memory cart below still serves this tab.
  }
  cache.set(key, next);
  emit();
}

export function updateCart(key: string, update: (lines: readonly CartLine[]) => readonly CartLine[]): void {
  const current = readCart(key);
  const next = update(current);
  if (next !== current) writeCart(key, next);
}

/** What a visitor put in the cart follows them into their own cart when they sign in. */
export function mergeAnonymousCart(userId: string): void {
  const anonymousKey = cartKey(null);
  const anonymous = readCart(anonymousKey);
  if (!anonymous.length) return;
  const userKey = cartKey(userId);
  writeCart(userKey, mergeLines(readCart(userKey), anonymous));
  writeCart(anonymousKey, EMPTY_CART);
}

function onStorage(event: StorageEvent): void {
  if (event.key === null) cache.clear();
  else if (event.key.startsWith(PREFIX)) cache.delete(event.key);
  else return;
  emit();
}

export function subscribeCart(listener: Listener): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}
