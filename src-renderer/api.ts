import type { ApiError, ApiReply, Input, Method, Output } from '../src-shared/api';

/**
 * The admin API client. In the desktop app the preload gives us `window.hotspotdesk.call` (IPC);
 * in a browser (headless server) it is `POST /api/<method>`, signed in either by the session
 * cookie auth.login sets (HttpOnly: this code never sees it, the browser sends it) or by the
 * bearer token from the admin URL's fragment (`#token=…`) or the sign-in screen. Every call
 * resolves to an ApiReply; it never throws.
 */
declare global {
  interface Window {
    hotspotdesk?: { call(method: string, input: unknown): Promise<unknown> };
  }
}

const TOKEN_KEY = 'hotspotdesk.adminToken';

/**
 * Moves `#token=…` from the address bar into sessionStorage (so it is not left in history,
 * bookmarks or screenshots). Call once before the first render.
 */
export function takeTokenFromUrl(): void {
  const m = /^#(?:.*&)?token=([^&]+)/.exec(window.location.hash);
  if (!m) return;
  try {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
  } catch {
    // Storage disabled: the token is lost on reload, the owner reopens the printed link.
  }
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
}

/** Saves a pasted token (sign-in screen). */
export function setToken(t: string): void {
  try {
    sessionStorage.setItem(TOKEN_KEY, t.trim());
  } catch {
    // Storage disabled: nothing to keep it in; calls will ask again.
  }
}

/** Forgets the token (signing out in a browser that used one). */
export function clearToken(): void {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export function hasToken(): boolean {
  return token() !== null;
}

/** True in the desktop app, where IPC needs no token. */
export function isDesktop(): boolean {
  return typeof window.hotspotdesk?.call === 'function';
}

// The App shows the sign-in screen when the HTTP bridge refuses the token.
const unauthorizedListeners = new Set<() => void>();
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function token(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function fail(code: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

function isReply(v: unknown): v is ApiReply<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean';
}

export async function call<M extends Method>(method: M, input: Input<M>): Promise<ApiReply<Output<M>>> {
  try {
    if (window.hotspotdesk) {
      const r = await window.hotspotdesk.call(method, input);
      return isReply(r) ? (r as ApiReply<Output<M>>) : fail('internal', 'HotspotDesk sent an unexpected reply.');
    }
    const t = token();
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(t ? { Authorization: `Bearer ${t}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
    const body: unknown = await res.json().catch(() => null);
    if (res.status === 401 || (isReply(body) && !body.ok && body.error.code === 'unauthorized')) {
      for (const l of unauthorizedListeners) l();
      return fail('unauthorized', t
        ? 'The admin token was not accepted. Paste the token from the admin-token file again.'
        : 'Sign in to use HotspotDesk.');
    }
    if (isReply(body)) return body as ApiReply<Output<M>>;
    return fail('internal', `HotspotDesk answered with HTTP ${res.status}.`);
  } catch {
    return fail('offline', 'HotspotDesk is not answering. Check that the server is still running, then try again.');
  }
}
