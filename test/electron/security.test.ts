import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API, METHODS } from '../../src/api/contract';
import { createApiHandler, type ServiceImpl } from '../../src/api/handler';
import fs from 'node:fs';
import {
  APP_ENTRY, CONTENT_SECURITY_POLICY, INTERNAL_ERROR_SV, IPC_CHANNELS, RESPONSE_HEADERS, appUrlToPath, createIpcHandler, denyDevicePermission,
  denyDeviceSelection, denyDisplayMedia, denyPermissionCheck, denyPermissionRequest, denyPortSelection, denyWindowOpen, devToolsAllowed,
  guardFrameNavigation, guardNavigation, isAllowedNavigation, isAllowedRequest, rendererDir, webPreferences,
} from '../../electron/security';
import { DEFAULT_STATE, fitToDisplays, parseWindowState } from '../../electron/window-state';

describe('BrowserWindow options', () => {
  it('sandboxes and isolates the renderer without Node', () => {
    const w = webPreferences('/app/preload.cjs');
    expect(w).toMatchObject({
      preload: '/app/preload.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false,
    });
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('allows only the app itself, no inline script, no remote origins', () => {
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('development switches are ignored in a packaged app (issue 13)', () => {
  const env = { INSYN_RENDERER_DIR: '/tmp/evil-renderer', INSYN_DEVTOOLS: '1' };
  it('INSYN_RENDERER_DIR and INSYN_DEVTOOLS work in development only', () => {
    expect(rendererDir(env, false, '/app/renderer')).toBe('/tmp/evil-renderer');
    expect(rendererDir(env, true, '/app/renderer')).toBe('/app/renderer');
    expect(rendererDir({}, false, '/app/renderer')).toBe('/app/renderer');
    expect(devToolsAllowed(env, false)).toBe(true);
    expect(devToolsAllowed(env, true)).toBe(false);
    expect(devToolsAllowed({}, false)).toBe(false);
    expect(webPreferences('/p').devTools).toBe(false);
    expect(webPreferences('/p', { devTools: devToolsAllowed(env, true) }).devTools).toBe(false);
  });

  it('main.ts wires them through app.isPackaged and reads no switch directly', () => {
    const main = fs.readFileSync(path.resolve('electron/main.ts'), 'utf8');
    expect(main).toMatch(/rendererDir\(process\.env, app\.isPackaged,/);
    expect(main).toMatch(/devToolsAllowed\(process\.env, app\.isPackaged\)/);
    expect(main).not.toMatch(/process\.env\.INSYN_(RENDERER_DIR|DEVTOOLS)/);
    expect(fs.readFileSync(path.resolve('electron/security.ts'), 'utf8')).not.toMatch(/process\.env\.INSYN_DEVTOOLS/);
  });
});

describe('navigation and window guards', () => {
  it('allows only app://insyn documents', () => {
    expect(isAllowedNavigation(APP_ENTRY)).toBe(true);
    expect(isAllowedNavigation('app://insyn/#/larm')).toBe(true);
    for (const url of ['https://example.com', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'app://evil/index.html', 'app://insyn.evil/x', 'javascript:alert(1)', 'app://user:pw@insyn/', 'not a url', 'data:text/html,<h1>x']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('prevents navigation away from the app', () => {
    const ev = { preventDefault: vi.fn() };
    expect(guardNavigation(ev, 'https://example.com/phish')).toBe(false);
    expect(ev.preventDefault).toHaveBeenCalledOnce();
    const ok = { preventDefault: vi.fn() };
    expect(guardNavigation(ok, 'app://insyn/index.html')).toBe(true);
    expect(ok.preventDefault).not.toHaveBeenCalled();
  });

  it('guards every frame\'s navigation (will-frame-navigate), devices and screen capture (issue 13)', () => {
    const sub = { url: 'https://evil.example/', isMainFrame: false, preventDefault: vi.fn() };
    expect(guardFrameNavigation(sub)).toBe(false);
    expect(sub.preventDefault).toHaveBeenCalledOnce();
    const own = { url: 'app://insyn/index.html', preventDefault: vi.fn() };
    expect(guardFrameNavigation(own)).toBe(true);
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(denyDevicePermission()).toBe(false);
    const media = vi.fn();
    denyDisplayMedia({ frame: null, securityOrigin: 'app://insyn' }, media);
    expect(media).toHaveBeenCalledWith({});
    const ev = { preventDefault: vi.fn() };
    const pick = vi.fn();
    denyDeviceSelection(ev, { deviceList: [{ deviceId: 'usb-1' }] }, pick);
    expect(ev.preventDefault).toHaveBeenCalled();
    expect(pick).toHaveBeenCalledWith();
    const port = vi.fn();
    denyPortSelection(ev, port);
    expect(port).toHaveBeenCalledWith('');
    // Wired in main.ts, for every web contents and the session.
    const main = fs.readFileSync(path.resolve('electron/main.ts'), 'utf8');
    for (const wiring of ["'will-frame-navigate'", 'setDevicePermissionHandler(denyDevicePermission)', 'setDisplayMediaRequestHandler(denyDisplayMedia)', "'select-hid-device'", "'select-serial-port'", "'select-usb-device'", "'select-bluetooth-device'"]) {
      expect(main, wiring).toContain(wiring);
    }
  });

  it('denies new windows and every permission', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    const cb = vi.fn();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) denyPermissionRequest({}, p, cb);
    expect(cb.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(denyPermissionCheck()).toBe(false);
  });

  it('lets the renderer request only its own scheme and in-memory URLs', () => {
    expect(isAllowedRequest('app://insyn/assets/index.js')).toBe(true);
    expect(isAllowedRequest('blob:app://insyn/4f1c')).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://example.com/x.js', 'http://localhost:3000/', 'ws://127.0.0.1/', 'file:///etc/hosts', 'blob:https://example.com/1', 'ftp://x/']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('maps app URLs to files inside the renderer folder only', () => {
    const root = '/opt/insyn/renderer';
    expect(appUrlToPath('app://insyn/', root, path.posix.join)).toBe('/opt/insyn/renderer/index.html');
    expect(appUrlToPath('app://insyn/assets/a.js', root, path.posix.join)).toBe('/opt/insyn/renderer/assets/a.js');
    for (const url of ['app://insyn/../secret', 'app://insyn/%2e%2e/secret', 'app://insyn/a/%2e%2e/%2e%2e/x', 'app://insyn/..%5csecret', 'app://other/index.html']) {
      const p = appUrlToPath(url, root, path.posix.join);
      expect(p === null || p.startsWith(root + '/'), url).toBe(true);
    }
  });
});

describe('IPC', () => {
  it('has exactly one channel per API method', () => {
    expect(Object.keys(IPC_CHANNELS).sort()).toEqual(Object.keys(API).sort());
    expect(new Set(Object.values(IPC_CHANNELS)).size).toBe(METHODS.length);
    expect(IPC_CHANNELS.status).toBe('insyn:status');
  });

  const service = { search: ({ q }: { q: string }) => ({ items: [{ id: '1', kind: 'person', label: q, detail: null, matchedBy: 'name', score: 1 }] }) } as unknown as ServiceImpl;
  const app = { senderFrame: { url: 'app://insyn/index.html' } };

  it('validates requests with the contract and replies with the envelope', async () => {
    const h = createIpcHandler('search', createApiHandler(service));
    expect(await h(app, { q: 'Östlund' })).toMatchObject({ ok: true, value: { items: [{ label: 'Östlund' }] } });
    const bad = await h(app, { q: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!bad.ok && bad.error.message).toMatch(/Ogiltig förfrågan/);
  });

  it('refuses calls from frames that are not the app', async () => {
    const called = vi.fn(async () => ({ ok: true as const, value: null }));
    const h = createIpcHandler('search', called);
    for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, null]) {
      expect(await h({ senderFrame: frame }, { q: 'x' })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    }
    expect(called).not.toHaveBeenCalled();
  });

  it('never throws across the boundary', async () => {
    const h = createIpcHandler('search', async () => {
      throw new Error('boom');
    }, () => undefined);
    expect(await h(app, { q: 'x' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('never passes an internal error message to the renderer: a generic message, the details logged (issue 13)', async () => {
    const logged: string[] = [];
    const secret = "SqliteError: no such table: /home/utredare/.local/share/insyn/insyn.sqlite";
    const throwing = createIpcHandler('search', async () => {
      throw new Error(secret);
    }, (l) => logged.push(l));
    const failing = { search: () => { throw new Error(secret); } } as unknown as ServiceImpl;
    const viaHandler = createIpcHandler('search', createApiHandler(failing), (l) => logged.push(l));
    for (const h of [throwing, viaHandler]) {
      const r = await h(app, { q: 'x' });
      expect(r).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR_SV } });
    }
    expect(logged).toHaveLength(2);
    for (const l of logged) expect(l).toContain(secret);
    // Deliberate, Swedish errors (validation, not found) still reach the user.
    const bad = await viaHandler(app, { q: 42 });
    expect(!bad.ok && bad.error.message).toMatch(/Ogiltig förfrågan/);
  });
});

describe('window state', () => {
  it('restores a saved state and falls back on garbage', () => {
    expect(parseWindowState(JSON.stringify({ x: 10, y: 20, width: 1400, height: 900, maximized: true }))).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
    expect(parseWindowState('{nope')).toEqual(DEFAULT_STATE);
    expect(parseWindowState(JSON.stringify({ width: 'x' }))).toEqual(DEFAULT_STATE);
    expect(parseWindowState(JSON.stringify({ width: 100, height: 100 }))).toMatchObject({ width: 800, height: 600 });
  });

  it('drops a position that is off every display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(fitToDisplays({ x: 100, y: 100, width: 1000, height: 700, maximized: false }, displays)).toMatchObject({ x: 100, y: 100 });
    const off = fitToDisplays({ x: 5000, y: 100, width: 1000, height: 700, maximized: false }, displays);
    expect(off.x).toBeUndefined();
    expect(off.width).toBe(1000);
  });
});

describe('module boundaries', () => {
  it('security.ts and window-state.ts do not load electron', async () => {
    const fs = await import('node:fs');
    for (const f of ['electron/security.ts', 'electron/window-state.ts', 'electron/channels.ts']) {
      expect(fs.readFileSync(f, 'utf8'), f).not.toMatch(/from 'electron'/);
    }
    expect(fs.readFileSync('electron/preload.ts', 'utf8')).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\)/);
  });
});
