// The renderer's single door to the core: Electron preload bridge when present, else the
// loopback HTTP transport with the per-session token. Views cannot tell which one is used.
import { z } from 'zod';
import { createClient, type ApiClient } from '../src/api/client';
import { httpTransport, ipcTransport, takeToken, type IpcBridge } from '../src/api/transports';
import type { Envelope } from '../src/api/contract';

// Strict CSP forbids eval; tell zod not to probe for it.
z.config({ jitless: true });

declare global {
  interface Window { insyn?: IpcBridge }
}

function makeClient(): ApiClient {
  if (window.insyn) return createClient(ipcTransport(window.insyn));
  const { token, cleanUrl } = takeToken(window.location.href, window.sessionStorage);
  if (cleanUrl !== window.location.href) window.history.replaceState(null, '', cleanUrl);
  return createClient(httpTransport(window.location.origin, token ?? ''));
}

export const api: ApiClient = makeClient();

/** Turns an envelope into a value or throws an Error with the Swedish message (for loaders). */
export function must<T>(env: Envelope<T>): T {
  if (env.ok) return env.value;
  throw new Error(env.error.message);
}

export type { ApiClient };
