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
export function webPreferences(preloadPath: string, opts: { devTools?: boolean } = {}) {
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
    devTools: opts.devTools ?? false,
  } as const;
}

/**
 * Development switches that must not work in an installed app (issue 13.5): a packaged build
 * always serves its own bundled renderer and never opens DevTools, whatever the environment says.
 */
export function rendererDir(env: NodeJS.ProcessEnv, isPackaged: boolean, bundled: string): string {
  return !isPackaged && env.INSYN_RENDERER_DIR ? env.INSYN_RENDERER_DIR : bundled;
}
export function devToolsAllowed(env: NodeJS.ProcessEnv, isPackaged: boolean): boolean {
  return !isPackaged && env.INSYN_DEVTOOLS === '1';
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

/** `will-frame-navigate` (every frame, sub-frames included): the same guard as the main frame's navigation. */
export function guardFrameNavigation(details: { url: string; preventDefault(): void }): boolean {
  return guardNavigation(details, details.url);
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

/** `setDevicePermissionHandler`: no HID, serial or USB device is ever granted. */
export function denyDevicePermission(): boolean {
  return false;
}

/** `setDisplayMediaRequestHandler`: screen capture is refused (no video and no audio stream = denied). */
export function denyDisplayMedia(_request: unknown, callback: (streams: { video?: never; audio?: never }) => void): void {
  callback({});
}

/** `select-hid-device` / `select-usb-device`: cancel (a callback without a device), never pick one. */
export function denyDeviceSelection(event: { preventDefault(): void }, _details: unknown, callback: () => void): void {
  event.preventDefault();
  callback();
}

/** `select-serial-port` / `select-bluetooth-device`: cancel (an empty id), never pick one. */
export function denyPortSelection(event: { preventDefault(): void }, callback: (id: string) => void): void {
  event.preventDefault();
  callback('');
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

/** What the renderer hears about an internal failure; the details go to the log (issue 13.5). */
export const INTERNAL_ERROR_SV = 'Ett internt fel inträffade. Detaljerna finns i programmets logg.';

/**
 * An `ipcMain.handle` listener for one method: refuses calls from any frame that is not the app
 * (e.g. an injected iframe), then hands the request to the validating API handler. Always
 * resolves to an envelope; never throws across the IPC boundary, and never passes an internal
 * error's message (paths, SQL, stack details) to the renderer: those are logged instead.
 */
export function createIpcHandler(
  method: Method,
  handle: (method: string, request: unknown) => Promise<Envelope<unknown>>,
  log: (line: string) => void = (line) => console.error(line),
) {
  return async (event: { senderFrame?: { url?: string } | null }, request: unknown): Promise<Envelope<unknown>> => {
    const url = event.senderFrame?.url ?? '';
    if (!isAllowedNavigation(url)) return fail('unauthorized', 'Anropet kom inte från Insyns eget fönster');
    let reply: Envelope<unknown>;
    try {
      reply = await handle(method, request);
    } catch (err) {
      log(`insyn: internt fel i ${method}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      return fail('internal', INTERNAL_ERROR_SV);
    }
    if (!reply.ok && (reply.error.code === 'internal' || reply.error.code === 'invalid_reply')) {
      log(`insyn: internt fel i ${method}: ${reply.error.message}`);
      return fail(reply.error.code, INTERNAL_ERROR_SV);
    }
    return reply;
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
