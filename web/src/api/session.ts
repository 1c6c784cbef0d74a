import type { SessionUser } from './types';

/**
 * The signed-in user and their short-lived ID token. The refresh token is not here: the server keeps it in an
 * HttpOnly cookie that page scripts cannot read.
 */
export interface Session {
  idToken: string;
  user: SessionUser;
}

const KEYS = {
  idToken: 'milkrun.idToken',
  user: 'milkrun.user',
} as const;

/** Where earlier versions kept the refresh token; removed on sight. */
const OLD_REFRESH_KEY = 'milkrun.refreshToken';

type Listener = () => void;

const listeners = new Set<Listener>();
let cached: Session | null | undefined;

function read(): Session | null {
  try {
    localStorage.removeItem(OLD_REFRESH_KEY);
    const idToken = localStorage.getItem(KEYS.idToken);
    const userJson = localStorage.getItem(KEYS.user);
    if (!idToken || !userJson) return null;
    const user = JSON.parse(userJson) as SessionUser;
    if (!user || typeof user.userId !== 'string') return null;
    return { idToken, user };
  } catch {
    return null;
  }
}

function emit(): void {
  cached = undefined;
  listeners.forEach((listener) => listener());
}

export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  return cached;
}

export function saveSession(session: Session): void {
  localStorage.setItem(KEYS.idToken, session.idToken);
  localStorage.setItem(KEYS.user, JSON.stringify(session.user));
  emit();
}

export function updateIdToken(idToken: string): void {
  localStorage.setItem(KEYS.idToken, idToken);
  emit();
}

export function updateSessionUser(patch: Partial<SessionUser>): void {
  const current = getSession();
  if (!current) return;
  localStorage.setItem(KEYS.user, JSON.stringify({ ...current.user, ...patch }));
  emit();
}

export function clearSession(): void {
  Object.values(KEYS).forEach((key) => localStorage.removeItem(key));
  emit();
}

function onStorage(event: StorageEvent): void {
  if (event.key === null || Object.values<string>(KEYS).includes(event.key)) emit();
}

export function subscribeSession(listener: Listener): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}
