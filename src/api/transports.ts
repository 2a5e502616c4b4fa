import type { Method } from './contract';
import type { Transport } from './client';

/** Header that carries the per-session token on every loopback API request. */
export const TOKEN_HEADER = 'x-insyn-token';
/** Path prefix of API calls on the loopback server: POST `/api/<method>`. */
export const API_PREFIX = '/api/';

/**
 * Loopback HTTP transport: POST JSON to `${baseUrl}/api/<method>` with the session token in a
 * header (never in the URL after the first page load). Uses only `fetch`.
 */
export function httpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  return async (method, request) => {
    const res = await fetchImpl(`${base}${API_PREFIX}${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(request ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
    if (res.status === 401) return { ok: false, error: { code: 'unauthorized', message: 'Sessionen saknar giltig nyckel. Öppna länken som Insyn skrev ut.' } };
    const text = await res.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return { ok: false, error: { code: 'transport', message: `Oväntat svar från servern (HTTP ${res.status})` } };
    }
  };
}

/** What the Electron preload exposes as `window.insyn`: one function per API method. */
export type IpcBridge = { [M in Method]?: (request: unknown) => Promise<unknown> };

export function ipcTransport(bridge: IpcBridge): Transport {
  return async (method, request) => {
    const fn = bridge[method];
    if (typeof fn !== 'function') return { ok: false, error: { code: 'unknown_method', message: `Okänd metod: ${method}` } };
    return fn(request);
  };
}

/**
 * Reads the session token for the loopback transport: a `token` query parameter from the first
 * page load wins (and is returned so the caller can strip it from the address bar), else what
 * was kept in session storage. Pure: the caller passes the URL and a storage-like object.
 */
export function takeToken(
  url: string,
  storage: { getItem(k: string): string | null; setItem(k: string, v: string): void },
): { token: string | null; cleanUrl: string } {
  const u = new URL(url);
  const fromUrl = u.searchParams.get('token');
  if (fromUrl) {
    storage.setItem('insyn.token', fromUrl);
    u.searchParams.delete('token');
  }
  return { token: fromUrl ?? storage.getItem('insyn.token'), cleanUrl: u.toString() };
}
