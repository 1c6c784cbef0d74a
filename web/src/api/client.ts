import type { ErrorBody, FieldError, Page, RefreshResponse } from './types';
import { clearSession, getSession, updateIdToken } from './session';

/**
 * Where the API is: the same origin by default (the local server serves both), or a path prefix set at build time,
 * `VITE_API_BASE=/api`, when the UI and the API share a CloudFront distribution on AWS.
 */
const API_BASE: string = import.meta.env.VITE_API_BASE ?? '';

/** Asks the server to keep the refresh token in its HttpOnly cookie instead of the response body. */
export const REFRESH_IN_COOKIE: Readonly<Record<string, string>> = { 'X-MilkRun-Refresh': 'cookie' };

export class ApiError extends Error {
  readonly status: number;
  readonly error: string;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds?: number;
  /** The whole error body, for the extra fields some errors carry (such as `unavailableItems`). */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, body: ErrorBody, retryAfterSeconds?: number) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.error = body.error;
    this.fieldErrors = body.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
    this.body = { ...body };
  }
}

export function isApiError(value: unknown, error?: string): value is ApiError {
  return value instanceof ApiError && (error === undefined || value.error === error);
}

export function errorMessage(value: unknown): string {
  if (value instanceof Error && value.message) return value.message;
  return 'Something went wrong. Please try again.';
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Extra request headers, such as `Idempotency-Key`; sent again unchanged when the token is refreshed. */
  headers?: Record<string, string>;
  /** Sends the ID token and refreshes it once on 401. */
  auth?: boolean;
  signal?: AbortSignal;
}

type SessionExpiredHandler = () => void;
let sessionExpiredHandler: SessionExpiredHandler | null = null;

/** Called after a failed refresh has signed the user out. */
export function onSessionExpired(handler: SessionExpiredHandler | null): void {
  sessionExpiredHandler = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

interface JsonResult {
  value: unknown;
  malformed: boolean;
}

async function readJson(response: Response): Promise<JsonResult> {
  const text = await response.text();
  if (!text) return { value: undefined, malformed: false };
  try {
    return { value: JSON.parse(text), malformed: false };
  } catch {
    return { value: undefined, malformed: true };
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorBody).error === 'string' &&
    typeof (value as ErrorBody).message === 'string'
  );
}

async function send(url: string, options: RequestOptions, idToken?: string): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (idToken) headers.Authorization = `Bearer ${idToken}`;
  try {
    return await fetch(API_BASE + url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, {
      error: 'NetworkError',
      message: 'Could not reach MilkRun. Check your connection and try again.',
    });
  }
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * Exchanges the refresh cookie for a new ID token. Tabs take turns (a Web Lock): the cookie rotates on every
 * refresh, and a spent one presented again would end the sign-in, so a tab that waited first checks whether another
 * tab has refreshed meanwhile.
 */
async function refreshTokens(tokenUsed: string | undefined): Promise<boolean> {
  const attempt = async (): Promise<boolean> => {
    const session = getSession();
    if (!session) return false;
    if (tokenUsed && session.idToken !== tokenUsed) return true;
    try {
      const response = await send('/auth/refresh', { method: 'POST', body: {}, headers: REFRESH_IN_COOKIE });
      if (!response.ok) return false;
      const tokens = (await readJson(response)).value as RefreshResponse | undefined;
      if (!tokens?.idToken) return false;
      updateIdToken(tokens.idToken);
      return true;
    } catch {
      return false;
    }
  };
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('milkrun.refresh', attempt) : attempt();
}

function refreshOnce(tokenUsed: string | undefined): Promise<boolean> {
  if (!refreshInFlight) {
    refreshInFlight = refreshTokens(tokenUsed).finally(() => {
      refreshInFlight = null;
    });
  }
  return refreshInFlight;
}

function expireSession(): void {
  if (!getSession()) return;
  clearSession();
  sessionExpiredHandler?.();
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  const tokenUsed = options.auth ? getSession()?.idToken : undefined;
  let response = await send(url, options, tokenUsed);

  if (options.auth && response.status === 401) {
    const current = getSession();
    const alreadyRotated = current && tokenUsed && current.idToken !== tokenUsed;
    const refreshed = alreadyRotated ? true : current ? await refreshOnce(tokenUsed) : false;
    if (!refreshed) {
      expireSession();
    } else {
      response = await send(url, options, getSession()?.idToken);
      if (response.status === 401) expireSession();
    }
  }

  const { value, malformed } = await readJson(response);
  if (!response.ok) {
    const body: ErrorBody = isErrorBody(value)
      ? value
      : { error: 'HttpError', message: `The server answered ${response.status} ${response.statusText}`.trim() };
    throw new ApiError(response.status, body, parseRetryAfter(response.headers.get('Retry-After')));
  }
  if (malformed) {
    throw new ApiError(response.status, {
      error: 'InvalidResponse',
      message: 'The server sent an answer MilkRun could not read. Please try again.',
    });
  }
  return value as T;
}

/** A list answer as a page; a bare array is accepted too, as one last page. */
export async function apiList<T>(path: string, options: RequestOptions = {}): Promise<Page<T>> {
  const answer = await apiRequest<Page<T> | T[] | undefined>(path, options);
  if (Array.isArray(answer)) return { items: answer, count: answer.length };
  const items = answer?.items ?? [];
  return { items, count: answer?.count ?? items.length, nextToken: answer?.nextToken ?? undefined };
}
