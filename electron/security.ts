import { fail, type Envelope, type Method } from '../src/api/contract';
import { CONTENT_SECURITY_POLICY } from '../src/api/http-server';

/**
 * The security-relevant parts of the Electron shell as pure values and functions, so they are
 * unit-tested without launching Electron (issue 5 architecture, issue 7). main.ts only wires
 * them into Electron's APIs.
 */

/** The app is served from a privileged custom scheme, never from file:// or a remote origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'insyn';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY };

/** Every renderer runs sandboxed and context-isolated, without Node, with web security on. */
export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    disableBlinkFeatures: 'Auxclick',
    devTools: process.env.INSYN_DEVTOOLS === '1',
  } as const;
}

/** Headers added to every response of the app scheme. */
export const RESPONSE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Only documents of the app itself may be shown; everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/** `will-navigate` / `will-redirect` / `will-frame-navigate` guard: prevent unless the app itself. */
export function guardNavigation(event: { preventDefault(): void }, url: string): boolean {
  if (isAllowedNavigation(url)) return true;
  event.preventDefault();
  return false;
}

/** `setWindowOpenHandler`: no new windows, ever (links to the outside world included). */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests (camera, notifications, geolocation …) and checks are all denied. */
export function denyPermissionRequest(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}
export function denyPermissionCheck(): boolean {
  return false;
}

/** `web-contents-created`: no <webview>, and the guards on every new web contents. */
export function preventWebviewAttach(event: { preventDefault(): void }): void {
  event.preventDefault();
}

export { IPC_CHANNELS, ipcChannel } from './channels';

/**
 * `webRequest.onBeforeRequest` filter: the renderer may load only its own scheme plus in-memory
 * blob:/data: URLs (layout worker, canvas images). http(s), ws(s), file and everything else is
 * cancelled, so nothing leaves the machine even if a bug tried.
 */
export function isAllowedRequest(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'blob:') return isAllowedNavigation(url.slice('blob:'.length));
  if (u.protocol === 'data:' || u.protocol === 'devtools:') return true;
  return isAllowedNavigation(url);
}

/**
 * An `ipcMain.handle` listener for one method: refuses calls from any frame that is not the app
 * (e.g. an injected iframe), then hands the request to the validating API handler. Always
 * resolves to an envelope; never throws across the IPC boundary.
 */
export function createIpcHandler(method: Method, handle: (method: string, request: unknown) => Promise<Envelope<unknown>>) {
  return async (event: { senderFrame?: { url?: string } | null }, request: unknown): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAllowedNavigation(url)) return fail('unauthorized', 'Anropet kom inte från Insyns eget fönster');
    try {
      return await handle(method, request);
    } catch (err) {
      return fail('internal', `Internt fel: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

/** Maps an app:// URL to a file inside the renderer folder, or null (traversal, other hosts). */
export function appUrlToPath(url: string, root: string, join: (...p: string[]) => string): string | null {
  if (!isAllowedNavigation(url)) return null;
  const u = new URL(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..' || s === '.')) return null;
  return join(root, ...(segments.length ? segments : ['index.html']));
}
