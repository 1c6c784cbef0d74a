import type { OrderRequest } from '../../api/types';
import { randomUuid } from '../../lib/uuid';

/**
 * One Idempotency-Key per checkout attempt. Sending the same body again (a double click, a retry after the network
 * dropped, even after a reload of the tab) reuses the key, so the server answers the order it already made instead of
 * making another. A different body is a new attempt with a new key.
 */
const STORAGE_KEY = 'milkrun.checkout.attempt';

interface Attempt {
  key: string;
  body: string;
}

let memory: Attempt | null = null;

function read(): Attempt | null {
  try {
    const json = sessionStorage.getItem(STORAGE_KEY);
    const saved = json ? (JSON.parse(json) as Partial<Attempt>) : null;
    if (saved && typeof saved.key === 'string' && typeof saved.body === 'string') return { key: saved.key, body: saved.body };
  } catch {
    // sessionStorage may be blocked; the copy in memory still covers this page's lifetime.
  }
  return memory;
}

function write(attempt: Attempt | null): void {
  memory = attempt;
  try {
    if (attempt) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(attempt));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // As above: memory is enough when storage is unavailable.
  }
}

export function idempotencyKeyFor(body: OrderRequest): string {
  const json = JSON.stringify(body);
  const saved = read();
  if (saved && saved.body === json) return saved.key;
  const attempt = { key: randomUuid(), body: json };
  write(attempt);
  return attempt.key;
}

/** After an order is made, or definitely refused, the next attempt starts afresh. */
export function forgetAttempt(): void {
  write(null);
}
