import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, protocol, screen, session } from 'electron';
import { startServiceWorker, type ServiceWorker } from '../src/api/worker-host';
import { defaultDbPath } from '../src/store/db';
import { IPC_CHANNELS, METHODS } from './channels';
import {
  APP_ENTRY, APP_SCHEME, RESPONSE_HEADERS, appUrlToPath, createIpcHandler, denyDevicePermission, denyDeviceSelection, denyDisplayMedia,
  denyPermissionCheck, denyPortSelection, denyPermissionRequest, denyWindowOpen, devToolsAllowed, guardFrameNavigation, guardNavigation, isAllowedRequest,
  preventWebviewAttach, rendererDir, webPreferences,
} from './security';
import { fitToDisplays, parseWindowState, type WindowState } from './window-state';

/**
 * Electron main process (thin): one sandboxed window on the app:// scheme, the API service in a
 * worker thread behind one IPC channel per method, and nothing reachable from outside.
 * Built by electron/launch.ts into dist/electron/ (main.js, preload.cjs, worker.js).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
// A packaged app ignores the development switches INSYN_RENDERER_DIR and INSYN_DEVTOOLS (issue 13).
const RENDERER_DIR = rendererDir(process.env, app.isPackaged, path.resolve(here, '..', 'renderer'));
const PRELOAD = path.join(here, 'preload.cjs');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.ico': 'image/x-icon',
};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();
// Swedish locale for the renderer whatever the OS language: date fields read ÅÅÅÅ-MM-DD (issue 14).
app.commandLine.appendSwitch('lang', 'sv-SE');

let mainWindow: BrowserWindow | null = null;
let serviceWorker: ServiceWorker | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', preventWebviewAttach);
    contents.on('will-navigate', (event, url) => guardNavigation(event, url));
    contents.on('will-redirect', (event, url) => guardNavigation(event, url));
    // Sub-frames too (will-navigate covers only the main frame).
    contents.on('will-frame-navigate', (details) => guardFrameNavigation(details));
    contents.on('select-bluetooth-device', (event, _devices, callback) => denyPortSelection(event, callback));
    contents.setWindowOpenHandler(denyWindowOpen);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void serviceWorker?.close());
  void app.whenReady().then(start);
}

function statePath(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function loadState(): WindowState {
  const raw = fs.existsSync(statePath()) ? fs.readFileSync(statePath(), 'utf8') : null;
  return fitToDisplays(parseWindowState(raw), screen.getAllDisplays().map((d) => d.workArea));
}

function saveState(win: BrowserWindow): void {
  const b = win.getNormalBounds();
  const state: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() };
  fs.mkdirSync(path.dirname(statePath()), { recursive: true });
  fs.writeFileSync(statePath(), JSON.stringify(state));
}

async function start(): Promise<void> {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler(denyPermissionRequest);
  ses.setPermissionCheckHandler(denyPermissionCheck);
  ses.setDevicePermissionHandler(denyDevicePermission);
  ses.setDisplayMediaRequestHandler(denyDisplayMedia);
  ses.on('select-hid-device', (event, details, callback) => denyDeviceSelection(event, details, callback));
  ses.on('select-serial-port', (event, _ports, _contents, callback) => denyPortSelection(event, callback));
  ses.on('select-usb-device', (event, details, callback) => denyDeviceSelection(event, details, callback));
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));

  protocol.handle(APP_SCHEME, async (request) => {
    const file = appUrlToPath(request.url, RENDERER_DIR, path.join);
    const real = file ? await fs.promises.realpath(file).catch(() => null) : null;
    const root = await fs.promises.realpath(RENDERER_DIR).catch(() => RENDERER_DIR);
    if (!real || !(real === root || real.startsWith(root + path.sep))) return new Response('Hittades inte', { status: 404, headers: RESPONSE_HEADERS });
    const body = await fs.promises.readFile(real);
    return new Response(body, { headers: { ...RESPONSE_HEADERS, 'Content-Type': MIME[path.extname(real).toLowerCase()] ?? 'application/octet-stream' } });
  });

  serviceWorker = startServiceWorker(process.env.INSYN_DB ?? defaultDbPath());
  for (const method of METHODS) ipcMain.handle(IPC_CHANNELS[method], createIpcHandler(method, serviceWorker.call));

  const state = loadState();
  mainWindow = new BrowserWindow({
    ...state,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Insyn',
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(PRELOAD, { devTools: devToolsAllowed(process.env, app.isPackaged) }),
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => mainWindow && saveState(mainWindow));
  mainWindow.on('closed', () => (mainWindow = null));
  await mainWindow.loadURL(APP_ENTRY);
}
